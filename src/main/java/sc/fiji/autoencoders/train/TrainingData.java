package sc.fiji.autoencoders.train;

import java.util.List;
import java.util.Random;

import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.noise.NoiseModel;

/**
 * What a {@link DenoiserTrainer} learns from, one kind per {@link TrainingMethod}: normalized batches of network
 * inputs, targets, and where the loss counts, and the {@link Objective} that scores them. Each kind holds only the
 * images of its mode: {@link Noise2Void} is made from noisy images alone, so that a clean image cannot reach its
 * training. Every kind takes {@link TrainingImages}: planes or Z stacks (2D or 3D networks), of one channel or several
 * trained jointly, each channel normalized on its own and the channels interleaved in the batches as the network takes
 * them (channel fastest).
 */
abstract class TrainingData {

	/** Network inputs and targets (normalized, NHWC or NDHWC patches) and the loss weights: null for every pixel. */
	static final class Batch {

		final float[] input, target, mask;

		Batch(final float[] input, final float[] target, final float[] mask) {
			this.input = input;
			this.target = target;
			this.mask = mask;
		}
	}

	/** The network's inputs: their dimensionality, channels and the planes each channel is normalized from. */
	final TrainingImages images;
	/** Planes of a 3D patch (1 in 2D), set by {@link #start}. */
	int patchDepth = 1;
	Normalization[] norms;
	/** The network trained, set by {@link #start}. */
	NetworkSpec network;

	TrainingData(final TrainingImages images) {
		this.images = images;
	}

	abstract TrainingMode mode();

	/** Throws if there is nothing to train on (checked before the patch size). */
	abstract void checkPresent();

	/** Throws if an image is too small for the patch of {@code net}, not finite, or (new models) constant. */
	abstract void checkPlanes(TrainingConfig config, NetworkSpec net, boolean resuming);

	/**
	 * Splits the images, makes the samplers and the fixed validation batch ({@code n}: one per input channel) for
	 * training {@code net}.
	 */
	final void start(final TrainingConfig config, final Normalization[] n, final NetworkSpec net) {
		norms = n;
		network = net;
		patchDepth = depth(config);
		begin(config);
	}

	/** Planes of a patch of these images: the configured patch depth for Z stacks, else 1. */
	final int depth(final TrainingConfig config) {
		return images.dims() == 3 ? config.patchDepth : 1;
	}

	/**
	 * The loss and validation of these data for the network's input {@code x} (its loss is built on the output later,
	 * {@link Objective#build}): by default the squared error against {@link #next}'s targets (on the masked pixels when
	 * {@link #masked()}), validated on {@link #validation()}.
	 */
	Objective objective(final Ops tf, final Placeholder<TFloat32> x, final TrainingConfig config) {
		final long p = config.patchSize, c = images.channels();
		return new SquaredError(tf, x, masked(), validation(), images.dims() == 3 ? new long[] { patchDepth, p, p, c }
			: new long[] { p, p, c });
	}

	/** The next training batch as the objective takes it, from the prefetching thread: input, target[, mask]. */
	float[][] nextArrays(final int batchSize) {
		final Batch b = next(batchSize);
		return b.mask == null ? new float[][] { b.input, b.target } : new float[][] { b.input, b.target, b.mask };
	}

	/** The side of the network's training patches, as the model records it. */
	int patchSize(final TrainingConfig config) {
		return config.patchSize;
	}

	abstract void begin(TrainingConfig config);

	/** The next training batch; called from the prefetching thread only. */
	abstract Batch next(int batchSize);

	/** The fixed validation batch (the same every epoch). */
	abstract Batch validation();

	/** Whether the loss counts only where {@link Batch#mask} is 1. */
	boolean masked() {
		return false;
	}

	/** The noise model trained with, as stored in the model. */
	String noise() {
		return "none";
	}

	/** The blind-spot masking, or null. */
	Masking masking() {
		return null;
	}

	/** The id of the {@link TrainingMethod} these data are for, recorded in the model. */
	abstract String method();

