package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.noise.NoiseModel;

/**
 * What a {@link DenoiserTrainer} learns from, one kind per {@link TrainingMode}: normalized batches of network inputs,
 * targets, and where the loss counts. Each kind holds only the images of its mode: {@link Noise2Void} is made from
 * noisy planes alone, so that a clean image cannot reach its training.
 */
abstract class TrainingData {

	/** Network inputs and targets (normalized, NHWC patches) and the loss weights: null for every pixel. */
	static final class Batch {

		final float[] input, target, mask;

		Batch(final float[] input, final float[] target, final float[] mask) {
			this.input = input;
			this.target = target;
			this.mask = mask;
		}
	}

	abstract TrainingMode mode();

	/** Throws if there is nothing to train on (checked before the patch size). */
	abstract void checkPresent();

	/** Throws if an image is too small for the patch, not finite, or (new models) constant. */
	abstract void checkPlanes(int patchSize, boolean resuming);

	/** The planes the normalization of a new model is computed from (the network's inputs). */
	abstract List<Plane> inputPlanes();

	/** Splits the planes, makes the samplers and the fixed validation batch. */
	abstract void start(TrainingConfig config, Normalization norm);

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

	/** The log's and the loss plot's name of the validation loss. */
	String validationLabel() {
		return "validation loss";
	}

	/** How to print the validation metric, or null for none. */
	String metricLabel() {
		return "validation PSNR %.2f dB";
	}

	/** What the data were, for the model file, e.g. "12 noisy planes, 2D". */
	abstract String describe();

	// -- The three kinds --

	/** Clean planes, corrupted on the fly by a noise model. */
	static final class CleanWithNoise extends TrainingData {

		private final List<Plane> clean;
		private final NoiseModel noise;
		private PatchSampler sampler;
		private Normalization norm;
		private Random noiseRng;
		private Batch validation;
		private int p;

		CleanWithNoise(final List<Plane> clean, final NoiseModel noise) {
			this.clean = clean;
			this.noise = noise;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.CLEAN;
		}

		@Override
		void checkPresent() {
			if (noise == null) throw new BadInputException("No noise model given: give a noise spec such as gaussian:25.");
			if (clean == null || clean.isEmpty()) throw new BadInputException(
				"No training images: give at least one clean image or stack.");
		}

		@Override
		void checkPlanes(final int patchSize, final boolean resuming) {
			TrainingData.checkPlanes(clean, "Training image", patchSize);
			if (!resuming) DenoiserTrainer.checkNotConstant(clean, "training images");
		}

		@Override
		List<Plane> inputPlanes() {
			return clean;
		}

		@Override
		void start(final TrainingConfig config, final Normalization n) {
			norm = n;
			p = config.patchSize;
			final PatchSampler.Split split = PatchSampler.split(clean, config.validationFraction, p, config.seed);
			sampler = new PatchSampler(split.training(), p, config.seed);
			noiseRng = new Random(config.seed ^ 0x5DEECE66DL);
			final PatchSampler vs = new PatchSampler(split.validation(), p, config.seed + 1);
			validation = corrupt(vs.fixedBatch(config.validationPatches, config.seed + 2), new Random(config.seed + 3));
		}

		@Override
		Batch next(final int batchSize) {
			return corrupt(sampler.nextBatch(batchSize), noiseRng);
		}

		@Override
		Batch validation() {
			return validation;
		}

		private Batch corrupt(final float[] cleanRaw, final Random rng) {
			return TrainingData.corrupt(cleanRaw, p * p, noise, norm, rng);
		}

		@Override
		String noise() {
			return noise.spec();
		}

		@Override
		String describe() {
			return clean.size() + " clean planes with " + noise.spec() + " noise added, 2D";
		}
	}

	/** Clean Z stacks (3D networks), corrupted on the fly by a noise model, in patches of D x P x P voxels. */
	static final class CleanVolumes extends TrainingData {

		private final List<Volume> clean;
		private final NoiseModel noise;
		private final int patchDepth;
		private VolumePatchSampler sampler;
		private Normalization norm;
		private Random noiseRng;
		private Batch validation;
		private int voxels;

		CleanVolumes(final List<Volume> clean, final NoiseModel noise, final int patchDepth) {
			this.clean = clean;
			this.noise = noise;
			this.patchDepth = patchDepth;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.CLEAN;
		}

		@Override
		void checkPresent() {
			if (noise == null) throw new BadInputException("No noise model given: give a noise spec such as gaussian:25.");
			if (clean == null || clean.isEmpty()) throw new BadInputException(
				"No training stacks: give at least one clean Z stack.");
		}

		@Override
		void checkPlanes(final int patchSize, final boolean resuming) {
			for (int i = 0; i < clean.size(); i++)
				VolumePatchSampler.checkFits(clean.get(i), i, patchSize, patchDepth);
			TrainingData.checkPlanes(inputPlanes(), "Training plane", patchSize);
			if (!resuming) DenoiserTrainer.checkNotConstant(inputPlanes(), "training stacks");
		}

