package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.CodeModelTrainingSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * What {@code train-vae} and {@code train-autoencoder} share: the training images, the model file, the options of
 * {@link CodeModelTrainingSettings}, and the run (progress on the console, Ctrl-C keeps the best model). A subclass
 * adds the options of its own settings class.
 *
 * @param <S> the settings class, whose every field a subclass or this class offers as an option
 */
abstract class TrainCodeModelCommand<S extends CodeModelTrainingSettings> implements Callable<Integer> {

	@Option(names = "--images", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Training images: stacks (every slice is a sample), folders of same-size images, or IDX files.")
	List<File> images;

	@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.aemodel).")
	File out;

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
		description = "Continue training this model (of the same kind).")
	File resumeFrom;

	/** A new settings object with the defaults, which {@link #call} fills from the options. */
	abstract S newSettings();


	@Override
	public Integer call() {
		final S settings = Settings.copy(this, newSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel model = Interruptible.run(() -> Autoencoders.trainCodeModel(ImageFiles.openAll(images),
			settings, out, Console.PROGRESS, c -> cancel[0] = c), () -> Interruptible.runIfSet(cancel[0]), out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}
}
