package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** What a feature autoencoder ({@link ModelKind#AUTOENCODER}) adds to its reconstruction error while it trains. */
public enum Regularizer implements Choice {

	/** Nothing: a plain autoencoder. */
	NONE,
	/**
	 * L1 penalty on the code activations, which pass a {@link SparseCode} (exactly zero when inactive); for the soft
	 * threshold each unit's term is weighed by the norm of its decoder weights ({@link AutoencoderNetwork#l1}).
	 */
	SPARSE,
	/** Penalty on the squared Frobenius norm of the encoder's Jacobian with respect to its input image. */
	CONTRACTIVE,
	/** No non-linearity anywhere (and no penalty): the network can only learn what PCA finds, the baseline. */
	LINEAR;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Regularizer parse(final String text) {
		return Choice.parse(Regularizer.class, text, "regularizer");
	}

	@Override
	public String toString() {
		return id();
	}
}
