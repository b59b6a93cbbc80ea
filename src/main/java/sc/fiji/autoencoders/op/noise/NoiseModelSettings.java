package sc.fiji.autoencoders.op.noise;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;

/** Settings of characterising a camera's noise p(x | s), with the defaults every front end shows. */
public final class NoiseModelSettings {

	@Setting(label = "Noisy images", required = true, aliases = "image", help = "Noisy calibration images, or stacks " +
		"of repeated frames of a still scene (frames), or the noisy images alone (bootstrapped).")
	public List<ImagePlus> input;
	@Setting(label = "Clean images", help = "The clean image of each noisy image (e.g. the average of many frames), " +
		"or one for all; empty: the frames' average (frames) or a Noise2Void prediction (bootstrapped).")
	public List<ImagePlus> target;
	@Setting(label = "Noise model file to write", writes = true, required = true, aliases = "out", transientValue = true,
		help = "Where the noise model goes (.aenoise).")
	public File model;
	@Setting(label = "Stacks of repeated frames", help = "Each noisy image is a stack of frames of one still scene: " +
		"their average is the signal.")
	public boolean frames;
	@Setting(label = "Kind of model", choices = { "gmm", "poisson-gaussian" }, help = "gmm: a Gaussian mixture whose " +
		"parameters are polynomials of the signal (PN2V, DivNoising); poisson-gaussian: variance = gain x signal + " +
		"read-noise variance (the photon transfer curve).")
	public String kind = "gmm";
	@Setting(label = "Given model", advanced = true, help = "Instead of fitting: gaussian:S (standard deviation S) or " +
		"poisson-gaussian:A,B (variance A x signal + B), in image units.")
	public String spec = "";
	@Setting(label = "Bootstrap training time", unit = "minutes", min = "0", advanced = true, help = "Without clean " +
		"images or frames: how long Noise2Void trains on the noisy images to give the signal.")
	public double minutes = 5;
	@Setting(label = "Plot", writes = true, commandLineOnly = true, help = "Also draw the noise's standard deviation " +
		"against the signal into this PNG.")
	public File plot;
}
