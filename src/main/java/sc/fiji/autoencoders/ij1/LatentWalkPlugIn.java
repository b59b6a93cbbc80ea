package sc.fiji.autoencoders.ij1;

import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.WalkSettings;

/** Plugins > Autoencoders > VAE Latent Walk... (ImageJ 1 twin; recordable). */
public class LatentWalkPlugIn extends DialogPlugIn {

	static final String TITLE = "VAE Latent Walk";

	public LatentWalkPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addFileField(MacroKeys.MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new WalkSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final String model = gd.getNextString();
		PlugInSupport.show(Autoencoders.walk(PlugInSupport.file(model, "model file"), SettingsDialog.read(gd,
			new WalkSettings())));
	}
}
