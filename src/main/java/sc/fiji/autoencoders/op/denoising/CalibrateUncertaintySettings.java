package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.predict.Denoiser;

/** Settings of calibrating a DivNoising model's spread against a ground truth, with the defaults every front end shows. */
public final class CalibrateUncertaintySettings {

	@Setting(label = "Noisy images", required = true, help = "Noisy images like those the model will denoise (one " +
		"channel; stacks: every plane), files or folders.")
	public List<ImagePlus> input;
	@Setting(label = "Ground truth images", required = true, help = "The clean image of each noisy image, in the same " +
		"order (folders: by file name) and size: e.g. the average of many frames. Its intensity scale may differ: the " +
		"MMSE is fitted to it (gain and offset) before its errors are measured.")
	public List<ImagePlus> target;
	@Setting(label = "DivNoising model file", required = true, help = "A denoiser trained with noisy method " +
		"divnoising (.aemodel).")
	public File model;
	@Setting(label = "Calibrated model file to write", writes = true, required = true, aliases = "out",
		transientValue = true, help = "The same model with the fitted calibration (.aemodel); it may be the model file " +
			"itself.")
	public File calibrated;
	@Setting(label = "Posterior samples", min = "2", help = "Samples per plane whose spread is calibrated: as many as " +
		"you will denoise with, or more.")
	public int samples = 32;
	@Setting(label = "Random seed", advanced = true, help = "The same seed gives the same samples.")
	public long seed = 1;
	@Setting(label = "Largest tile size", unit = "pixels", min = "64", advanced = true, help = "Smaller tiles use less " +
		"memory; the statistics do not depend on it.")
	public int tileSize = Denoiser.DEFAULT_TILE;
	@Setting(label = "TensorFlow threads", min = "0", advanced = true, help = "0: all cores.")
	public int threads = 0;
}
