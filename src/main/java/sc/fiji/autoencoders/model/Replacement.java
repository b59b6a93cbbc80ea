package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** What replaces a blind-spot pixel's value in the network's input ({@link Masking}). */
public enum Replacement implements Choice {

	/** The value of a random pixel of its window (Noise2Void's uniform pixel selection; N2V2 never draws the centre). */
	NEIGHBOUR,
	/**
	 * The mean of its window without the centre (and without the structN2V line): a smooth input, never carrying the
	 * pixel's own noise.
	 */
	MEAN;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Replacement parse(final String text) {
		return Choice.parse(Replacement.class, text, "masked pixel replacement");
	}

	@Override
	public String id() {
		return Choice.idOf(this);
	}

	@Override
	public String toString() {
		return id();
	}
}
