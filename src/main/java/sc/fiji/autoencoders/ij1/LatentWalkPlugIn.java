package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;

/** Plugins > Autoencoders > VAE Latent Walk... (ImageJ 1 twin; recordable). */
public class LatentWalkPlugIn implements PlugIn {

	static final String TITLE = "VAE Latent Walk";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			gd.addFileField(MODEL_FILE, "", 30);
			gd.addNumericField(DIM_I, 0, 0);
			gd.addNumericField(DIM_J, 1, 0);
			gd.addNumericField(RANGE, 3, 1);
			gd.addNumericField(GRID, 8, 0);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final String model = gd.getNextString();
			final int i = (int) gd.getNextNumber(), j = (int) gd.getNextNumber();
			final double range = gd.getNextNumber();
			final int grid = (int) gd.getNextNumber();
			PlugInSupport.show(Autoencoders.walk(PlugInSupport.file(model, "model file"), i, j, range, grid));
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
