package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** How the decoder of a denoising network ({@link NetworkSpec}) doubles the image size at each level. */
public enum Upsampling implements Choice {

	/** Each pixel repeated 2x2. */
	NEAREST,
	/** Bilinear interpolation. */
	BILINEAR;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Upsampling parse(final String text) {
		return Choice.parse(Upsampling.class, text, "upsampling");
	}

	@Override
	public String toString() {
		return id();
	}
}
