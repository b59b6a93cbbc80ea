package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/**
 * The 3D twin of {@link PatchSampler}: draws random D x P x P patches from Z stacks, as batches laid out NDHWC with C=1
 * (patch after patch, each slice after slice, each row-major). Training patches get one of the 8 flips and quarter
 * turns in XY and a random flip in Z (16 variants); X and Y may be swapped because their steps are equal, Z never is.
 * Volumes are chosen in proportion to their voxel counts. Only reads the volumes. Not thread-safe.
 */
public final class VolumePatchSampler {

	private final List<Volume> volumes;
	private final int patchSize, patchDepth;
	/** cumulative[i] = voxels of volumes 0..i-1. */
	private final long[] cumulative;
	private final Random rng;
	/** Whether augmentation may swap X and Y; not for noise correlated along one of them (structN2V). */
	private boolean transposes = true;

	/**
	 * @param volumes the training volumes (values copied as they are)
	 * @param patchSize side P of the patches in X and Y
	 * @param patchDepth planes D of the patches
	 * @throws BadInputException if there are no volumes or one is smaller than a patch
	 */
	public VolumePatchSampler(final List<Volume> volumes, final int patchSize, final int patchDepth, final long seed) {
		if (volumes == null || volumes.isEmpty()) throw new BadInputException("There are no training stacks to take " +
			"patches from. Give at least one Z stack.");
		if (patchSize < 1 || patchDepth < 1) throw new BadInputException("Patch size and depth must be at least 1, " +
			"got " + patchSize + " and " + patchDepth + ".");
		for (int i = 0; i < volumes.size(); i++)
			checkFits(volumes.get(i), i, patchSize, patchDepth);
		this.volumes = Collections.unmodifiableList(new ArrayList<>(volumes));
		this.patchSize = patchSize;
		this.patchDepth = patchDepth;
		cumulative = new long[volumes.size() + 1];
		for (int i = 0; i < volumes.size(); i++) {
			final Volume v = volumes.get(i);
			cumulative[i + 1] = cumulative[i] + (long) v.width() * v.height() * v.depth();
		}
		rng = new Random(seed);
	}

	/**
	 * Throws the message naming the fix if volume {@code index} (0-based) is smaller than a patch: too few planes for
	 * the patch depth, or too small in X or Y.
	 */
	public static void checkFits(final Volume v, final int index, final int patchSize, final int patchDepth) {
		if (v.depth() < patchDepth) throw new BadInputException("Training stack " + (index + 1) + " has " + v.depth() +
			" plane" + (v.depth() == 1 ? "" : "s") + ", fewer than the patch depth " + patchDepth + " a 3D network " +
			"trains on: use a smaller patch depth (--patch-depth " + largestPowerOfTwo(v.depth()) + ", a multiple of " +
			"2^(levels pooling Z)), a stack with more planes (check that Image > Properties... counts them as slices, " +
			"not frames), or a 2D network (--dims 2).");
		if (v.width() < patchSize || v.height() < patchSize) throw new BadInputException("Training stack " + (index +
			1) + " is " + v.width() + "x" + v.height() + ", smaller than the patch size " + patchSize +
			": use a smaller patch (--patch) or larger images.");
	}

	private static int largestPowerOfTwo(final int n) {
		return n < 1 ? 1 : Integer.highestOneBit(n);
	}

	/** Augments by flips only (in X, Y and Z), never swapping X and Y. Returns this sampler. */
	public VolumePatchSampler withoutTransposes() {
		transposes = false;
		return this;
	}

	public int patchSize() {
		return patchSize;
	}

	public int patchDepth() {
		return patchDepth;
	}

	/** The next {@code batch} random, randomly flipped/rotated patches: {@code batch * D * P * P} values. */
	public float[] nextBatch(final int batch) {
		return sample(batch, rng, true);
	}

	/** {@code count} patches without augmentation, fixed by {@code seed} alone (comparable validation losses). */
	public float[] fixedBatch(final int count, final long seed) {
		return sample(count, new Random(seed), false);
	}

