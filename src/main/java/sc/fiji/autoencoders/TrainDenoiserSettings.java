package sc.fiji.autoencoders;

import sc.fiji.autoencoders.base.BadInputException;
import java.io.File;

import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.NoisyMethod;
import sc.fiji.autoencoders.model.ZPooling;
import sc.fiji.autoencoders.model.TrainingMode;
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

	/**
	 * What the images are: clean (noise from {@link #noise} is added), noisy (Noise2Void: noisy images only, trained by
	 * blind-spot masking), or pairs (input and target images of the same scene: CARE or Noise2Noise).
	 */
	@Choices({ TrainingMode.CLEAN_ID, TrainingMode.NOISY_ID, TrainingMode.PAIRS_ID })
	public String mode = TrainingMode.CLEAN_ID;
	/**
	 * Noisy mode: how to learn from the noisy images alone: noise2void (the default: blind-spot masking, with the N2V2
	 * and structN2V options; 2D and 3D, joint channels) or neighbor2neighbor (sub-sampled pairs, a loss on every pixel;
	 * single-channel planes, pixel-independent noise). Noise2Void is the default because it scored higher on real
	 * microscope noise (W2S widefield frames: 31.5 dB against Neighbor2Neighbor's 29.9), although Neighbor2Neighbor
	 * scored higher on photographs with synthetic Gaussian noise (Set12: 28.3 dB against 26.2 in 5 minutes;
	 * docs/BENCHMARKS.md). {@code auto}, the default of development builds before this choice, means noise2void.
	 */
	@Choices({ NoisyMethod.NOISE2VOID_ID, NoisyMethod.NEIGHBOR2NEIGHBOR_ID, NoisyMethod.AUTO_ID })
	public String noisyMethod = NoisyMethod.NOISE2VOID_ID;
	/** {@link #channels}: one single-channel network for the planes of every channel. */
	public static final String POOLED = "pooled";
	/** {@link #channels}: one network whose input and output channels are the image's channels. */
	public static final String JOINT = "joint";

	/** Channel to train on (1, 2, ...; one model per channel), or 0 for all channels together (see {@link #channels}). */
	public int channel = 0;
	/**
	 * How all channels ({@link #channel} 0) of multichannel images train together. pooled (the default, as before this
	 * choice existed, so recorded macros train what they did): one single-channel network learns from every channel's
	 * planes and denoises each channel on its own, in images of any channel count. joint: one network takes all
	 * channels as its input channels and returns as many, each output channel seeing every input channel (better when
	 * channels share structures); it denoises images of exactly these channels, in this order.
	 */
	@Choices({ POOLED, JOINT })
	public String channels = POOLED;
	/** Noise added to the clean images, in their intensity units: gaussian:SIGMA, poisson:PEAK, ... */
	public String noise = "gaussian:25";
	/** Noise2Void: also mask a line of pixels along x or y (structN2V), for noise correlated along rows or columns. */
	@Choices({ "none", "x", "y" })
	public String structn2v = "none";
	/**
	 * Noise2Void: pixels replaced in the network's input, in per cent of each patch (masked pixels, stratified, plus
	 * their structN2V lines if any). More masked pixels give more loss terms per step: 5 beat 1 in 5 minutes on
	 * Train400 (sigma 25; Set12 26.17 against 25.92 dB with half the CPU time) and in 10 minutes on real widefield
	 * frames (W2S, 32.03 against 31.51 dB; N2V's 0.2: 25.65 dB on Set12). With a structN2V line of 5 a fifth as many
	 * pixels are masked, so that the input is never a quarter replaced (that shifted every output: 20.96 dB,
	 * docs/BENCHMARKS.md).
	 */
	public double maskPercent = 5;
	/**
	 * Noise2Void: what replaces a masked pixel in the network's input: a random pixel of its 5x5 window (neighbour,
	 * N2V's), or the mean of that window without the pixel (mean).
	 */
	@Choices({ "neighbour", "mean" })
	public String maskReplacement = "neighbour";
	/**
	 * Noise2Void: the original N2V instead of N2V2 (max pooling, the top skip connection, and replacements that may be
	 * the masked pixel itself). Off by default, as a checkbox must be (macros read absent keys as unchecked).
	 */
	public boolean noN2v2 = false;
	/** Time budget in minutes, 0 for none. */
	public double minutes = 15;
	/**
	 * Largest number of epochs, or 0 (the default) for no limit: the time budget ({@link #minutes}) then ends training,
	 * and the learning rate decays over it.
	 */
	public int epochs = 0;
	public int stepsPerEpoch = 100;
	/** Width and height of a training patch (3D: {@link #PATCH_SIZE_3D} when left at this default). */
	public int patchSize = 64;
	/** Planes (Z) of a training patch of a 3D network ({@link #dims} 3). */
	public int patchPlanes = 16;
	/** Patches per step (3D: {@link #BATCH_SIZE_3D} when left at this default). */
	public int batchSize = 8;
	/**
	 * 2: a 2D network, which denoises stacks plane by plane; 3: a 3D network trained on and denoising Z stacks, whose
	 * depth, filters, max filters, patch size and batch size, where left at their defaults (which are 2D ones), take the
	 * 3D defaults ({@link #DEPTH_3D}...): a 3D step sees patch-planes times the voxels of a 2D one.
	 */
	public int dims = 2;
	/** 3D networks: which levels also halve Z ({@link ZPooling}: auto from the voxel depth, all or none). */
	@Choices({ "auto", "all", "none" })
	public String zPooling = "auto";
	/** Pooling levels of the network, 1-4 (3D: {@link #DEPTH_3D} when left at this default). */
	public int depth = 4;
	/**
	 * Filters of the first level; they double at each level down, up to {@link #maxFilters} (3D: {@link #FILTERS_3D}
	 * and {@link #MAX_FILTERS_3D} when left at these defaults).
	 */
	public int filters = 32;
	public int maxFilters = 128;

	/**
	 * Defaults of a 3D network ({@link #dims} 3) for the settings left at their 2D defaults, from 3-minute screening
	 * runs on generated stacks (bench/screen-3d.sh, docs/BENCHMARKS.md). A value equal to the 2D default counts as
	 * left at it: a 3D network of depth 4 (32 filters, at most 128, 64x64 patches, batch 8) needs one of its settings
	 * changed, e.g. depth 4 with filters 31.
	 */
	public static final int DEPTH_3D = 3, FILTERS_3D = 16, MAX_FILTERS_3D = 64, PATCH_SIZE_3D = 48, BATCH_SIZE_3D = 4;
	@Choices({ NetworkSpec.UNET, NetworkSpec.PLAIN })
	public String architecture = NetworkSpec.UNET;
	@Choices({ NetworkSpec.NEAREST, NetworkSpec.BILINEAR })
	public String upsampling = NetworkSpec.NEAREST;
	/**
	 * Predict the clean image itself instead of a correction to the noisy one. Off by default: a checkbox that is on
	 * by default would turn off in every macro recorded before it existed (ImageJ reads absent keys as unchecked).
	 */
	public boolean noResidual = false;
	public float learningRate = 1e-3f;
	/** cosine: decay over the run; plateau: halve when the validation loss stalls. */
	@Choices({ "cosine", "plateau" })
	public String schedule = "cosine";
	/** Steps over which the learning rate rises linearly at the start (0: none). */
	public int warmup = 100;
	public long seed = 42;
	/** TensorFlow threads, 0 for all cores. */
	public int threads = 0;
	@Choices({ "auto", "float32", "bfloat16" })
	public String precision = "auto";
	/** A denoiser model to continue training, or null for a new one. */
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

	/** The method for noisy images, checked (structN2V masks are Noise2Void's). */
	public NoisyMethod noisyMethod() {
		final NoisyMethod m = NoisyMethod.AUTO_ID.equalsIgnoreCase(String.valueOf(noisyMethod).trim())
			? NoisyMethod.NOISE2VOID : NoisyMethod.parse(noisyMethod);
		TrainingMethods.of(m.id()).check(new MethodOptions(this));
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
}
