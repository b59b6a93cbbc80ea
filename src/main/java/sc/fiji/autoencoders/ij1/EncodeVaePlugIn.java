package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.EncodeSettings;

/** Plugins > Autoencoders > Encode with VAE... (ImageJ 1 twin; recordable): the table is named "Latent codes". */
public class EncodeVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Encode with VAE";

	public EncodeVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Images to encode (every slice)");
		gd.addFileField(MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new EncodeSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		Autoencoders.encode(java.util.Collections.singletonList(image), PlugInSupport.file(model, "model file"),
			SettingsDialog.read(gd, new EncodeSettings())).show("Latent codes");
	}
}
