package sc.fiji.autoencoders.op.codes;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;

/** Settings of generating new images from a VAE or feature autoencoder, with the defaults every front end shows. */
public final class GenerateSettings {

	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
	@Setting(label = "Number of images", min = "1")
	public int count = 16;
	/** Seed of the latent samples: the same seed gives the same images. */
	@Setting(label = "Random seed", help = "The same seed gives the same images.")
	public long seed = 1;
	/** Standard deviation of the latent samples: below 1 gives more typical, less varied images. */
	@Setting(label = "Temperature", min = "0", help = "Standard deviation of the latent samples: below 1 gives more " +
		"typical, less varied images.")
	public double temperature = 1;
	/**
	 * Where codes are drawn: prior (a VAE's N(0, I)), fit (the Gaussian fitted to the training codes, stored in the
	 * model file), or auto (prior for a VAE, fit for a feature autoencoder).
	 */
	@Setting(label = "Sampling", choices = { "auto", "prior", "fit" }, advanced = true, help = "prior: a VAE's N(0, " +
		"T^2 I); fit: the Gaussian fitted to the training codes, stored in the model file; auto: prior for a VAE, fit " +
		"for a feature autoencoder.")
	public String sampling = "auto";
	/** The class to generate, for a class-conditional VAE (trained with labels); empty otherwise. */
	@Setting(label = "Class", help = "The class to generate, for a class-conditional VAE (trained with labels); empty " +
		"otherwise.")
	public String label = "";
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A TIFF stack, or " +
		"a PNG grid if the name ends in .png.")
	public File output;
	@Setting(label = "Columns of a PNG grid", min = "1", commandLineOnly = true)
	public int columns = 8;
}
