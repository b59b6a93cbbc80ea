package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.train.TrainingConfig;

/** Plugins > Autoencoders > Train Variational Autoencoder: a convolutional VAE on a stack (every slice a sample). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Variational Autoencoder...", visible = false)
public class TrainVariationalAutoencoder extends ContextCommand {

	@Parameter(label = "Training stack (same-size slices)")
	private ImagePlus image;

	@Parameter(label = "Model file to write", style = FileWidget.SAVE_STYLE)
	private File model_file;

	@Parameter(label = "Latent dimensions", min = "1", max = "1024")
	private int latent = 16;

	@Parameter(label = "Beta (KL weight)", min = "0")
	private float beta = 1;

	@Parameter(label = "KL warm-up (epochs)", min = "0")
	private int kl_warmup = 0;

	@Parameter(label = "Likelihood", choices = { VaeSpec.BERNOULLI, VaeSpec.GAUSSIAN })
	private String likelihood = VaeSpec.BERNOULLI;

	@Parameter(label = "Depth (stride-2 convolutions)", min = "1", max = "5")
	private int depth = 2;

	@Parameter(label = "Base filters", min = "1", max = "256")
	private int filters = 32;

	@Parameter(label = "Epochs", min = "1")
	private int epochs = 10;

	@Parameter(label = "Time budget (minutes, 0 = none)", min = "0")
	private double minutes = 0;

	@Parameter(label = "Batch size", min = "1")
	private int batch_size = TrainingConfig.VAE_BATCH;

	@Parameter(label = "Random seed")
	private long seed = 42;

	// not persisted: a script that leaves it out must start a new model, not resume the last one used
	@Parameter(label = "Resume from model (optional)", required = false, persist = false)
	private File resume_from;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			final TrainingConfig config = TrainingConfig.vae();
			config.epochs = epochs;
			config.minutes = minutes;
			config.batchSize = batch_size;
			config.seed = seed;
			config.earlyStopPatience = 0;
			final Autoencoders.VaeSpecBuilder spec = new Autoencoders.VaeSpecBuilder();
			spec.latent = latent;
			spec.depth = depth;
			spec.filters = filters;
			spec.likelihood = likelihood;
			spec.beta = beta;
			final AutoencoderModel model = Autoencoders.trainVae(image, spec, config, kl_warmup, model_file, resume_from,
				new ProgressReporter(log, status), null);
			summary = "Saved " + model_file + ": " + model.summary();
			log.info(summary);
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
