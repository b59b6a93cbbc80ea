package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;

/** Plugins > Autoencoders > Interpolate in VAE Latent Space... (ImageJ 1 twin; recordable). */
public class InterpolateVaePlugIn implements PlugIn {

	static final String TITLE = "Interpolate in VAE Latent Space";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			PlugInSupport.addImage(gd, "Stack holding the two images");
			gd.addFileField(MODEL_FILE, "", 30);
			gd.addNumericField(FROM_SLICE, 1, 0);
			gd.addNumericField(TO_SLICE, 2, 0);
			gd.addNumericField(STEPS, 8, 0);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final ImagePlus image = gd.getNextImage();
			final String model = gd.getNextString();
			final int from = (int) gd.getNextNumber(), to = (int) gd.getNextNumber(), steps = (int) gd.getNextNumber();
			PlugInSupport.show(Autoencoders.interpolate(image, PlugInSupport.file(model, "model file"), from, to, steps));
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
