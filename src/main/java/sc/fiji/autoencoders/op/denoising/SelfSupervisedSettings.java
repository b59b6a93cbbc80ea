package sc.fiji.autoencoders.op.denoising;

import java.io.File;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;

/**
 * Settings of one-click denoising: Noise2Void trained on the noisy images themselves for a time budget, then applied to
 * them (names in each front end: {@link Settings}). Everything else is the default of {@link TrainDenoiserSettings}.
 */
public final class SelfSupervisedSettings {

	@Setting(label = "Noisy image or stack", required = true, help = "No clean image needed: Noise2Void trains on it, " +
		"then denoises it.")
	public ImagePlus image;
	/** Training time in minutes; Esc (or Ctrl-C) ends training early and denoises with the best model so far. */
	@Setting(label = "Training time", unit = "minutes", min = "0", help = "Esc ends training early and denoises with " +
		"the best model so far.")
	public double minutes = 5;
	/** Also mask a line of pixels along x or y (structN2V), for noise correlated along rows or columns. */
	@Setting(label = "Noise correlated along", choices = { "none", "x", "y" }, help = "Also mask a line of pixels " +
		"along x or y (structN2V), for noise correlated along rows or columns.")
	public String structn2v = "none";
	/** Where to keep the trained model (.aemodel) for other images of the same kind; null: not kept. */
	@Setting(label = "Keep the model as", writes = true, transientValue = true, help = "Empty, or a .aemodel file to " +
		"keep the model for images of the same kind.")
	public File saveModel;
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A 32-bit TIFF.")
	public File output;

	/** The training settings: Noise2Void with these minutes and masking, defaults otherwise. */
	public TrainDenoiserSettings training() {
		final TrainDenoiserSettings t = new TrainDenoiserSettings();
		t.mode = "noisy";
		t.minutes = minutes;
		t.structn2v = structn2v;
		// the command is Noise2Void by name (and recorded macros call it so); Neighbor2Neighbor is train-denoiser's
		t.noisyMethod = sc.fiji.autoencoders.model.DenoiserMethods.NOISE2VOID;
		// the N2V paper's depth-2 U-Net: shallower than the depth-4 default, so more steps fit a budget of minutes
		t.depth = 2;
		return t;
	}
}
