package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;

/** Plugins > Autoencoders > Generate from VAE... (ImageJ 1 twin; recordable). */
public class GenerateVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Generate from VAE";

	public GenerateVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addFileField(MODEL_FILE, "", 30);
		gd.addNumericField(COUNT, 16, 0);
		gd.addNumericField(SEED, 1, 0);
		gd.addNumericField(TEMPERATURE, 1, 2);
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final String model = gd.getNextString();
		final int count = (int) gd.getNextNumber();
		final long seed = (long) gd.getNextNumber();
		final double t = gd.getNextNumber();
		PlugInSupport.show(Autoencoders.generate(PlugInSupport.file(model, "model file"), count, seed, t));
	}
}
