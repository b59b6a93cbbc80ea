package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.VaeTrainer;

/** {@code fiji-ae train-vae}: train a convolutional VAE on same-size images. */
@Command(name = "train-vae", mixinStandardHelpOptions = true,
	description = "Train a convolutional variational autoencoder on a stack, a folder of same-size images or IDX files.")
final class TrainVaeCommand implements Callable<Integer> {

	@Option(names = "--images", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Training images: stacks (every slice is a sample), folders of same-size images, or IDX files.")
	List<File> images;

	@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.aemodel).")
	File out;

	@Option(names = "--latent", defaultValue = "16", description = "Latent dimensions (default ${DEFAULT-VALUE}).")
	int latent;

	@Option(names = "--beta", defaultValue = "1", description = "Weight of the KL term (default ${DEFAULT-VALUE}).")
	float beta;

	@Option(names = "--kl-warmup", defaultValue = "0", description = "Epochs of linear KL warm-up (default none).")
	int klWarmup;

	@Option(names = "--likelihood", defaultValue = "bernoulli", description = "bernoulli or gaussian.")
	String likelihood;

	@Option(names = "--depth", defaultValue = "2", description = "Stride-2 convolutions (default ${DEFAULT-VALUE}).")
	int depth;

	@Option(names = "--filters", defaultValue = "32", description = "Base filters (default ${DEFAULT-VALUE}).")
	int filters;

	@Option(names = "--epochs", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--minutes", defaultValue = "0", description = "Time budget in minutes, 0 for none.")
	double minutes;

	@Option(names = "--batch", defaultValue = "64", description = "Batch size (default ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--learning-rate", defaultValue = "0.003", description = "Initial learning rate.")
	float learningRate;

	@Option(names = "--validation-fraction", defaultValue = "0.1", description = "Held-out fraction (default 0.1).")
	double validationFraction;

	@Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Option(names = "--resume", paramLabel = "MODEL", description = "Continue training this VAE model.")
	File resume;

	@Override
	public Integer call() {
		final TrainingConfig config = TrainingConfig.vae();
		config.epochs = epochs;
		config.minutes = minutes;
		config.batchSize = batch;
		config.learningRate = learningRate;
		config.validationFraction = validationFraction;
		config.seed = seed;
		config.threads = threads;
		config.earlyStopPatience = 0;
		config.validate();
		Checks.writableModelPath(out);
		final List<Plane> planes = Inputs.planes(images);
		if (planes.isEmpty()) throw new BadInputException("No images found in " + images);
		final VaeSpec spec = VaeTrainer.spec(planes.get(0), latent, depth, filters, likelihood, beta);
		final VaeTrainer trainer = new VaeTrainer(planes, spec, config, klWarmup);
		if (resume != null) trainer.resumeFrom(ModelFile.load(resume, AutoencoderModel.VAE));
		if (!trainer.checkInput()) throw new BadInputException(trainer.getErrorMessage());
		System.out.println("Training a VAE on " + planes.size() + " images: " + spec);
		trainer.addListener(e -> {
			if (e.type != TrainingEvent.Type.STEP) System.out.println(e.message);
		});
		trainer.setCheckpoint(m -> ModelFile.save(m, out));
		final AutoencoderModel model = Interruptible.run(trainer::process, trainer::cancel, out);
		ModelFile.save(model, out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}
}
