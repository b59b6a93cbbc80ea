package sc.fiji.autoencoders.ij1;

import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.GenerateSettings;

/** Plugins > Autoencoders > Generate from VAE... (ImageJ 1 twin; recordable). */
public class GenerateVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Generate from VAE";

	public GenerateVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addFileField(MacroKeys.MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new GenerateSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final String model = gd.getNextString();
		PlugInSupport.show(Autoencoders.generate(PlugInSupport.file(model, "model file"), SettingsDialog.read(gd,
			new GenerateSettings())));
	}
}
