package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** How the encoder of a denoising network ({@link NetworkSpec}) halves the image size at each level. */
public enum Pooling implements Choice {

	/** 2x2 max pooling, stride 2 (the classic U-Net; what every model written before this option used). */
	MAX,
	/**
	 * Max-blur pooling (N2V2, after Zhang 2019): 2x2 max with stride 1, then a 3x3 binomial blur sampled with stride 2.
	 * Removes the aliasing of strided max pooling behind the checkerboard artefacts of Noise2Void networks.
	 */
	BLUR;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Pooling parse(final String text) {
		return Choice.parse(Pooling.class, text, "pooling");
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
