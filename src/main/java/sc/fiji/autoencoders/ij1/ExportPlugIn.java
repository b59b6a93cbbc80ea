package sc.fiji.autoencoders.ij1;

import ij.IJ;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.models.ExportSettings;

/**
 * Plugins > Autoencoders > Export to BioImage Model Zoo... (ImageJ 1 twin; recordable): writes a denoiser as a
 * bioimage.io package and names it in the Log.
 */
public class ExportPlugIn extends DialogPlugIn {

	static final String TITLE = "Export to BioImage Model Zoo";

	public ExportPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		SettingsDialog.add(gd, new ExportSettings());
		gd.addMessage("A bioimage.io model (format 0.5) for deepImageJ; the zip is also a model file here.\n" +
			"sample: an image for the test data and cover (empty: synthetic); authors, tags: comma-separated");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		IJ.log("Wrote " + Autoencoders.export(SettingsDialog.read(gd, new ExportSettings())) + " (bioimage.io model " +
			"package; use it in deepImageJ, or as the model file of Denoise with Autoencoder)");
	}
}
