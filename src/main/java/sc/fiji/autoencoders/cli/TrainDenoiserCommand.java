package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.TrainDenoiserSettings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Precision;

/**
 * {@code fiji-ae train-denoiser}: train a denoiser on clean images with noise added on the fly. The options are the
 * fields of {@link TrainDenoiserSettings} (older short names kept as aliases), defaults included.
 */
@Command(name = "train-denoiser", mixinStandardHelpOptions = true,
	description = "Train a denoising autoencoder on clean images (noise is added on the fly).")
final class TrainDenoiserCommand implements Callable<Integer> {

	@Option(names = "--clean", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Clean training images: TIFF/PNG files (stacks: every slice) or folders of them.")
	List<File> clean;

	@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.aemodel).")
	File out;

	@Option(names = "--noise", defaultValue = "gaussian:25", paramLabel = "SPEC",
		description = "Noise model in image units (default ${DEFAULT-VALUE}): gaussian:SIGMA, gaussian:LO-HI, " +
			"poisson:PEAK, poisson-gaussian:PEAK,SIGMA, saltpepper:FRACTION.")
	String noise;

	@Option(names = "--channel", defaultValue = "0", description = "Train on this channel of multichannel images " +
		"(1, 2, ...; one model per channel), or 0 for all channels together (default).")
	int channel;

	@Option(names = "--minutes", defaultValue = "15", description = "Time budget in minutes, 0 for none (default " +
		"${DEFAULT-VALUE}).")
	double minutes;

	@Option(names = "--epochs", defaultValue = "100", description = "Largest number of epochs (default ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--steps-per-epoch", defaultValue = "100", description = "Steps per epoch (default ${DEFAULT-VALUE}).")
	int stepsPerEpoch;

	@Option(names = { "--patch-size", "--patch" }, defaultValue = "64", description = "Patch size (default " +
		"${DEFAULT-VALUE}).")
	int patchSize;

	@Option(names = { "--batch-size", "--batch" }, defaultValue = "8", description = "Batch size (default " +
		"${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--depth", defaultValue = "4", description = "Network depth, 1-4 (default ${DEFAULT-VALUE}).")
	int depth;

	@Option(names = "--filters", defaultValue = "32", description = "Base filters (default ${DEFAULT-VALUE}).")
	int filters;

	@Option(names = "--max-filters", defaultValue = "128", description = "Cap on the filters, which double at each " +
		"level down (default ${DEFAULT-VALUE}).")
	int maxFilters;

	@Option(names = "--architecture", defaultValue = "unet", description = "unet (skip connections, default) or plain.")
	String architecture;

	@Option(names = "--upsampling", defaultValue = "nearest", description = "nearest (default) or bilinear.")
	String upsampling;

	@Option(names = "--no-residual", description = "Predict the clean image directly instead of a correction.")
	boolean noResidual;

	@Option(names = "--learning-rate", defaultValue = "0.001", description = "Initial learning rate (default " +
		"${DEFAULT-VALUE}).")
	float learningRate;

	@Option(names = "--schedule", defaultValue = "cosine", description = "Learning-rate schedule: cosine (decay " +
		"over the epochs or the time budget, default) or plateau (halve when the validation loss stalls).")
	String schedule;

	@Option(names = "--warmup", defaultValue = "100", paramLabel = "STEPS", description = "Raise the learning rate " +
		"linearly over this many first steps (default ${DEFAULT-VALUE}; 0: none).")
	int warmup;

	@Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Option(names = "--precision", defaultValue = "auto", description = "auto (default: bfloat16 convolutions where " +
		"the CPU has native bfloat16, about 1.6x faster training), float32 or bfloat16.")
	String precision;

	@Option(names = { "--resume-from", "--resume" }, paramLabel = "MODEL",
		description = "Continue training this denoiser model.")
	File resumeFrom;

	@Override
	public Integer call() {
		final TrainDenoiserSettings settings = Settings.copy(this, new TrainDenoiserSettings());
		System.out.println("Training with noise " + settings.noise + ", " + settings.network() + ", " + Precision.parse(
			settings.precision).resolved() + " arithmetic");
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel model = Interruptible.run(() -> Autoencoders.trainDenoiser(ImageFiles.openAll(clean),
			settings, out, Console.PROGRESS, c -> cancel[0] = c), () -> Interruptible.runIfSet(cancel[0]), out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}
}
