package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import ij.ImagePlus;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.TrainDenoiserSettings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePairs;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Precision;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * {@code fiji-ae train-denoiser}: train a denoiser on clean images with noise added on the fly ({@code --clean}), on
 * noisy images only by Noise2Void ({@code --noisy}), or on registered pairs ({@code --input DIR --target DIR}). The
 * options are the fields of {@link TrainDenoiserSettings} (older short names kept as aliases), defaults included; the
 * mode follows from the images given.
 */
@Command(name = "train-denoiser", mixinStandardHelpOptions = true,
	description = "Train a denoising autoencoder: on clean images (--clean, noise is added on the fly), on noisy " +
		"images only (--noisy, Noise2Void), or on registered pairs (--input DIR --target DIR, CARE / Noise2Noise).")
final class TrainDenoiserCommand implements Callable<Integer> {

	@Option(names = "--clean", arity = "1..*", paramLabel = "PATH",
		description = "Clean training images: TIFF/PNG files (stacks: every slice) or folders of them.")
	List<File> clean;

	@Option(names = "--noisy", arity = "1..*", paramLabel = "PATH", description = "Noisy training images " +
		"only (no clean image needed): files or folders; trained by Neighbor2Neighbor or Noise2Void (--noisy-method).")
	List<File> noisy;

	@Option(names = "--input", paramLabel = "DIR", description = "Pairs: folder (or file) of input images, e.g. " +
		"noisy; each needs a target of the same name and size in --target.")
	File input;

	@Option(names = "--target", paramLabel = "DIR", description = "Pairs: folder (or file) of target images: clean " +
		"(CARE) or a second noisy acquisition of the same scene (Noise2Noise).")
	File target;

	@Option(names = "--mode", defaultValue = "clean", description = "clean, noisy or pairs; implied by --clean, " +
		"--noisy or --input/--target (default ${DEFAULT-VALUE}).")
	String mode;

	@Option(names = "--noisy-method", defaultValue = "noise2void", paramLabel = "METHOD", description = "With " +
		"--noisy: noise2void (default: blind-spot masking, N2V2, structN2V; best on real microscope noise) or " +
		"neighbor2neighbor (sub-sampled pairs, a loss on every pixel; single-channel planes, pixel-independent noise; " +
		"best on photographs with synthetic noise). auto, accepted for older scripts, means noise2void.")
	String noisyMethod;

