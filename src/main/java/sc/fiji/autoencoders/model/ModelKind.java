package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** What a model is: stored as {@code kind} in the model file. */
public enum ModelKind implements Choice {

	/** A denoising autoencoder ({@link NetworkSpec}). */
	DENOISER,
	/** A variational autoencoder ({@link VaeSpec}). */
	VAE,
	/**
	 * A feature autoencoder: a deterministic code of chosen size, with a {@link Regularizer} ({@link VaeSpec} with a
	 * regularizer, {@link AutoencoderNetwork}).
	 */
	AUTOENCODER;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static ModelKind parse(final String text) {
		return Choice.parse(ModelKind.class, text, "model kind");
	}

	@Override
	public String toString() {
		return id();
	}
}
