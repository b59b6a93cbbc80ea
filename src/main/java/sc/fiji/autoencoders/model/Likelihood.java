package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/** The reconstruction term of a VAE ({@link VaeSpec}). */
public enum Likelihood implements Choice {

	/** Bernoulli: binary cross-entropy of the normalized intensities (0 to 1). */
	BERNOULLI,
	/** Gaussian of fixed standard deviation ({@link VaeNetwork#GAUSSIAN_SIGMA}) around the decoded mean. */
	GAUSSIAN;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Likelihood parse(final String text) {
		return Choice.parse(Likelihood.class, text, "likelihood");
	}

	@Override
	public String toString() {
		return id();
	}
}
