package sc.fiji.autoencoders.ij1;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.InterpolateSettings;

/** Plugins > Autoencoders > Interpolate in VAE Latent Space... (ImageJ 1 twin; recordable). */
public class InterpolateVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Interpolate in VAE Latent Space";

	public InterpolateVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Stack holding the two images");
		gd.addFileField(MacroKeys.MODEL_FILE, "", 30);
		gd.addNumericField(MacroKeys.FROM_SLICE, 1, 0);
		gd.addNumericField(MacroKeys.TO_SLICE, 2, 0);
		SettingsDialog.add(gd, new InterpolateSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final int from = (int) gd.getNextNumber(), to = (int) gd.getNextNumber();
		PlugInSupport.show(Autoencoders.interpolate(image, from, image, to, PlugInSupport.file(model, "model file"),
			SettingsDialog.read(gd, new InterpolateSettings())));
	}
}
