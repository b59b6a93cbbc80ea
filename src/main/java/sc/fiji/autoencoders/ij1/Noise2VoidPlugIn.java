package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.op.denoising.SelfSupervisedSettings;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Plugins > Autoencoders > Denoise with Noise2Void (one click)... (ImageJ 1 twin; recordable): trains Noise2Void on
 * the image itself with a live loss plot (Esc ends training early and keeps the best model), then denoises it.
 */
public class Noise2VoidPlugIn extends DialogPlugIn {

	static final String TITLE = "Denoise with Noise2Void (one click)";

	public Noise2VoidPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Noisy image or stack (no clean image needed)");
		SettingsDialog.add(gd, new SelfSupervisedSettings());
		gd.addMessage("Trains Noise2Void on this image, then denoises it. Esc ends training early.\n" +
			"save_model: empty, or a .aemodel file to keep the model for similar images.");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final SelfSupervisedSettings settings = SettingsDialog.read(gd, new SelfSupervisedSettings());
		final Runnable[] cancel = new Runnable[1];
		final ImagePlus[] out = new ImagePlus[1];
		try {
			Autoencoders.denoiseSelfSupervised(Collections.singletonList(image), settings, new DenoiseSettings(),
				new LossPlot("Noise2Void", "masked validation loss %.5g", "masked validation", () -> cancel[0].run()),
				c -> cancel[0] = c, r -> out[0] = r, PlugInSupport.denoisingMonitor());
			PlugInSupport.show(out[0]);
		}
		catch (final PredictionMonitor.CancelledException e) {
			IJ.resetEscape();
			IJ.showProgress(1.0);
			IJ.showStatus("Denoising cancelled");
		}
	}
}
