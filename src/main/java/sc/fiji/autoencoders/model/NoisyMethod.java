package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * How a denoiser learns from noisy images alone (training mode {@link TrainingMode#NOISY}). Both assume noise that is
 * independent from pixel to pixel (structN2V handles noise correlated along rows or columns, with Noise2Void).
 */
public enum NoisyMethod implements Choice {

	/** Blind-spot masking (Noise2Void, with the N2V2 and structN2V options): a loss on the masked pixels only. */
	NOISE2VOID,
	/**
	 * Neighbor2Neighbor: two half-size sub-samplings of each noisy patch, one pixel apart, trained one onto the other
	 * with a loss on every pixel and the paper's regulariser; an ordinary denoising network without a blind spot.
	 */
	NEIGHBOR2NEIGHBOR;

	/**
	 * The ids as front ends list them (compile-time constants for the settings' choices); {@code auto} is not a method:
	 * development builds recorded it as their default, and {@code TrainDenoiserSettings#noisyMethod()} reads it as
	 * Noise2Void, today's default.
	 */
	public static final String NOISE2VOID_ID = "noise2void", NEIGHBOR2NEIGHBOR_ID = "neighbor2neighbor",
		AUTO_ID = "auto";

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static NoisyMethod parse(final String text) {
		return Choice.parse(NoisyMethod.class, text, "method for noisy images");
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
