package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.train.TrainingConfig;

/** Plugins > Autoencoders > Train Denoising Autoencoder... (ImageJ 1 twin of the SciJava command; recordable). */
public class TrainDenoiserPlugIn extends DialogPlugIn {

	static final String TITLE = "Train Denoising Autoencoder";

	public TrainDenoiserPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Clean training image or stack (every plane is a training image)");
		gd.addNumericField(CHANNEL, 0, 0);
		gd.addStringField(NOISE, "gaussian:25", 24);
		gd.addFileField(MODEL_FILE, IJ.getDirectory("home") + "denoiser.aemodel", 30);
		gd.addNumericField(MINUTES, 10, 1);
		gd.addNumericField(EPOCHS, 100, 0);
		gd.addNumericField(PATCH_SIZE, 64, 0);
		gd.addNumericField(BATCH_SIZE, 16, 0);
		gd.addNumericField(DEPTH, 2, 0);
		gd.addNumericField(FILTERS, 32, 0);
		gd.addChoice(ARCHITECTURE, new String[] { NetworkSpec.UNET, NetworkSpec.PLAIN }, NetworkSpec.UNET);
		gd.addNumericField(SEED, 42, 0);
		gd.addFileField(RESUME_FROM, "", 30);
		gd.addMessage("Noise: gaussian:SIGMA, gaussian:LO-HI, poisson:PEAK, poisson-gaussian:PEAK,SIGMA,\n" +
			"saltpepper:FRACTION (image intensity units). Esc during training stops and keeps the best model.");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final int channel = (int) gd.getNextNumber();
		final String noise = gd.getNextString();
		final String model = gd.getNextString();
		final TrainingConfig config = new TrainingConfig();
		config.minutes = gd.getNextNumber();
		config.epochs = (int) gd.getNextNumber();
		config.patchSize = (int) gd.getNextNumber();
		config.batchSize = (int) gd.getNextNumber();
		final int depth = (int) gd.getNextNumber(), filters = (int) gd.getNextNumber();
		final String architecture = gd.getNextChoice();
		config.seed = (long) gd.getNextNumber();
		final String resume = gd.getNextString();
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel m = Autoencoders.trainDenoiser(image, channel, noise, NetworkSpec.unet(depth, filters)
			.withArchitecture(architecture), config, PlugInSupport.file(model, "model file"), PlugInSupport.optionalFile(
				resume), new LossPlot("Denoiser", "validation PSNR %.2f dB", () -> cancel[0].run()), c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
