package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.TrainAutoencoderSettings;
import sc.fiji.autoencoders.model.AutoencoderModel;

/** Plugins > Autoencoders > Train Autoencoder for Features... (ImageJ 1 twin; recordable). */
public class TrainAutoencoderPlugIn extends DialogPlugIn {

	static final String TITLE = "Train Autoencoder for Features";

	public TrainAutoencoderPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Stack of same-size images (every slice is a sample)");
		gd.addFileField(MacroKeys.MODEL_FILE, IJ.getDirectory("home") + "autoencoder.aemodel", 30);
		SettingsDialog.add(gd, new TrainAutoencoderSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final TrainAutoencoderSettings settings = SettingsDialog.read(gd, new TrainAutoencoderSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel m = Autoencoders.trainAutoencoder(Collections.singletonList(image), settings,
			PlugInSupport.file(model, "model file"), new LossPlot("Autoencoder", "squared error %.3f per image",
				() -> cancel[0].run()), c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
