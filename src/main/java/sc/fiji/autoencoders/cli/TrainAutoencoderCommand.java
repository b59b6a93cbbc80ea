package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.TrainAutoencoderSettings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * {@code fiji-ae train-autoencoder}: a convolutional feature autoencoder (plain, sparse, contractive or linear) on
 * same-size images; options are {@link TrainAutoencoderSettings}.
 */
@Command(name = "train-autoencoder", mixinStandardHelpOptions = true,
	description = "Train a convolutional autoencoder for features (a code per image) on a stack, a folder of same-size " +
		"images or IDX files: plain, sparse, contractive or linear (the PCA baseline).")
final class TrainAutoencoderCommand implements Callable<Integer> {

	@Option(names = "--images", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Training images: stacks (every slice is a sample), folders of same-size images, or IDX files.")
	List<File> images;

	@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.aemodel).")
	File out;

	@Option(names = "--code", defaultValue = "16", description = "Numbers in each image's code (default " +
		"${DEFAULT-VALUE}).")
	int code;

	@Option(names = "--regularizer", defaultValue = "none", description = "none (default), sparse (L1 on the code), " +
		"contractive (encoder Jacobian norm) or linear (no non-linearity: PCA).")
	String regularizer;

	@Option(names = "--weight", defaultValue = "0.01", description = "Weight of the sparse or contractive penalty " +
		"(default ${DEFAULT-VALUE}).")
	float weight;

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
		description = "Continue training this autoencoder model.")
	File resumeFrom;

	@Override
	public Integer call() {
		final TrainAutoencoderSettings settings = Settings.copy(this, new TrainAutoencoderSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel model = Interruptible.run(() -> Autoencoders.trainAutoencoder(ImageFiles.openAll(images),
			settings, out, Console.PROGRESS, c -> cancel[0] = c), () -> Interruptible.runIfSet(cancel[0]), out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}
}
