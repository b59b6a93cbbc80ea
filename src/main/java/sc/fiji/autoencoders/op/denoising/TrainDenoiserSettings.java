package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.Precision;
import sc.fiji.autoencoders.model.Replacement;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.model.ZPooling;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.train.Noise2VoidMethod;
import sc.fiji.autoencoders.train.Schedule;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingMethod;
import sc.fiji.autoencoders.train.TrainingMethods;

/**
 * Settings of a denoiser training run, with the defaults every front end shows (see {@link Settings} for their names
 * there). The defaults are the best measured in 15 CPU minutes (docs/BENCHMARKS.md): a depth-4 U-Net with at most 128
 * filters, batch 8 and a 100-step warm-up beat BM3D on Set12 at sigma 25 (29.98 dB) and 50 (26.75 dB).
 */
public final class TrainDenoiserSettings {

	/** The variants: one menu entry per kind of training data, and one with every option for macros recorded before. */
	public static final String CLEAN = TrainingMode.CLEAN_ID, NOISY = TrainingMode.NOISY_ID, PAIRS = TrainingMode.PAIRS_ID,
		ALL = "all";

	@Setting(label = "Clean training images", only = { CLEAN, ALL }, aliases = "image", help = "Clean images: TIFF/PNG " +
		"files (stacks: every slice) or folders of them; noise from the noise model is added on the fly.")
	public List<ImagePlus> clean;
	@Setting(label = "Noisy training images", only = NOISY, aliases = "image", help = "Noisy images only, no clean " +
		"image needed: files or folders; trained by the chosen method (Noise2Void by default).")
	public List<ImagePlus> noisy;
	@Setting(label = "Input images", only = PAIRS, aliases = "image", help = "Pairs: folder (or file) of input images, " +
		"e.g. noisy; each needs a target of the same name and size.")
	public List<ImagePlus> input;
	@Setting(label = "Target images", only = { PAIRS, ALL }, help = "Pairs: folder (or file) of target images: clean (CARE) or " +
		"a second noisy acquisition of the same scene (Noise2Noise), matched to the inputs by file name.")
	public List<ImagePlus> target;
	@Setting(label = "Model file to write", writes = true, required = true, aliases = { "out", "model_file" },
		transientValue = true, help = "Where the model goes (.aemodel): written after every improving epoch, so an " +
			"interrupted run keeps its best model.")
	public File model;
	/**
	 * What the images are: clean (noise from {@link #noise} is added), noisy (noisy images only: Noise2Void or
	 * Neighbor2Neighbor), or pairs (input and target images of the same scene: CARE or Noise2Noise).
	 */
	@Setting(label = "Training data", choices = { TrainingMode.CLEAN_ID, TrainingMode.NOISY_ID, TrainingMode.PAIRS_ID },
		only = ALL, transientValue = true, help = "clean: clean images, the noise model's noise added; noisy: noisy " +
			"images only; pairs: input and target images. On the command line the images given choose it.")
	public String mode = TrainingMode.CLEAN_ID;
	/** Noise added to the clean images, in their intensity units: gaussian:SIGMA, poisson:PEAK, ... */
	@Setting(label = "Noise to add", only = { CLEAN, ALL }, help = "The noise of the images the model will denoise, in " +
		"their intensity units: gaussian:SIGMA, gaussian:LO-HI, poisson:PEAK, poisson-gaussian:PEAK,SIGMA, " +
		"saltpepper:FRACTION.")
	public String noise = "gaussian:25";
	/**
	 * How to learn from the noisy images alone. Noise2Void is the default because it scored higher on real microscope
	 * noise (W2S widefield frames: 31.5 dB against Neighbor2Neighbor's 29.9), although Neighbor2Neighbor scored higher
	 * on photographs with synthetic Gaussian noise (Set12: 28.3 dB against 26.2 in 5 minutes; docs/BENCHMARKS.md).
	 * {@code auto}, the default of development builds before this choice, means noise2void.
	 */
	@Setting(label = "Method", only = { NOISY, ALL }, choicesFrom = NoisyMethods.class, choices = NoisyMethods.AUTO,
		help = "auto, accepted for older scripts, means noise2void.")
	public String noisyMethod = DenoiserMethods.NOISE2VOID;
	/** DivNoising: the camera's noise model p(x|s); empty: bootstrapped from the same noisy images first. */
	@Setting(label = "Camera noise model", only = { NOISY, ALL }, advanced = true, help = "DivNoising: a noise model " +
		"file (.aenoise, from noise-model) or a spec (gaussian:S, poisson-gaussian:A,B); empty: fitted first from the " +
		"same noisy images (a Noise2Void prediction as the signal, a quarter of the time budget).")
	public String noiseModel = "";
	/** Noise2Void: also mask a line of pixels along x or y (structN2V), for noise correlated along rows or columns. */
	@Setting(label = "Noise correlated along", only = { NOISY, ALL }, choices = { "none", "x", "y" }, help =
		"Noise2Void: also mask a line of pixels along x or y through each masked pixel (structN2V), for noise " +
			"correlated along rows (x) or columns (y).")
	public String structn2v = "none";
	/** Time budget in minutes, 0 for none. */
	@Setting(label = "Time budget", unit = "minutes", min = "0", help = "Training stops after this long (0: no limit) " +
		"and keeps the best model; Esc or Ctrl-C stops it earlier.")
	public double minutes = 15;
	/** Channel to train on (1, 2, ...; one model per channel), or 0 for all channels together (see {@link #channels}). */
	@Setting(label = "Channel", min = "0", transientValue = true, help = "Train on this channel of multichannel images " +
		"(1, 2, ...; one model per channel), or 0 for all channels together (see channels).")
	public int channel = 0;
	/**
	 * 2: a 2D network, which denoises stacks plane by plane; 3: a 3D network trained on and denoising Z stacks, whose
	 * depth, filters, max filters, patch size and batch size, where left at their defaults (which are 2D ones), take the
	 * 3D defaults ({@link #DEPTH_3D}...): a 3D step sees patch-planes times the voxels of a 2D one.
	 */
	@Setting(label = "Network dimensions", min = "2", max = "3", help = "2: a 2D network (stacks are denoised slice " +
		"by slice); 3: a 3D network trained on Z stacks, with 3x3x3 convolutions (depth, filters, max filters, patch " +
		"size and batch size left at their defaults take the 3D ones).")
	public int dims = 2;
	/** {@link #channels}: one single-channel network for the planes of every channel. */
	public static final String POOLED = "pooled";
	/** {@link #channels}: one network whose input and output channels are the image's channels. */
	public static final String JOINT = "joint";
	/**
	 * How all channels ({@link #channel} 0) of multichannel images train together. pooled (the default, as before this
	 * choice existed, so recorded macros train what they did); joint: one network takes all channels as its input
	 * channels and returns as many, each output channel seeing every input channel (better when channels share
	 * structures); it denoises images of exactly these channels, in this order.
	 */
	@Setting(label = "All channels", choices = { POOLED, JOINT }, advanced = true, transientValue = true, help =
		"With channel 0 on multichannel images: pooled trains one single-channel network on every channel's planes; " +
			"joint trains one network with the channels as its input and output channels (for images of exactly " +
			"these channels).")
	public String channels = POOLED;
	/**
	 * Noise2Void: pixels replaced in the network's input, in per cent of each patch (masked pixels, stratified, plus
	 * their structN2V lines if any). More masked pixels give more loss terms per step: 5 beat 1 in 5 minutes on
	 * Train400 (sigma 25; Set12 26.17 against 25.92 dB with half the CPU time) and in 10 minutes on real widefield
	 * frames (W2S, 32.03 against 31.51 dB; N2V's 0.2: 25.65 dB on Set12). With a structN2V line of 5 a fifth as many
	 * pixels are masked, so that the input is never a quarter replaced (that shifted every output: 20.96 dB,
	 * docs/BENCHMARKS.md).
	 */
	@Setting(label = "Masked pixels", unit = "%", min = "0.01", max = "25", only = { NOISY, ALL }, advanced = true,
		help = "Noise2Void: pixels replaced in the network's input per patch, structN2V lines included (the original " +
			"N2V used 0.2).")
	public double maskPercent = 5;
	/**
	 * Noise2Void: what replaces a masked pixel in the network's input: a random pixel of its 5x5 window (neighbour,
	 * N2V's), or the mean of that window without the pixel (mean).
	 */
	@Setting(label = "Masked pixel replacement", choices = { "neighbour", "mean" }, only = { NOISY, ALL },
		advanced = true, help = "Noise2Void: what replaces a masked pixel: neighbour (a random pixel of its 5x5 " +
			"window, N2V's) or mean (the mean of that window without the pixel).")
	public String maskReplacement = "neighbour";
	/**
	 * Noise2Void: the original N2V instead of N2V2 (max pooling, the top skip connection, and replacements that may be
	 * the masked pixel itself). Off by default, as a checkbox must be (macros read absent keys as unchecked).
	 */
	@Setting(label = "Original N2V instead of N2V2", only = { NOISY, ALL }, advanced = true, help = "Noise2Void: the " +
		"original N2V (max pooling, top skip connection, replacement may be the pixel itself) instead of N2V2.")
	public boolean noN2v2 = false;
	/**
	 * Largest number of epochs, or 0 (the default) for no limit: the time budget ({@link #minutes}) then ends training,
	 * and the learning rate decays over it.
	 */
	@Setting(label = "Largest number of epochs", min = "0", advanced = true, help = "Training also stops after this " +
		"many epochs; 0: no limit, the time budget ends it.")
	public int epochs = 0;
	@Setting(label = "Steps per epoch", min = "1", advanced = true, help = "Training steps between two validations.")
	public int stepsPerEpoch = 100;
	/** Width and height of a training patch (3D: {@link #PATCH_SIZE_3D} when left at this default). */
	@Setting(label = "Patch size", unit = "pixels", min = "8", advanced = true, aliases = "patch", help = "Width and " +
		"height of a training patch (3D: 48).")
	public int patchSize = 64;
	/** Planes (Z) of a training patch of a 3D network ({@link #dims} 3). */
	@Setting(label = "Patch depth", unit = "planes", min = "1", advanced = true, aliases = "patch_depth", help =
		"Planes (Z) of a training patch of a 3D network.")
	public int patchPlanes = 16;
	/** Patches per step (3D: {@link #BATCH_SIZE_3D} when left at this default). */
	@Setting(label = "Batch size", min = "1", advanced = true, aliases = "batch", help = "Patches per training step " +
		"(3D: 4).")
	public int batchSize = 8;
	/** 3D networks: which levels also halve Z ({@link ZPooling}: auto from the voxel depth, all or none). */
	@Setting(label = "Z pooling", choices = { "auto", "all", "none" }, advanced = true, help = "3D networks: which " +
		"levels also halve Z. auto: from the voxel depth in the calibration, Z is pooled only once the levels above " +
		"made X and Y about as coarse; all: every level (isotropic voxels); none: never.")
	public String zPooling = "auto";
	/** Pooling levels of the network, 1-4 (3D: {@link #DEPTH_3D} when left at this default). */
	@Setting(label = "Network depth", min = "1", max = "4", advanced = true, help = "Pooling levels of the network " +
		"(3D: 3).")
	public int depth = 4;
	/**
	 * Filters of the first level; they double at each level down, up to {@link #maxFilters} (3D: {@link #FILTERS_3D}
	 * and {@link #MAX_FILTERS_3D} when left at these defaults).
	 */
	@Setting(label = "Base filters", min = "1", max = "256", advanced = true, help = "Filters of the first level; " +
		"they double at each level down (3D: 16).")
	public int filters = 32;
	@Setting(label = "Largest number of filters", min = "1", advanced = true, help = "Cap on the filters, which " +
		"double at each level down (3D: 64).")
	public int maxFilters = 128;