	private float[] sample(final int count, final Random random, final boolean augment) {
		if (count < 1) throw new IllegalArgumentException("Batch size must be positive: " + count);
		final int pp = patchSize * patchSize, n = patchDepth * pp;
		final float[] out = new float[count * n];
		for (int b = 0; b < count; b++) {
			final Volume v = volumes.get(pick(random));
			final int x0 = random.nextInt(v.width() - patchSize + 1);
			final int y0 = random.nextInt(v.height() - patchSize + 1);
			final int z0 = random.nextInt(v.depth() - patchDepth + 1);
			// bit 0 swaps X and Y, bits 1 and 2 flip in XY, bit 3 in Z
			final int variant = augment ? transposes ? random.nextInt(16) : random.nextInt(8) << 1 : 0;
			final boolean flipZ = (variant & 8) != 0;
			for (int z = 0; z < patchDepth; z++) {
				final Plane plane = v.plane(z0 + (flipZ ? patchDepth - 1 - z : z));
				PatchSampler.copyPatch(plane, x0, y0, patchSize, variant & 7, out, b * n + z * pp);
			}
		}
		return out;
	}

	private int pick(final Random random) {
		final long r = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
		final int i = Arrays.binarySearch(cumulative, r);
		return i >= 0 ? Math.min(i, volumes.size() - 1) : -i - 2;
	}

	/**
	 * Splits volumes into training and validation sets as {@link PatchSampler#split} splits planes: with 4 or more,
	 * whole volumes held out; with fewer, each volume's bottom {@code fraction} of rows, if both parts keep at least
	 * {@code patchSize} rows; otherwise the same volumes for both (not disjoint).
	 */
	public static Split split(final List<Volume> volumes, final double validationFraction, final int patchSize,
		final long seed)
	{
		if (volumes == null || volumes.isEmpty()) throw new BadInputException("There are no training stacks to split." +
			" Give at least one Z stack.");
		if (!(validationFraction >= 0 && validationFraction < 1)) throw new BadInputException("The validation " +
			"fraction must be at least 0 and below 1, got " + validationFraction + ". Use for example 0.1.");
		final int n = volumes.size();
		if (n >= 4) {
			final int held = Math.min(n - 1, Math.max(1, (int) Math.round(validationFraction * n)));
			final List<Integer> order = new ArrayList<>();
			for (int i = 0; i < n; i++)
				order.add(i);
			Collections.shuffle(order, new Random(seed));
			final boolean[] validation = new boolean[n];
			for (int i = 0; i < held; i++)
				validation[order.get(i)] = true;
			final List<Volume> train = new ArrayList<>(), val = new ArrayList<>();
			for (int i = 0; i < n; i++)
				(validation[i] ? val : train).add(volumes.get(i));
			return new Split(train, val, true);
		}
		boolean canCut = true;
		for (final Volume v : volumes) {
			final int rows = (int) Math.round(validationFraction * v.height());
			canCut &= rows >= patchSize && v.height() - rows >= patchSize;
		}
		if (!canCut) return new Split(volumes, volumes, false);
		final List<Volume> train = new ArrayList<>(), val = new ArrayList<>();
		for (final Volume v : volumes) {
			final int rows = (int) Math.round(validationFraction * v.height());
			train.add(v.crop(0, 0, v.width(), v.height() - rows));
			val.add(v.crop(0, v.height() - rows, v.width(), rows));
		}
		return new Split(train, val, true);
	}

	/** Training and validation volumes, as made by {@link #split}. */
	public static final class Split {

		private final List<Volume> training, validation;
		private final boolean disjoint;

		Split(final List<Volume> training, final List<Volume> validation, final boolean disjoint) {
			this.training = Collections.unmodifiableList(new ArrayList<>(training));
			this.validation = Collections.unmodifiableList(new ArrayList<>(validation));
			this.disjoint = disjoint;
		}

		public List<Volume> training() {
			return training;
		}

		public List<Volume> validation() {
			return validation;
		}

		/** True if no voxel is in both sets. */
		public boolean disjoint() {
			return disjoint;
		}
	}
}