	/** The log's and the loss plot's name of the validation loss: the method's. */
	final String validationLabel() {
		return DenoiserMethods.of(method()).validationLabel();
	}

	/** How to print the validation metric, or null for none: the method's. */
	final String metricLabel() {
		return DenoiserMethods.of(method()).metricLabel();
	}

	/** What the data were, for the model file, e.g. "12 noisy planes (no clean image), 2D". */
	abstract String describe();

	/** Throws unless there are images, each channel with the same images as the first. */
	static void checkPresent(final TrainingImages images, final String none) {
		if (images == null || images.isEmpty()) throw new BadInputException(none);
		images.checkAligned("Image");
	}

	// -- The three kinds --

	/** Clean planes or Z stacks, corrupted on the fly by a noise model. */
	static final class CleanWithNoise extends TrainingData {

		private final NoiseModel noise;
		private TrainingImages.Sampler sampler;
		private Random noiseRng;
		private Batch validation;

		CleanWithNoise(final TrainingImages clean, final NoiseModel noise) {
			super(clean);
			this.noise = noise;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.CLEAN;
		}

		@Override
		String method() {
			return DenoiserMethods.CLEAN;
		}

		@Override
		void checkPresent() {
			if (noise == null) throw new BadInputException("No noise model given: give a noise spec such as gaussian:25.");
			checkPresent(images, images != null && images.dims() == 3
				? "No training stacks: give at least one clean Z stack."
				: "No training images: give at least one clean image or stack.");
		}

		@Override
		void checkPlanes(final TrainingConfig config, final NetworkSpec net, final boolean resuming) {
			images.checkFits("Training image", config.patchSize, depth(config));
			if (!resuming) images.checkNotConstant(images.dims() == 3 ? "training stacks"
				: "training images");
		}

		@Override
		void begin(final TrainingConfig config) {
			final int p = config.patchSize;
			final TrainingImages[] split = images.split(config.validationFraction, p, config.seed);
			sampler = split[0].sampler(p, patchDepth, config.seed, true);
			noiseRng = new Random(config.seed ^ 0x5DEECE66DL);
			validation = corrupt(split[1].sampler(p, patchDepth, config.seed + 1, true).fixed(config.validationPatches,
				config.seed + 2), new Random(config.seed + 3));
		}

		@Override
		Batch next(final int batchSize) {
			return corrupt(sampler.next(batchSize), noiseRng);
		}

		@Override
		Batch validation() {
			return validation;
		}

		private Batch corrupt(final float[][] cleanRaw, final Random rng) {
			final int c = cleanRaw.length;
			final float[][] in = new float[c][], target = new float[c][];
			for (int k = 0; k < c; k++) {
				final Batch b = TrainingData.corrupt(cleanRaw[k], sampler.voxels(), noise, norms[k], rng);
				in[k] = b.input;
				target[k] = b.target;
			}
			return new Batch(TrainingImages.interleave(in), TrainingImages.interleave(target), null);
		}

		@Override
		String noise() {
			return noise.spec();
		}

		@Override
		String describe() {
			return images.count() + " clean " + images.unit() + " with " + noise.spec() + " noise added" + images
				.suffix();
		}
	}

	/**
	 * Noise2Void: noisy planes or Z stacks only, masked by a {@link BlindSpotMasker} (each channel on its own); the loss
	 * is the masked pixels' squared error against their own noisy values. Constructed from the noisy images alone:
	 * there is no clean image to leak.
	 */
	static final class Noise2Void extends TrainingData {

		private final Masking masking;
		private TrainingImages.Sampler sampler;
		private BlindSpotMasker masker;
		private Random maskRng;
		private Batch validation;

		Noise2Void(final TrainingImages noisy, final Masking masking) {
			super(noisy);
			this.masking = masking;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.NOISY;
		}

		@Override
		String method() {
			return DenoiserMethods.NOISE2VOID;
		}

		@Override
		void checkPresent() {
			if (masking == null) throw new BadInputException("No masking given: pass Masking.n2v2(1) for Noise2Void.");
			masking.validate();
			checkPresent(images, "No training images: give at least one noisy image or stack.");
		}

