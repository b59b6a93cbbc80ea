package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** The layout of a denoising network ({@link NetworkSpec}). */
public enum Architecture implements Choice {

	/** Encoder and decoder joined by skip connections at every level. */
	UNET,
	/** The same encoder and decoder without skip connections (the classic bottleneck autoencoder). */
	PLAIN;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Architecture parse(final String text) {
		return Choice.parse(Architecture.class, text, "architecture");
	}

	@Override
	public String toString() {
		return id();
	}
}
