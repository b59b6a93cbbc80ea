package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;

/** Plugins > Autoencoders > Autoencoder Model Info... (ImageJ 1 twin; recordable): writes to the Log window. */
public class ModelInfoPlugIn implements PlugIn {

	static final String TITLE = "Autoencoder Model Info";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			gd.addFileField(MODEL_FILE, "", 30);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			IJ.log(Autoencoders.info(PlugInSupport.file(gd.getNextString(), "model file")));
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