	/**
	 * Defaults of a 3D network ({@link #dims} 3) for the settings left at their 2D defaults, from 3-minute screening
	 * runs on generated stacks (bench/screen-3d.sh, docs/BENCHMARKS.md). A value equal to the 2D default counts as
	 * left at it: a 3D network of depth 4 (32 filters, at most 128, 64x64 patches, batch 8) needs one of its settings
	 * changed, e.g. depth 4 with filters 31.
	 */
	public static final int DEPTH_3D = 3, FILTERS_3D = 16, MAX_FILTERS_3D = 64, PATCH_SIZE_3D = 48, BATCH_SIZE_3D = 4;
	@Setting(label = "Architecture", choices = { NetworkSpec.UNET, NetworkSpec.PLAIN }, advanced = true, help =
		"unet (skip connections) or plain.")
	public String architecture = NetworkSpec.UNET;
	@Setting(label = "Upsampling", choices = { NetworkSpec.NEAREST, NetworkSpec.BILINEAR }, advanced = true)
	public String upsampling = NetworkSpec.NEAREST;
	/**
	 * Predict the clean image itself instead of a correction to the noisy one. Off by default: a checkbox that is on
	 * by default would turn off in every macro recorded before it existed (ImageJ reads absent keys as unchecked).
	 */
	@Setting(label = "Predict the clean image directly (no residual)", advanced = true, help = "Predict the clean " +
		"image directly instead of a correction to the noisy one.")
	public boolean noResidual = false;
	@Setting(label = "Learning rate", min = "0", advanced = true, help = "Initial learning rate (DivNoising trains at " +
		"0.01 when this is left at 0.001).")
	public float learningRate = 1e-3f;
	/** cosine: decay over the run; plateau: halve when the validation loss stalls. */
	@Setting(label = "Learning-rate schedule", choices = { "cosine", "plateau" }, advanced = true, help = "cosine: " +
		"decay over the epochs or the time budget; plateau: halve when the validation loss stalls.")
	public String schedule = "cosine";
	/** Steps over which the learning rate rises linearly at the start (0: none). */
	@Setting(label = "Warm-up", unit = "steps", min = "0", advanced = true, help = "Raise the learning rate linearly " +
		"over this many first steps (0: none).")
	public int warmup = 100;
	@Setting(label = "Random seed", advanced = true)
	public long seed = 42;
	/** TensorFlow threads, 0 for all cores. */
	@Setting(label = "TensorFlow threads", min = "0", advanced = true, help = "0: all cores.")
	public int threads = 0;
	@Setting(label = "Precision", choices = { "auto", "float32", "bfloat16" }, advanced = true, help = "auto: " +
		"bfloat16 convolutions where the CPU has native bfloat16 (about 1.6x faster training), else float32.")
	public String precision = "auto";
	/** A denoiser model to continue training, or null for a new one. */
	@Setting(label = "Continue training model", aliases = "resume", advanced = true, transientValue = true, help =
		"A denoiser model file to continue training (empty: a new model).")
	public File resumeFrom;

