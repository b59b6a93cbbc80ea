package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;

/** Settings of evaluating a denoiser on clean images (or a VAE on images), with the defaults every front end shows. */
public final class EvaluateSettings {

	@Setting(label = "Clean images", aliases = "image", help = "Denoisers: clean images (files or folders) to corrupt " +
		"with the noise and denoise.")
	public List<ImagePlus> clean;
	@Setting(label = "Images", commandLineOnly = true, help = "VAEs: images (stacks, folders, IDX files) to score by " +
		"negative ELBO.")
	public List<ImagePlus> images;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A denoiser or VAE (.aemodel).")
	public File model;
	/** Noise added before denoising; empty: the noise the model was trained for. */
	@Setting(label = "Noise to add", help = "Noise added to the clean images before denoising; empty: the noise the " +
		"model was trained for.")
	public String noise = "";
	/** Seed of the added noise, so that runs are comparable. */
	@Setting(label = "Random seed", help = "Seed of the added noise, so that runs are comparable.")
	public long seed = 1;
	/** Average the predictions of the 8 flips and quarter turns. */
	@Setting(label = "Average 8 flips and turns (ensemble)", help = "8 times the work, a few tenths of a dB better.")
	public boolean ensemble = false;
	/** TensorFlow threads, 0 for all cores. */
	@Setting(label = "TensorFlow threads", min = "0", advanced = true, help = "0: all cores.")
	public int threads = 0;
}
