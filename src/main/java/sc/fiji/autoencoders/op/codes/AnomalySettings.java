package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;

/** Settings of scoring images by their reconstruction error. */
public final class AnomalySettings {

	@Setting(label = "Images", required = true, aliases = "image", help = "Images or stacks to score, every plane.")
	public List<ImagePlus> input;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE, feature autoencoder or " +
		"denoiser (.aemodel).")
	public File model;
	@Setting(label = "Output folder", writes = true, commandLineOnly = true, required = true, help = "For " +
		"anomaly.csv (one row per image plane) and NAME-errors.tif per input.")
	public File output;
}
