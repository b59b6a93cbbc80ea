package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.TrainVaeSettings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.model.AutoencoderModel;

/** {@code fiji-ae train-vae}: train a convolutional VAE on same-size images; options are {@link TrainVaeSettings}. */
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

	@Option(names = "--likelihood", defaultValue = "bernoulli", description = "bernoulli (default) or gaussian.")
	String likelihood;

	@Option(names = "--depth", defaultValue = "2", description = "Stride-2 convolutions (default ${DEFAULT-VALUE}).")
	int depth;

	@Option(names = "--filters", defaultValue = "32", description = "Base filters (default ${DEFAULT-VALUE}).")
	int filters;

	@Option(names = "--epochs", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--minutes", defaultValue = "15", description = "Time budget in minutes, 0 for none (default " +
		"${DEFAULT-VALUE}).")
	double minutes;

	@Option(names = { "--batch-size", "--batch" }, defaultValue = "64", description = "Batch size (default " +
		"${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--learning-rate", defaultValue = "0.003", description = "Initial learning rate (default " +
		"${DEFAULT-VALUE}).")
	float learningRate;

	@Option(names = "--validation-fraction", defaultValue = "0.1", description = "Held-out fraction (default " +
		"${DEFAULT-VALUE}).")
	double validationFraction;

	@Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Option(names = { "--resume-from", "--resume" }, paramLabel = "MODEL",
		description = "Continue training this VAE model.")
	File resumeFrom;

	@Option(names = "--labels", defaultValue = "none", description = "none (default), or auto or slices: train a " +
		"class-conditional VAE on the slice labels (a folder of class subfolders labels each image by its subfolder).")
	String labels;

	@Option(names = "--labels-file", paramLabel = "CSV", description = "Train a class-conditional VAE on the labels " +
		"of a CSV file with a 'label' column (and optionally 'image', the 1-based image number).")
	File labelsFile;

	@Override
	public Integer call() {
		final TrainVaeSettings settings = Settings.copy(this, new TrainVaeSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel model = Interruptible.run(() -> Autoencoders.trainVae(ImageFiles.openAll(images),
			settings, out, Console.PROGRESS, c -> cancel[0] = c), () -> Interruptible.runIfSet(cancel[0]), out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}
}
