package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.EvaluateSettings;
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
		gd.addFileField(MacroKeys.MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new EvaluateSettings());
		gd.addMessage("noise: empty for the model's own noise model");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final Evaluation ev = Autoencoders.evaluate(Collections.singletonList(image), PlugInSupport.file(model, "model file"),
			SettingsDialog.read(gd, new EvaluateSettings()), s -> {});
		Autoencoders.table(ev).show("Denoiser evaluation");
		IJ.log(ev.summary());
	}
}
