package sc.fiji.autoencoders.op.denoising;

import java.io.File;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.predict.Denoiser;

/** Settings of denoising an image with uncertainty by a DivNoising model, with the defaults every front end shows. */
public final class DenoiseUncertaintySettings {

	@Setting(label = "Image to denoise", required = true, help = "An image or stack of one channel; each plane is " +
		"sampled on its own.")
	public ImagePlus image;
	@Setting(label = "DivNoising model file", required = true, aliases = "model_file", help = "A denoiser trained " +
		"with noisy method divnoising (.aemodel).")
	public File model;
	@Setting(label = "Posterior samples", min = "1", help = "Samples of the clean image drawn per plane: their mean is " +
		"the MMSE estimate, their spread the uncertainty (more samples: both less noisy, the work grows with them).")
	public int samples = 100;
	@Setting(label = "Keep the samples", help = "Also return the samples themselves, as channels after MMSE and spread.")
	public boolean keepSamples;
	@Setting(label = "Random seed", advanced = true, help = "The same seed gives the same samples.")
	public long seed = 1;
	@Setting(label = "Largest tile size", unit = "pixels", min = "64", advanced = true, aliases = "tile", help =
		"Smaller tiles use less memory; the statistics do not depend on it.")
	public int tileSize = Denoiser.DEFAULT_TILE;
	@Setting(label = "TensorFlow threads", min = "0", advanced = true, help = "0: all cores.")
	public int threads = 0;
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A 32-bit TIFF " +
		"hyperstack: channel 1 the MMSE, channel 2 the spread, then the samples.")
	public File output;
}