	/** The training loop's settings, checked (each bad value named with its fix). */
	public TrainingConfig config() {
		final TrainingConfig c = new TrainingConfig();
		c.minutes = minutes;
		c.epochs = epochs;
		c.stepsPerEpoch = stepsPerEpoch;
		c.patchSize = threeD(patchSize, d -> d.patchSize, PATCH_SIZE_3D);
		c.patchDepth = patchPlanes;
		c.batchSize = threeD(batchSize, d -> d.batchSize, BATCH_SIZE_3D);
		c.learningRate = learningRate;
		c.schedule = Schedule.parse(schedule);
		c.warmupSteps = warmup;
		c.seed = seed;
		c.threads = threads;
		c.precision = precision;
		return c.validate();
	}

	/** The training mode, checked. */
	public TrainingMode trainingMode() {
		return TrainingMode.parse(mode);
	}

	/** The network's architecture, checked (for 3D, Z pooling as for isotropic voxels). */
	public NetworkSpec network() {
		return network(1);
	}

	/**
	 * Whether all channels train jointly ({@link #channels} joint), checked: the choice and {@link #channel} must agree.
	 */
	public boolean jointChannels() {
		if (!POOLED.equals(channels) && !JOINT.equals(channels)) throw new BadInputException("Unknown channels '" +
			channels + "': use " + POOLED + " (one single-channel network for every channel's planes) or " + JOINT +
			" (the channels as the input channels of one network).");
		final boolean joint = JOINT.equals(channels);
		if (joint && channel != 0) throw new BadInputException("Channel " + channel + " picks one channel, but " +
			"channels joint trains on all of them together: set channel 0 for joint channels, or channels " + POOLED +
			" to train on channel " + channel + " alone.");
		return joint;
	}

