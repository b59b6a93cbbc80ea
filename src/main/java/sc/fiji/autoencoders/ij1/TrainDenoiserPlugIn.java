package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.TrainDenoiserSettings;
import sc.fiji.autoencoders.model.AutoencoderModel;

/** Plugins > Autoencoders > Train Denoising Autoencoder... (ImageJ 1 twin of the SciJava command; recordable). */
public class TrainDenoiserPlugIn extends DialogPlugIn {

	static final String TITLE = "Train Denoising Autoencoder";

	public TrainDenoiserPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Clean training image or stack (every plane is a training image)");
		gd.addFileField(MacroKeys.MODEL_FILE, IJ.getDirectory("home") + "denoiser.aemodel", 30);
		SettingsDialog.add(gd, new TrainDenoiserSettings());
		gd.addMessage("Noise: gaussian:SIGMA, gaussian:LO-HI, poisson:PEAK, poisson-gaussian:PEAK,SIGMA,\n" +
			"saltpepper:FRACTION (image intensity units). Esc during training stops and keeps the best model.");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final TrainDenoiserSettings settings = SettingsDialog.read(gd, new TrainDenoiserSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel m = Autoencoders.trainDenoiser(Collections.singletonList(image), settings, PlugInSupport.file(model,
			"model file"), new LossPlot("Denoiser", "validation PSNR %.2f dB", () -> cancel[0].run()),
			c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
