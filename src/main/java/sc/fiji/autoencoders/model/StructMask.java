package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * structN2V: the line of pixels masked with each blind-spot pixel, for noise that is correlated along rows (x) or
 * columns (y), so that the network cannot read the masked pixel's noise from its correlated neighbours.
 */
public enum StructMask implements Choice {

	/** Only the blind-spot pixel (plain Noise2Void). */
	NONE,
	/** A horizontal line through the blind-spot pixel (noise correlated along rows). */
	X,
	/** A vertical line through the blind-spot pixel (noise correlated along columns). */
	Y;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static StructMask parse(final String text) {
		return Choice.parse(StructMask.class, text, "structN2V mask");
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
