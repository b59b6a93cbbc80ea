package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;

/** Plugins > Autoencoders > Generate from VAE... (ImageJ 1 twin; recordable). */
public class GenerateVaePlugIn implements PlugIn {

	static final String TITLE = "Generate from VAE";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			gd.addFileField(MODEL_FILE, "", 30);
			gd.addNumericField(COUNT, 16, 0);
			gd.addNumericField(SEED, 1, 0);
			gd.addNumericField(TEMPERATURE, 1, 2);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final String model = gd.getNextString();
			final int count = (int) gd.getNextNumber();
			final long seed = (long) gd.getNextNumber();
			final double t = gd.getNextNumber();
			PlugInSupport.show(Autoencoders.generate(PlugInSupport.file(model, "model file"), count, seed, t));
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
