package sc.fiji.autoencoders.ij1;

import static sc.fiji.autoencoders.ij1.MacroKeys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.train.TrainingConfig;

/** Plugins > Autoencoders > Train Variational Autoencoder... (ImageJ 1 twin; recordable). */
public class TrainVaePlugIn extends DialogPlugIn {

	static final String TITLE = "Train Variational Autoencoder";

	public TrainVaePlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Stack of same-size images (every slice is a sample)");
		gd.addFileField(MODEL_FILE, IJ.getDirectory("home") + "vae.aemodel", 30);
		gd.addNumericField(LATENT, 16, 0);
		gd.addNumericField(BETA, 1, 2);
		gd.addNumericField(KL_WARMUP, 0, 0);
		gd.addChoice(LIKELIHOOD, new String[] { VaeSpec.BERNOULLI, VaeSpec.GAUSSIAN }, VaeSpec.BERNOULLI);
		gd.addNumericField(DEPTH, 2, 0);
		gd.addNumericField(FILTERS, 32, 0);
		gd.addNumericField(EPOCHS, 10, 0);
		gd.addNumericField(MINUTES, 0, 1);
		gd.addNumericField(BATCH_SIZE, TrainingConfig.VAE_BATCH, 0);
		gd.addNumericField(SEED, 42, 0);
		gd.addFileField(RESUME_FROM, "", 30);
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final Autoencoders.VaeSpecBuilder spec = new Autoencoders.VaeSpecBuilder();
		spec.latent = (int) gd.getNextNumber();
		spec.beta = (float) gd.getNextNumber();
		final int warmup = (int) gd.getNextNumber();
		spec.likelihood = gd.getNextChoice();
		spec.depth = (int) gd.getNextNumber();
		spec.filters = (int) gd.getNextNumber();
		final TrainingConfig config = TrainingConfig.vae();
		config.epochs = (int) gd.getNextNumber();
		config.minutes = gd.getNextNumber();
		config.batchSize = (int) gd.getNextNumber();
		config.seed = (long) gd.getNextNumber();
		config.earlyStopPatience = 0;
		final String resume = gd.getNextString();
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel m = Autoencoders.trainVae(image, spec, config, warmup, PlugInSupport.file(model,
			"model file"), PlugInSupport.optionalFile(resume), new LossPlot("VAE", "negative ELBO %.2f nats",
				() -> cancel[0].run()), c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
