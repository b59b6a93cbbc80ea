package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.predict.Evaluation;

/** Plugins > Autoencoders > Evaluate Denoiser... (ImageJ 1 twin; recordable): table "Denoiser evaluation". */
public class EvaluateDenoiserPlugIn implements PlugIn {

	static final String TITLE = "Evaluate Denoiser";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			PlugInSupport.addImage(gd, "Clean image or stack");
			gd.addFileField(MODEL_FILE, "", 30);
			gd.addStringField(NOISE, "", 20);
			gd.addNumericField(SEED, 1, 0);
			gd.addMessage("noise: empty for the model's own noise model");
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final ImagePlus image = gd.getNextImage();
			final String model = gd.getNextString();
			final String noise = gd.getNextString();
			final long seed = (long) gd.getNextNumber();
			final Evaluation ev = Autoencoders.evaluate(image, PlugInSupport.file(model, "model file"), noise, seed);
			Autoencoders.table(ev).show("Denoiser evaluation");
			IJ.log(ev.summary());
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