	/** As {@link #network(double)}, for a network of {@code inputChannels} input and output channels. */
	public NetworkSpec network(final double anisotropy, final int inputChannels) {
		final NetworkSpec s = network(anisotropy);
		return inputChannels == 1 ? s : s.withChannels(inputChannels).validate();
	}

	/**
	 * The network's architecture, checked; for 3D ({@link #dims} 3) with the Z pooling resolved for voxels whose depth
	 * is {@code anisotropy} times their width (see {@link ZPooling}), as the training method shapes it
	 * ({@link TrainingMethod#network}: Noise2Void's is never residual and has the N2V2 changes unless {@link #noN2v2}).
	 */
	public NetworkSpec network(final double anisotropy) {
		final int depth = networkDepth();
		final NetworkSpec plain = new NetworkSpec(architecture, depth, threeD(filters, d -> d.filters, FILTERS_3D),
			!noResidual, upsampling, 1, 0.1f, threeD(maxFilters, d -> d.maxFilters, MAX_FILTERS_3D));
		final NetworkSpec s = method().network(plain, new MethodOptions(this));
		if (dims == 2) return s.validate();
		if (dims != 3) throw new BadInputException("Network dimensions " + dims + " are not supported: use 2 (planes, " +
			"stacks slice by slice) or 3 (Z stacks).");
		if (depth < 1 || depth > 4) s.validate(); // names the depth's range before the Z pooling needs it
		return s.threeD(ZPooling.parse(zPooling).levels(depth, anisotropy, patchPlanes)).validate();
	}

