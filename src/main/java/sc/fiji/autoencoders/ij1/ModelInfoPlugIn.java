package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;

/** Plugins > Autoencoders > Autoencoder Model Info... (ImageJ 1 twin; recordable): writes to the Log window. */
public class ModelInfoPlugIn extends DialogPlugIn {

	static final String TITLE = "Autoencoder Model Info";

	public ModelInfoPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addFileField(MODEL_FILE, "", 30);
	}

	@Override
	protected void apply(final GenericDialog gd) {
		IJ.log(Autoencoders.info(PlugInSupport.file(gd.getNextString(), "model file")));
	}
}
