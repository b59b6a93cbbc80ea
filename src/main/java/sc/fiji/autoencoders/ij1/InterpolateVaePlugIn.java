package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;

/** Plugins > Autoencoders > Interpolate in VAE Latent Space... (ImageJ 1 twin; recordable). */
public class InterpolateVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Interpolate in VAE Latent Space";

	public InterpolateVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Stack holding the two images");
		gd.addFileField(MODEL_FILE, "", 30);
		gd.addNumericField(FROM_SLICE, 1, 0);
		gd.addNumericField(TO_SLICE, 2, 0);
		gd.addNumericField(STEPS, 8, 0);
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final int from = (int) gd.getNextNumber(), to = (int) gd.getNextNumber(), steps = (int) gd.getNextNumber();
		PlugInSupport.show(Autoencoders.interpolate(image, PlugInSupport.file(model, "model file"), from, to, steps));
	}
}
