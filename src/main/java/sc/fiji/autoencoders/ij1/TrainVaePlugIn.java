package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.TrainVaeSettings;
import sc.fiji.autoencoders.model.AutoencoderModel;

/** Plugins > Autoencoders > Train Variational Autoencoder... (ImageJ 1 twin; recordable). */
public class TrainVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Train Variational Autoencoder";

	public TrainVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Stack of same-size images (every slice is a sample)");
		gd.addFileField(MacroKeys.MODEL_FILE, IJ.getDirectory("home") + "vae.aemodel", 30);
		SettingsDialog.add(gd, new TrainVaeSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final TrainVaeSettings settings = SettingsDialog.read(gd, new TrainVaeSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel m = Autoencoders.trainVae(Collections.singletonList(image), settings, PlugInSupport.file(model,
			"model file"), new LossPlot("VAE", "negative ELBO %.2f nats", () -> cancel[0].run()), c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