		@Override
		List<Plane> inputPlanes() {
			final List<Plane> planes = new ArrayList<>();
			clean.forEach(v -> planes.addAll(v.planes()));
			return planes;
		}

		@Override
		void start(final TrainingConfig config, final Normalization n) {
			norm = n;
			final int p = config.patchSize;
			voxels = patchDepth * p * p;
			final VolumePatchSampler.Split split = VolumePatchSampler.split(clean, config.validationFraction, p,
				config.seed);
			sampler = new VolumePatchSampler(split.training(), p, patchDepth, config.seed);
			noiseRng = new Random(config.seed ^ 0x5DEECE66DL);
			validation = corrupt(new VolumePatchSampler(split.validation(), p, patchDepth, config.seed + 1).fixedBatch(
				config.validationPatches, config.seed + 2), new Random(config.seed + 3));
		}

		@Override
		Batch next(final int batchSize) {
			return corrupt(sampler.nextBatch(batchSize), noiseRng);
		}

		@Override
		Batch validation() {
			return validation;
		}

		private Batch corrupt(final float[] cleanRaw, final Random rng) {
			return TrainingData.corrupt(cleanRaw, voxels, noise, norm, rng);
		}

		@Override
		String noise() {
			return noise.spec();
		}

		@Override
		String describe() {
			return clean.size() + " clean Z stacks with " + noise.spec() + " noise added, 3D";
		}
	}

	/**
	 * Noise2Void: noisy planes only, masked by a {@link BlindSpotMasker}; the loss is the masked pixels' squared error
	 * against their own noisy values. Constructed from the noisy planes alone: there is no clean image to leak.
	 */
	static final class Noise2Void extends TrainingData {

		private final List<Plane> noisy;
		private final Masking masking;
		private PatchSampler sampler;
		private BlindSpotMasker masker;
		private Normalization norm;
		private Random maskRng;
		private Batch validation;

		Noise2Void(final List<Plane> noisy, final Masking masking) {
			this.noisy = noisy;
			this.masking = masking;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.NOISY;
		}

		@Override
		void checkPresent() {
			if (masking == null) throw new BadInputException("No masking given: pass Masking.n2v2(1) for Noise2Void.");
			masking.validate();
			if (noisy == null || noisy.isEmpty()) throw new BadInputException(
				"No training images: give at least one noisy image or stack.");
		}

		@Override
		void checkPlanes(final int patchSize, final boolean resuming) {
			TrainingData.checkPlanes(noisy, "Noisy image", patchSize);
			if (!resuming) DenoiserTrainer.checkNotConstant(noisy, "noisy images");
		}

		@Override
		List<Plane> inputPlanes() {
			return noisy;
		}

		@Override
		void start(final TrainingConfig config, final Normalization n) {
			norm = n;
			final int p = config.patchSize;
			final PatchSampler.Split split = PatchSampler.split(noisy, config.validationFraction, p, config.seed);
			sampler = new PatchSampler(split.training(), p, config.seed);
			// noise correlated along x must stay along x in the patches: flips only
			if (masking.struct() != StructMask.NONE) sampler.withoutTransposes();
			masker = new BlindSpotMasker(masking, p);
			maskRng = new Random(config.seed ^ 0x5DEECE66DL);
			final PatchSampler vs = new PatchSampler(split.validation(), p, config.seed + 1);
			validation = mask(vs.fixedBatch(config.validationPatches, config.seed + 2), new Random(config.seed + 3));
		}

		@Override
		Batch next(final int batchSize) {
			return mask(sampler.nextBatch(batchSize), maskRng);
		}

		private Batch mask(final float[] raw, final Random rng) {
			final float[] target = raw.clone();
			norm.normalize(target);
			final float[][] m = masker.mask(target, rng);
			return new Batch(m[0], target, m[1]);
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
		String validationLabel() {
			return "masked validation loss";
		}

		@Override
		String metricLabel() {
			return null; // no clean image, no PSNR
		}

		@Override
		String describe() {
			return noisy.size() + " noisy planes (no clean image), 2D";
		}
	}

	/** Registered pairs: input and target planes of one size, cut at the same places. */
	static final class Pairs extends TrainingData {

		private final List<Plane> inputs, targets;
		private PatchSampler sampler;
		private Normalization norm;
		private Batch validation;

		Pairs(final List<Plane> inputs, final List<Plane> targets) {
			this.inputs = inputs;
			this.targets = targets;
		}

		@Override
		TrainingMode mode() {
			return TrainingMode.PAIRS;
		}

		@Override
		void checkPresent() {
			if (inputs == null || inputs.isEmpty()) throw new BadInputException(
				"No training pairs: give at least one input image and its target.");
			if (targets == null || targets.size() != inputs.size()) throw new BadInputException("There are " + inputs
				.size() + " input planes but " + (targets == null ? 0 : targets.size()) + " target planes: give one " +
				"target plane per input plane.");
			for (int i = 0; i < inputs.size(); i++) {
				final Plane a = inputs.get(i), b = targets.get(i);
				if (a.width() != b.width() || a.height() != b.height()) throw new BadInputException("Input plane " + (i +
					1) + " is " + a.width() + "x" + a.height() + " but its target is " + b.width() + "x" + b.height() +
					": pairs must be registered images of one size.");
			}
		}

