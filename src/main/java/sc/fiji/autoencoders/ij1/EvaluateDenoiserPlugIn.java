package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.predict.Evaluation;

/** Plugins > Autoencoders > Evaluate Denoiser... (ImageJ 1 twin; recordable): table "Denoiser evaluation". */
public class EvaluateDenoiserPlugIn extends DialogPlugIn {

	static final String TITLE = "Evaluate Denoiser";

	public EvaluateDenoiserPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Clean image or stack");
		gd.addFileField(MODEL_FILE, "", 30);
		gd.addStringField(NOISE, "", 20);
		gd.addNumericField(SEED, 1, 0);
		gd.addMessage("noise: empty for the model's own noise model");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final String noise = gd.getNextString();
		final long seed = (long) gd.getNextNumber();
		final Evaluation ev = Autoencoders.evaluate(image, PlugInSupport.file(model, "model file"), noise, seed);
		Autoencoders.table(ev).show("Denoiser evaluation");
		IJ.log(ev.summary());
	}
}