		@Override
		void checkPlanes(final TrainingConfig config, final NetworkSpec net, final boolean resuming) {
			images.checkFits("Noisy image", config.patchSize, depth(config));
			if (!resuming) images.checkNotConstant("noisy images");
		}

		@Override
		void begin(final TrainingConfig config) {
			final int p = config.patchSize;
			final TrainingImages[] split = images.split(config.validationFraction, p, config.seed);
			// noise correlated along x must stay along x in the patches: flips only
			final boolean transposes = masking.struct() == StructMask.NONE;
			sampler = split[0].sampler(p, patchDepth, config.seed, transposes);
			masker = new BlindSpotMasker(masking, p, patchDepth);
			maskRng = new Random(config.seed ^ 0x5DEECE66DL);
			validation = mask(split[1].sampler(p, patchDepth, config.seed + 1, transposes).fixed(config.validationPatches,
				config.seed + 2), new Random(config.seed + 3));
		}

		@Override
		Batch next(final int batchSize) {
			return mask(sampler.next(batchSize), maskRng);
		}

		/** Each channel masked on its own (its own masked pixels and replacements), as Noise2Void does. */
		private Batch mask(final float[][] raw, final Random rng) {
			final int c = raw.length;
			final float[][] in = new float[c][], target = new float[c][], mask = new float[c][];
			for (int k = 0; k < c; k++) {
				target[k] = raw[k].clone();
				norms[k].normalize(target[k]);
				final float[][] m = masker.mask(target[k], rng);
				in[k] = m[0];
				mask[k] = m[1];
			}
			return new Batch(TrainingImages.interleave(in), TrainingImages.interleave(target), TrainingImages.interleave(
				mask));
		}

		@Override
		Batch validation() {
			return validation;
		}

		@Override
		boolean masked() {
			return true;
		}

		@Override
		Masking masking() {
			return masking;
		}


		@Override
		String describe() {
			return images.count() + " noisy " + images.unit() + " (no clean image)" + images.suffix();
		}
	}

	/** Registered pairs: input and target planes (or Z stacks) of one size, cut at the same places. */
	static final class Pairs extends TrainingData {

		private final TrainingImages targets;
		private TrainingImages.Sampler sampler, targetSampler;
		private Batch validation;

		Pairs(final TrainingImages inputs, final TrainingImages targets) {
			super(inputs);
			this.targets = targets;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.PAIRS;
		}

		@Override
		String method() {
			return DenoiserMethods.PAIRS;
		}

		@Override
		void checkPresent() {
			checkPresent(images, "No training pairs: give at least one input image and its target.");
			final String unit = images.dims() == 3 ? "stack" : "plane";
			if (targets == null || targets.count() != images.count() || targets.dims() != images.dims())
				throw new BadInputException("There are " + images.count() + " input " + unit + "s but " + (targets == null
					|| targets.dims() != images.dims() ? 0 : targets.count()) + " target " + unit + "s: give one target " +
					unit + " per input " + unit + ".");
			if (targets.channels() != images.channels()) throw new BadInputException("The inputs have " + images
				.channels() + " channels but the targets " + targets.channels() + ": give targets with the inputs' " +
				"channels.");
			targets.checkAligned("Target");
			for (int i = 0; i < images.count(); i++)
				if (!images.size(0, i).equals(targets.size(0, i))) throw new BadInputException("Input " + unit + " " +
					(i + 1) + " is " + images.size(0, i) + " but its target is " + targets.size(0, i) + ": pairs must be " +
					"registered images of one size.");
		}

		@Override
		void checkPlanes(final TrainingConfig config, final NetworkSpec net, final boolean resuming) {
			images.checkFits("Input image", config.patchSize, depth(config));
			targets.checkFits("Target image", config.patchSize, depth(config));
			if (!resuming) images.checkNotConstant("input images");
		}