		@Override
		void checkPlanes(final int patchSize, final boolean resuming) {
			TrainingData.checkPlanes(inputs, "Input image", patchSize);
			TrainingData.checkPlanes(targets, "Target image", patchSize);
			if (!resuming) DenoiserTrainer.checkNotConstant(inputs, "input images");
		}

		@Override
		List<Plane> inputPlanes() {
			return inputs;
		}

		@Override
		void start(final TrainingConfig config, final Normalization n) {
			norm = n;
			final int p = config.patchSize;
			final List<Plane> fitted = new ArrayList<>(targets.size());
			for (int i = 0; i < targets.size(); i++)
				fitted.add(fittedTo(inputs.get(i), targets.get(i)));
			// the split depends only on the planes' count and sizes and the seed: pairs stay together
			final PatchSampler.Split a = PatchSampler.split(inputs, config.validationFraction, p, config.seed);
			final PatchSampler.Split b = PatchSampler.split(fitted, config.validationFraction, p, config.seed);
			sampler = new PatchSampler(a.training(), b.training(), p, config.seed);
			final PatchSampler vs = new PatchSampler(a.validation(), b.validation(), p, config.seed + 1);
			validation = normalized(vs.fixedPairs(config.validationPatches, config.seed + 2));
		}

		@Override
		Batch next(final int batchSize) {
			return normalized(sampler.nextPairs(batchSize));
		}

		/** Side of the blocks whose means {@link #fittedTo} fits: their noise variance is 16 times lower. */
		static final int FIT_BLOCK = 4;

		/**
		 * The target scaled and shifted to its input (intensity = a * target + b, a > 0), by least squares on the means of
		 * 4x4 blocks. Inputs and targets of real pairs differ per pair by gain, exposure, bleaching or a display stretch,
		 * which no network can read from a patch: unfitted, W2S pairs (each image stretched to 0-255 on its own, a from
		 * 0.5 to 0.95) put that unreadable difference into the loss. Fitting the block means rather than the pixels keeps
		 * a noisy target (Noise2Noise) from shrinking the fit towards its mean: the slope of a least-squares fit is
		 * attenuated by the target's noise variance over its total variance, which the averaging divides by 16. A
		 * constant or anti-correlated target is left as it is.
		 */
		static Plane fittedTo(final Plane input, final Plane target) {
			final int bw = Math.max(1, target.width() / FIT_BLOCK), bh = Math.max(1, target.height() / FIT_BLOCK);
			final double[] x = blockMeans(target, bw, bh), y = blockMeans(input, bw, bh);
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
			if (!(sxx > 0 && sxy > 0)) return target;
			final double a = sxy / sxx, b = my - a * mx;
			final float[] t = target.pixels(), f = new float[t.length];
			for (int i = 0; i < t.length; i++)
				f[i] = (float) (a * t[i] + b);
			return new Plane(target.width(), target.height(), f);
		}

		/** Means of the bw x bh blocks of (up to) FIT_BLOCK x FIT_BLOCK pixels that tile the plane. */
		private static double[] blockMeans(final Plane p, final int bw, final int bh) {
			final double[] m = new double[bw * bh];
			final int sx = p.width() / bw, sy = p.height() / bh;
			for (int by = 0; by < bh; by++)
				for (int bx = 0; bx < bw; bx++) {
					double sum = 0;
					for (int y = by * sy; y < (by + 1) * sy; y++)
						for (int x = bx * sx; x < (bx + 1) * sx; x++)
							sum += p.get(x, y);
					m[by * bw + bx] = sum / (sx * sy);
				}
			return m;
		}

		/** Both with the inputs' normalization; the targets were fitted to the inputs, so the output is in their units. */
		private Batch normalized(final float[][] pair) {
			norm.normalize(pair[0]);
			norm.normalize(pair[1]);
			return new Batch(pair[0], pair[1], null);
		}

		@Override
		Batch validation() {
			return validation;
		}

		@Override
		String metricLabel() {
			return "validation PSNR %.2f dB (against the targets)";
		}

		@Override
		String describe() {
			return inputs.size() + " input/target plane pairs, 2D";
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

	/** Each plane at least patch-sized and finite; messages name the image by its 1-based number. */
	static void checkPlanes(final List<Plane> planes, final String what, final int patchSize) {
		for (int i = 0; i < planes.size(); i++) {
			final Plane pl = planes.get(i);
			if (pl.width() < patchSize || pl.height() < patchSize) {
				throw new BadInputException(what + " " + (i + 1) + " is " + pl.width() + "x" + pl.height() +
					", smaller than the patch size " + patchSize + ": use a smaller patch (--patch) or larger images.");
			}
			for (final float v : pl.pixels())
				if (!Float.isFinite(v)) throw new BadInputException(what + " " + (i + 1) +
					" contains NaN or infinite pixels: replace them first (Process > Math > Remove NaNs...).");
		}
	}
}
