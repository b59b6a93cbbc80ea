package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;

/** Plugins > Autoencoders > Autoencoder Anomaly Map... (ImageJ 1 twin; recordable): table "Anomaly scores". */
public class AnomalyMapPlugIn implements PlugIn {

	static final String TITLE = "Autoencoder Anomaly Map";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			PlugInSupport.addImage(gd, "Images to score");
			gd.addFileField(MODEL_FILE, "", 30);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final ImagePlus image = gd.getNextImage();
			final String model = gd.getNextString();
			final Object[] r = Autoencoders.anomaly(image, PlugInSupport.file(model, "model file"));
			((ResultsTable) r[0]).show("Anomaly scores");
			PlugInSupport.show((ImagePlus) r[1]);
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
