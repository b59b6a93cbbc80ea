package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The activation on a sparse feature autoencoder's code ({@link Regularizer#SPARSE}). Model files store it since
 * {@link #SHRINKAGE}; a sparse model without it was written before and has a {@link #RELU} code.
 */
public enum SparseCode implements Choice {

	/**
	 * relu(p): non-negative, exactly zero for inactive units. Half of each unit's range is lost (the sign), and a unit
	 * silent on every image gets no gradient again; kept so that files written with it encode as before.
	 */
	RELU,
	/**
	 * Soft threshold, the proximal operator of the L1 penalty: sign(p) max(|p| - theta, 0) with a learned threshold
	 * theta = |t| per unit. Codes keep both signs and the small ones are exactly zero; a unit is silent on an image
	 * (and gets no gradient from it) only while its pre-activation is inside the threshold, not on a whole half-line.
	 */
	SHRINKAGE;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static SparseCode parse(final String text) {
		return Choice.parse(SparseCode.class, text, "sparse code");
	}

	@Override
	public String toString() {
		return id();
	}
}
