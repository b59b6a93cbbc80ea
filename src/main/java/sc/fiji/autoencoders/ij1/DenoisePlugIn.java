package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** Plugins > Autoencoders > Denoise with Autoencoder... (ImageJ 1 twin; recordable; Esc cancels). */
public class DenoisePlugIn extends DialogPlugIn {

	static final String TITLE = "Denoise with Autoencoder";

	public DenoisePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Image, stack or hyperstack to denoise");
		gd.addFileField(MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new DenoiseSettings());
		gd.addMessage("channel_models: comma-separated models for channels 2, 3, ...\n(empty: model_file for all channels)");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final DenoiseSettings settings = SettingsDialog.read(gd, new DenoiseSettings());
		final long t0 = System.nanoTime();
		try {
			final ImagePlus out = Autoencoders.denoise(image, PlugInSupport.file(model, "model file"), settings,
				PlugInSupport.denoisingMonitor());
			IJ.showStatus(String.format("Denoised %s in %.1f s", image.getTitle(), (System.nanoTime() - t0) / 1e9));
			if (out.getStack().isVirtual() && out.getOriginalFileInfo() != null) {
				IJ.log("Denoised " + image.getTitle() + " plane by plane into " + out.getOriginalFileInfo().getFilePath() +
					", opened as a virtual stack.");
			}
			PlugInSupport.show(out);
		}
		catch (final PredictionMonitor.CancelledException e) {
			IJ.resetEscape();
			IJ.showProgress(1.0);
			IJ.showStatus("Denoising cancelled");
		}
	}
}