		@Override
		void begin(final TrainingConfig config) {
			final int p = config.patchSize;
			// the split and the patches depend only on the images' count and sizes and the seed: pairs stay together
			final TrainingImages[] a = images.split(config.validationFraction, p, config.seed);
			final TrainingImages[] b = targets.fittedTo(images, images.isLazy() ? Pairs::fittedOnSample : Pairs::fitted).split(config.validationFraction, p,
				config.seed);
			sampler = a[0].sampler(p, patchDepth, config.seed, true);
			targetSampler = b[0].sampler(p, patchDepth, config.seed, true);
			validation = normalized(a[1].sampler(p, patchDepth, config.seed + 1, true).fixed(config.validationPatches,
				config.seed + 2), b[1].sampler(p, patchDepth, config.seed + 1, true).fixed(config.validationPatches,
					config.seed + 2));
		}

		@Override
		Batch next(final int batchSize) {
			return normalized(sampler.next(batchSize), targetSampler.next(batchSize));
		}

		/** Side of the blocks whose means {@link #fitted} fits: their noise variance is 16 times lower. */
		static final int FIT_BLOCK = 4;

		/**
		 * The target scaled and shifted to its input (intensity = a * target + b, a > 0), by least squares on the means of
		 * 4x4 blocks. Inputs and targets of real pairs differ per pair by gain, exposure, bleaching or a display stretch,
		 * which no network can read from a patch: unfitted, W2S pairs (each image stretched to 0-255 on its own, a from
		 * 0.5 to 0.95) put that unreadable difference into the loss. Fitting the block means rather than the pixels keeps
		 * a noisy target (Noise2Noise) from shrinking the fit towards its mean: the slope of a least-squares fit is
		 * attenuated by the target's noise variance over its total variance, which the averaging divides by 16. A
		 * constant or anti-correlated target is left as it is. A Z stack is fitted as a whole, as one plane of its planes
		 * stacked in Y, so it gets one gain and offset. The result is a view: pixels are mapped as they are read.
		 */
		static RandomAccessibleInterval<? extends RealType<?>> fitted(
			final RandomAccessibleInterval<? extends RealType<?>> input,
			final RandomAccessibleInterval<? extends RealType<?>> target)
		{
			final double[] ab = fit(input, target, Integer.MAX_VALUE);
			return ab == null ? target : scaled(target, ab[0], ab[1]);
		}

		/** Rows of blocks {@link #fittedOnSample} fits on. */
		static final int SAMPLED_BLOCK_ROWS = 256;

		/**
		 * As {@link #fitted}, on at most {@link #SAMPLED_BLOCK_ROWS} rows of blocks chosen with a fixed seed across the
		 * image (each a band of 4 pixel rows): for images read block by block, which the whole fit would read whole
		 * before training starts.
		 */
		static RandomAccessibleInterval<? extends RealType<?>> fittedOnSample(
			final RandomAccessibleInterval<? extends RealType<?>> input,
			final RandomAccessibleInterval<? extends RealType<?>> target)
		{
			final double[] ab = fit(input, target, SAMPLED_BLOCK_ROWS);
			return ab == null ? target : scaled(target, ab[0], ab[1]);
		}

		private static <T extends RealType<?>> RandomAccessibleInterval<FloatType> scaled(
			final RandomAccessibleInterval<T> target, final double a, final double b)
		{
			return Converters.convert(target, (in, out) -> out.set((float) (a * in.getRealDouble() + b)),
				new FloatType());
		}

		/** {a, b} of {@link #fitted}, or null to leave the target as it is. */
		private static double[] fit(final RandomAccessibleInterval<? extends RealType<?>> input,
			final RandomAccessibleInterval<? extends RealType<?>> target, final int maxRows)
		{
			final long height = tallHeight(target);
			final int bw = (int) Math.max(1, target.dimension(0) / FIT_BLOCK), bh = (int) Math.max(1, height / FIT_BLOCK);
			final int[] rows = blockRows(bh, maxRows);
			final double[] x = blockMeans(target, bw, bh, rows), y = blockMeans(input, bw, bh, rows);
			double mx = 0, my = 0;
			for (int i = 0; i < x.length; i++) {
				mx += x[i];
				my += y[i];
			}
			mx /= x.length;
			my /= x.length;
			double sxy = 0, sxx = 0;
			for (int i = 0; i < x.length; i++) {
				sxy += (x[i] - mx) * (y[i] - my);
				sxx += (x[i] - mx) * (x[i] - mx);
			}
			if (!(sxx > 0 && sxy > 0)) return null;
			final double a = sxy / sxx;
			return new double[] { a, my - a * mx };
		}

