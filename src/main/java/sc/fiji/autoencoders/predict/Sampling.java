package sc.fiji.autoencoders.predict;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Choice;

/** Where generated codes come from ({@link Vae#generate(int, long, double, Sampling)}). */
public enum Sampling implements Choice {

	/** The prior for a VAE, the fit for a feature autoencoder. */
	AUTO,
	/** The VAE's prior N(0, I). */
	PRIOR,
	/** The Gaussian with full covariance fitted to the training images' codes, stored in the model file. */
	FIT;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Sampling parse(final String text) {
		return Choice.parse(Sampling.class, text, "sampling");
	}

	@Override
	public String toString() {
		return id();
	}
}