	@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.aemodel).")
	File out;

	@Option(names = "--noise", defaultValue = "gaussian:25", paramLabel = "SPEC",
		description = "Noise model in image units (default ${DEFAULT-VALUE}): gaussian:SIGMA, gaussian:LO-HI, " +
			"poisson:PEAK, poisson-gaussian:PEAK,SIGMA, saltpepper:FRACTION.")
	String noise;

	@Option(names = "--structn2v", defaultValue = "none", description = "Noise2Void: also mask a line of pixels " +
		"along x or y through each masked pixel (structN2V), for noise correlated along rows (x) or columns (y): " +
		"none (default), x or y.")
	String structn2v;

	@Option(names = "--mask-percent", defaultValue = "5", paramLabel = "PERCENT", description = "Noise2Void: " +
		"pixels replaced in the network's input per patch, in per cent, structN2V lines included (default " +
		"${DEFAULT-VALUE}; the original N2V used 0.2).")
	double maskPercent;

	@Option(names = "--mask-replacement", defaultValue = "neighbour", paramLabel = "HOW", description = "Noise2Void: " +
		"what replaces a masked pixel: neighbour (a random pixel of its 5x5 window, N2V's; default) or mean (the " +
		"mean of that window without the pixel).")
	String maskReplacement;

	@Option(names = "--no-n2v2", description = "Noise2Void: the original N2V (max pooling, top skip connection, " +
		"replacement may be the pixel itself) instead of N2V2.")
	boolean noN2v2;

	@Option(names = "--channel", defaultValue = "0", description = "Train on this channel of multichannel images " +
		"(1, 2, ...; one model per channel), or 0 for all channels together (default; see --channels).")
	int channel;

	@Option(names = "--channels", defaultValue = "pooled", paramLabel = "pooled|joint", description = "With " +
		"--channel 0 on multichannel images: pooled (default) trains one single-channel network on every channel's " +
		"planes; joint trains one network with the channels as its input and output channels (for images of " +
		"exactly these channels).")
	String channels;

	@Option(names = "--minutes", defaultValue = "15", description = "Time budget in minutes, 0 for none (default " +
		"${DEFAULT-VALUE}).")
	double minutes;

	@Option(names = "--epochs", defaultValue = "0", description = "Largest number of epochs, 0 for no limit: the time " +
		"budget (--minutes) ends training (default ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--steps-per-epoch", defaultValue = "100", description = "Steps per epoch (default ${DEFAULT-VALUE}).")
	int stepsPerEpoch;

	@Option(names = { "--patch-size", "--patch" }, defaultValue = "64", description = "Patch size (default " +
		"${DEFAULT-VALUE}; 3D: 48).")
	int patchSize;

	@Option(names = { "--patch-planes", "--patch-depth" }, defaultValue = "16", paramLabel = "PLANES", description = "Planes (Z) of a " +
		"training patch of a 3D network (default ${DEFAULT-VALUE}).")
	int patchPlanes;

	@Option(names = { "--batch-size", "--batch" }, defaultValue = "8", description = "Batch size (default " +
		"${DEFAULT-VALUE}; 3D: 4).")
	int batchSize;

	@Option(names = "--dims", defaultValue = "2", description = "2: a 2D network (default; stacks are denoised " +
		"slice by slice), or 3: a 3D network trained on Z stacks, with 3x3x3 convolutions (depth, filters, max " +
		"filters, patch size and batch size left at their defaults take the 3D ones).")
	int dims;

	@Option(names = "--z-pooling", defaultValue = "auto", paramLabel = "auto|all|none", description = "3D networks: " +
		"which levels also halve Z. auto (default): from the voxel depth in the calibration, Z is pooled only once " +
		"the levels above made X and Y about as coarse; all: every level (isotropic voxels); none: never.")
	String zPooling;

	@Option(names = "--depth", defaultValue = "4", description = "Network depth, 1-4 (default ${DEFAULT-VALUE}; 3D: 3).")
	int depth;

	@Option(names = "--filters", defaultValue = "32", description = "Base filters (default ${DEFAULT-VALUE}; 3D: 16).")
	int filters;

	@Option(names = "--max-filters", defaultValue = "128", description = "Cap on the filters, which double at each " +
		"level down (default ${DEFAULT-VALUE}; 3D: 64).")
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
		settings.mode = mode();
		final TrainingMode m = settings.trainingMode();
		final List<ImagePlus> images, targets;
		if (m == TrainingMode.PAIRS) {
			final ImagePairs.Files pairs = ImagePairs.match(input, target);
			images = ImageFiles.openAll(pairs.inputs);
			targets = ImageFiles.openAll(pairs.targets);
		}
		else {
			images = ImageFiles.openAll(m == TrainingMode.NOISY ? noisy : clean);
			targets = null;
		}
		System.out.println("Training " + (m == TrainingMode.CLEAN ? "with noise " + settings.noise : (m == TrainingMode.NOISY
			&& !settings.noise2Void() ? "Neighbor2Neighbor (noisy images only)" : m.description()) + (settings.noise2Void()
				? ", masking " + settings.masking() : "")) + ", " + (settings.dims == 3 ? "3D " +
			settings.architecture + " depth " + settings.networkDepth() + ", Z pooling " + settings.zPooling : settings.network()) +
			", " +
			Precision.parse(settings.precision).resolved(settings.dims) + " arithmetic");
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel model = Interruptible.run(() -> Autoencoders.trainDenoiser(images, targets, settings,
			out, Console.PROGRESS, c -> cancel[0] = c), () -> Interruptible.runIfSet(cancel[0]), out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}

	/** The mode the images given imply; exactly one kind of images, agreeing with --mode if given. */
	private String mode() {
		final List<String> given = new ArrayList<>();
		if (clean != null) given.add(TrainingMode.CLEAN_ID);
		if (noisy != null) given.add(TrainingMode.NOISY_ID);
		if (input != null || target != null) given.add(TrainingMode.PAIRS_ID);
		if (given.isEmpty()) throw new BadInputException("No training images: give --clean PATH... (clean images, " +
			"noise added), --noisy PATH... (noisy images only, Noise2Void) or --input DIR --target DIR (pairs).");
		if (given.size() > 1) throw new BadInputException("Give one kind of training images, not " + String.join(
			" and ", given) + ": --clean (clean images), --noisy (Noise2Void) or --input with --target (pairs).");
		final String implied = given.get(0);
		if (!TrainingMode.parse(mode).id().equals(implied) && !TrainingMode.CLEAN_ID.equals(TrainingMode.parse(mode)
			.id())) throw new BadInputException("--mode " + mode + " does not match the images given (" + implied +
				"): leave --mode out, the images given choose it.");
		return implied;
	}
}