		/** Rows of the image's planes stacked in Y. */
		private static long tallHeight(final RandomAccessibleInterval<?> image) {
			return image.dimension(1) * (image.numDimensions() > 2 ? image.dimension(2) : 1);
		}

		/**
		 * Means of the blocks in the given {@code rows} of the bh rows of bw blocks of (up to) FIT_BLOCK x FIT_BLOCK pixels
		 * that tile the image's planes stacked in Y, read as a stream.
		 */
		private static double[] blockMeans(final RandomAccessibleInterval<? extends RealType<?>> image, final int bw,
			final int bh, final int[] rows)
		{
			final double[] m = new double[bw * rows.length];
			final long h = image.dimension(1), sx = image.dimension(0) / bw, sy = tallHeight(image) / bh;
			final net.imglib2.RandomAccess<? extends RealType<?>> ra = Views.zeroMin(image).randomAccess();
			for (int r = 0; r < rows.length; r++)
				for (int bx = 0, by = rows[r]; bx < bw; bx++) {
					double sum = 0;
					for (long y = by * sy; y < (by + 1) * sy; y++) {
						ra.setPosition(y % h, 1);
						if (image.numDimensions() > 2) ra.setPosition(y / h, 2);
						ra.setPosition(bx * sx, 0);
						for (long x = bx * sx; x < (bx + 1) * sx; x++, ra.fwd(0))
							sum += ra.get().getRealFloat();
					}
					m[r * bw + bx] = sum / (sx * sy);
				}
			return m;
		}

		/** All {@code bh} rows of blocks in order if at most {@code max}, else {@code max} of them, seeded, in order. */
		private static int[] blockRows(final int bh, final int max) {
			if (bh <= max) return java.util.stream.IntStream.range(0, bh).toArray();
			final List<Integer> all = new java.util.ArrayList<>();
			for (int i = 0; i < bh; i++)
				all.add(i);
			java.util.Collections.shuffle(all, new Random(0x5EED));
			return all.subList(0, max).stream().mapToInt(Integer::intValue).sorted().toArray();
		}

		/** Both with the inputs' normalization; the targets were fitted to the inputs, so the output is in their units. */
		private Batch normalized(final float[][] in, final float[][] target) {
			for (int k = 0; k < in.length; k++) {
				norms[k].normalize(in[k]);
				norms[k].normalize(target[k]);
			}
			return new Batch(TrainingImages.interleave(in), TrainingImages.interleave(target), null);
		}

		@Override
		Batch validation() {
			return validation;
		}


		@Override
		String describe() {
			return images.count() + " input/target " + (images.dims() == 3 ? "Z stack" : "plane") + " pairs" + images
				.suffix();
		}
	}

	// -- Helper methods --

	/**
	 * Noisy and clean normalized copies of raw clean patches of {@code patchLength} values each (planes or volumes);
	 * noise is drawn per patch, so blind models see a new sigma per patch.
	 */
	static Batch corrupt(final float[] cleanRaw, final int patchLength, final NoiseModel noise,
		final Normalization norm, final Random rng)
	{
		final float[] noisy = cleanRaw.clone();
		final float[] patch = new float[patchLength];
		for (int off = 0; off + patchLength <= noisy.length; off += patchLength) {
			System.arraycopy(noisy, off, patch, 0, patchLength);
			noise.apply(patch, norm.high(), rng);
			System.arraycopy(patch, 0, noisy, off, patchLength);
		}
		final float[] c = cleanRaw.clone();
		norm.normalize(noisy);
		norm.normalize(c);
		return new Batch(noisy, c, null);
	}

}
