package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.codes.AnomalyResult;
import sc.fiji.autoencoders.op.Autoencoders;

/** Plugins > Autoencoders > Autoencoder Anomaly Map... (ImageJ 1 twin; recordable): table "Anomaly scores". */
public class AnomalyMapPlugIn extends DialogPlugIn {

	static final String TITLE = "Autoencoder Anomaly Map";

	public AnomalyMapPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Images to score");
		gd.addFileField(MODEL_FILE, "", 30);
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final AnomalyResult r = Autoencoders.anomaly(image, PlugInSupport.file(model, "model file"));
		r.scores().show("Anomaly scores");
		PlugInSupport.show(r.errorMap());
	}
}
