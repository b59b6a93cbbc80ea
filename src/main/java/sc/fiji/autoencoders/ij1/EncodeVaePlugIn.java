package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;

/** Plugins > Autoencoders > Encode with VAE... (ImageJ 1 twin; recordable): the table is named "Latent codes". */
public class EncodeVaePlugIn implements PlugIn {

	static final String TITLE = "Encode with VAE";

	@Override
	public void run(final String arg) {
		if (Engine.delegate((PlugIn) this, p -> p.run(arg))) return; // TensorFlow isolated from legacy jars
		try {
			final GenericDialog gd = new GenericDialog(TITLE);
			PlugInSupport.addImage(gd, "Images to encode (every slice)");
			gd.addFileField(MODEL_FILE, "", 30);
			gd.showDialog();
			if (gd.wasCanceled()) return;
			final ImagePlus image = gd.getNextImage();
			final String model = gd.getNextString();
			Autoencoders.encode(image, PlugInSupport.file(model, "model file")).show("Latent codes");
		}
		catch (final BadInputException e) {
			PlugInSupport.error(TITLE, e.getMessage());
		}
	}
}
