package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;

/** Plugins > Autoencoders > VAE Latent Walk... (ImageJ 1 twin; recordable). */
public class LatentWalkPlugIn extends DialogPlugIn {

	static final String TITLE = "VAE Latent Walk";

	public LatentWalkPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addFileField(MODEL_FILE, "", 30);
		gd.addNumericField(DIM_I, 0, 0);
		gd.addNumericField(DIM_J, 1, 0);
		gd.addNumericField(RANGE, 3, 1);
		gd.addNumericField(GRID, 8, 0);
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final String model = gd.getNextString();
		final int i = (int) gd.getNextNumber(), j = (int) gd.getNextNumber();
		final double range = gd.getNextNumber();
		final int grid = (int) gd.getNextNumber();
		PlugInSupport.show(Autoencoders.walk(PlugInSupport.file(model, "model file"), i, j, range, grid));
	}
}