	/** The network's depth: {@link #depth}, or {@link #DEPTH_3D} for a 3D network when depth is left at its default. */
	public int networkDepth() {
		return threeD(depth, d -> d.depth, DEPTH_3D);
	}

	/** {@code value}, or for a 3D network {@code value3D} when {@code value} is the (2D) default. */
	private int threeD(final int value, final java.util.function.ToIntFunction<TrainDenoiserSettings> field,
		final int value3D)
	{
		return dims == 3 && value == field.applyAsInt(DEFAULTS) ? value3D : value;
	}

	private static final TrainDenoiserSettings DEFAULTS = new TrainDenoiserSettings();

	/**
	 * The training method of {@link #mode} (and {@link #noisyMethod} for noisy images), checked against these
	 * settings (e.g. Neighbor2Neighbor: single-channel planes only).
	 */
	public TrainingMethod method() {
		final TrainingMethod m = TrainingMethods.select(trainingMode(), noisyMethod);
		m.check(new MethodOptions(this));
		return m;
	}

	/** True when training by blind-spot masking: noisy mode with method noise2void. */
	public boolean noise2Void() {
		return method() instanceof Noise2VoidMethod;
	}

	/** Noise2Void's masking, checked. */
	public Masking masking() {
		return Noise2VoidMethod.masking(new MethodOptions(this));
	}

	/** What is trained, for the first line of a run: the data, the network and the arithmetic. */
	public String describe() {
		final TrainingMode m = trainingMode();
		return (m == TrainingMode.CLEAN ? "with noise " + noise : (m == TrainingMode.NOISY && !noise2Void()
			? method().description() : m.description()) + (noise2Void() ? ", masking " + masking() : "")) +
			", " + (dims == 3 ? "3D " + architecture + " depth " + networkDepth() + ", Z pooling " + zPooling
				: network()) + ", " + Precision.parse(precision).resolved(dims) + " arithmetic";
	}
}
