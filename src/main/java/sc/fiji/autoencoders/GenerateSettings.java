package sc.fiji.autoencoders;

/** Settings of sampling new images from a VAE or feature autoencoder (names in each front end: {@link Settings}). */
public final class GenerateSettings {

	public int count = 16;
	/** Seed of the latent samples: the same seed gives the same images. */
	public long seed = 1;
	/** Standard deviation of the latent samples: below 1 gives more typical, less varied images. */
	public double temperature = 1;
	/**
	 * Where codes are drawn: prior (a VAE's N(0, I)), fit (the Gaussian fitted to the training codes, stored in the
	 * model file), or auto (prior for a VAE, fit for a feature autoencoder).
	 */
	@Choices({ "auto", "prior", "fit" })
	public String sampling = "auto";
	/** The class to generate, for a class-conditional VAE (trained with labels); empty otherwise. */
	public String label = "";
}
