package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

/**
 * Draws random square patches from training planes, as batches laid out NHWC with C=1 (patch after patch, each row-major).
 * Training patches get a random flip/90-degree rotation (one of the 8 symmetries of the square), which multiplies the
 * effective training data for free since microscopy content has no preferred orientation. The sampler only reads the
 * planes; they must not be modified while it is in use. Not thread-safe.
 */
public final class PatchSampler {

	private final List<Plane> planes;
	private final int patchSize;
	/** cumulative[i] = total area of planes 0..i-1, for area-proportional plane choice. */
	private final long[] cumulative;
	private final Random rng;
	/** Planes cropped at the same places as {@link #planes} (pairs), or null. */
	private final List<Plane> partners;
	/** Whether augmentation may transpose (swap x and y); not for noise correlated along one axis. */
	private boolean transposes = true;

	/**
	 * @param planes the training planes (values are copied as they are, normalized or not)
	 * @param patchSize side length P of the square patches
	 * @param seed seed for plane, position and augmentation choice
	 * @throws BadInputException if there are no planes or one is smaller than P in either dimension
	 */
	public PatchSampler(final List<Plane> planes, final int patchSize, final long seed) {
		this(planes, null, patchSize, seed);
	}

	/**
	 * Samples registered pairs: each patch of {@code partners} is cut at the same place and with the same flip or
	 * rotation as the patch of {@code planes} (a partner plane must have its plane's size).
	 *
	 * @param partners null for no pairs
	 */
	public PatchSampler(final List<Plane> planes, final List<Plane> partners, final int patchSize, final long seed) {
		if (partners != null) {
			if (planes == null || partners.size() != planes.size()) throw new BadInputException("There are " + (planes ==
				null ? 0 : planes.size()) + " input planes but " + partners.size() + " target planes: give one target " +
				"per input.");
			for (int i = 0; i < partners.size(); i++)
				if (partners.get(i).width() != planes.get(i).width() || partners.get(i).height() != planes.get(i).height())
					throw new BadInputException("Input plane " + (i + 1) + " is " + planes.get(i).width() + "x" + planes.get(i)
						.height() + " but its target is " + partners.get(i).width() + "x" + partners.get(i).height() +
						": pairs must be registered images of one size.");
		}
		this.partners = partners == null ? null : Collections.unmodifiableList(new ArrayList<>(partners));
		if (planes == null || planes.isEmpty()) {
			throw new BadInputException("There are no training images to take patches from. Give at least one image.");
		}
		if (patchSize < 1) throw new BadInputException("Patch size must be at least 1, got " + patchSize + ".");
		Plane smallest = planes.get(0);
		for (final Plane p : planes) {
			if (Math.min(p.width(), p.height()) < Math.min(smallest.width(), smallest.height())) smallest = p;
		}
		final int minSide = Math.min(smallest.width(), smallest.height());
		if (minSide < patchSize) {
			throw new BadInputException("The smallest training image is " + smallest.width() + "x" + smallest.height() +
				" pixels, smaller than the patch size " + patchSize + ". Use a smaller patch size (--patch " +
				"at most " + minSide + ") or larger images.");
		}
		this.planes = Collections.unmodifiableList(new ArrayList<>(planes));
		this.patchSize = patchSize;
		cumulative = cumulativeAreas(this.planes);
		rng = new Random(seed);
	}

	/**
	 * Augments by flips only, never by transposing: patches keep their x and y axes (structN2V masks a line along one
	 * of them). Returns this sampler.
	 */
	public PatchSampler withoutTransposes() {
		transposes = false;
		return this;
	}

	/** Side length P of the patches. */
	public int patchSize() {
		return patchSize;
	}

	/** The planes patches are drawn from. */
	public List<Plane> planes() {
		return planes;
	}

	/**
	 * The next {@code batch} random, randomly flipped/rotated patches: {@code batch * P * P} values, patch-major and
	 * row-major. The sequence of batches is fixed by the seed.
	 */
	public float[] nextBatch(final int batch) {
		return sample(batch, rng, true);
	}

	/**
	 * {@code count} patches without augmentation, fixed by {@code seed} alone (independent of earlier calls), so that
	 * validation losses of different epochs are comparable.
	 */
	public float[] fixedBatch(final int count, final long seed) {
		return sample(count, new Random(seed), false);
	}

	/**
	 * As {@link #nextBatch}, with the partners' patches cut at the same places: {input patches, partner patches}.
	 *
	 * @throws IllegalStateException if this sampler has no partners
	 */
	public float[][] nextPairs(final int batch) {
		return samplePairs(batch, rng, true);
	}

	/** As {@link #fixedBatch}, with the partners' patches: {input patches, partner patches}. */
	public float[][] fixedPairs(final int count, final long seed) {
		return samplePairs(count, new Random(seed), false);
	}

	private float[][] samplePairs(final int count, final Random random, final boolean augment) {
		if (partners == null) throw new IllegalStateException("This sampler has no partner planes");
		final float[] b = new float[count * patchSize * patchSize];
		return new float[][] { sample(count, random, augment, b), b };
	}

	private float[] sample(final int count, final Random random, final boolean augment) {
		return sample(count, random, augment, null);
	}

	/** @param partnerOut receives the partners' patches, or null */
	private float[] sample(final int count, final Random random, final boolean augment, final float[] partnerOut) {
		if (count < 1) throw new IllegalArgumentException("Batch size must be positive: " + count);
		final int pp = patchSize * patchSize;
		final float[] out = new float[count * pp];
		for (int n = 0; n < count; n++) {
			final int i = pickPlane(random);
			final Plane plane = planes.get(i);
			final int x0 = random.nextInt(plane.width() - patchSize + 1);
			final int y0 = random.nextInt(plane.height() - patchSize + 1);
			final int variant = augment ? transposes ? random.nextInt(8) : random.nextInt(4) << 1 : 0;
			copyPatch(plane, x0, y0, patchSize, variant, out, n * pp);
			if (partnerOut != null) copyPatch(partners.get(i), x0, y0, patchSize, variant, partnerOut, n * pp);
		}
		return out;
	}

	private int pickPlane(final Random random) {
		final long total = cumulative[cumulative.length - 1];
		final long r = (long) (random.nextDouble() * total);
		final int i = Arrays.binarySearch(cumulative, r);
		return i >= 0 ? i : -i - 2;
	}

	private static long[] cumulativeAreas(final List<Plane> planes) {
		final long[] c = new long[planes.size() + 1];
		for (int i = 0; i < planes.size(); i++) {
			c[i + 1] = c[i] + (long) planes.get(i).width() * planes.get(i).height();
		}
		return c;
	}

	/**
	 * Copies the P x P patch at (x0, y0) under one of the 8 symmetries of the square. Bit 0 transposes, bit 1 flips
	 * rows, bit 2 flips columns; their combinations give all rotations and reflections.
	 */
	static void copyPatch(final Plane plane, final int x0, final int y0, final int p, final int variant,
		final float[] out, final int offset)
	{
		final boolean transpose = (variant & 1) != 0;
		final boolean flipRows = (variant & 2) != 0;
		final boolean flipCols = (variant & 4) != 0;
		final float[] src = plane.pixels();
		final int w = plane.width();
		for (int r = 0; r < p; r++) {
			for (int c = 0; c < p; c++) {
				int sr = transpose ? c : r;
				int sc = transpose ? r : c;
				if (flipRows) sr = p - 1 - sr;
				if (flipCols) sc = p - 1 - sc;
				out[offset + r * p + c] = src[(y0 + sr) * w + x0 + sc];
			}
		}
	}

	/**
	 * Splits planes into training and validation sets.
	 * <ul>
	 * <li>With 4 or more planes, {@code max(1, round(fraction * n))} whole planes (at most n-1) chosen by the seed are
	 * held out for validation.</li>
	 * <li>With fewer, each plane is cut into its top rows (training) and bottom {@code fraction} of rows (validation), if
	 * both parts of every plane are at least {@code patchSize} rows tall.</li>
	 * <li>Otherwise the same planes are used for both; {@link Split#disjoint()} is then false, and validation losses are
	 * optimistic.</li>
	 * </ul>
	 * Planes keep their input order within each list.
	 *
	 * @throws BadInputException if there are no planes or the fraction is not in [0, 1)
	 */
	public static Split split(final List<Plane> planes, final double validationFraction, final int patchSize,
		final long seed)
	{
		if (planes == null || planes.isEmpty()) {
			throw new BadInputException("There are no training images to split. Give at least one image.");
		}
		if (!(validationFraction >= 0 && validationFraction < 1)) {
			throw new BadInputException("The validation fraction must be at least 0 and below 1, got " +
				validationFraction + ". Use for example 0.1.");
		}
		final int n = planes.size();
		if (n >= 4) {
			final int held = Math.min(n - 1, Math.max(1, (int) Math.round(validationFraction * n)));
			final List<Integer> order = new ArrayList<>();
			for (int i = 0; i < n; i++) order.add(i);
			Collections.shuffle(order, new Random(seed));
			final boolean[] validation = new boolean[n];
			for (int i = 0; i < held; i++) validation[order.get(i)] = true;
			final List<Plane> train = new ArrayList<>();
			final List<Plane> val = new ArrayList<>();
			for (int i = 0; i < n; i++) (validation[i] ? val : train).add(planes.get(i));
			return new Split(train, val, true);
		}
		boolean canCut = true;
		for (final Plane p : planes) {
			final int rows = bottomRows(p, validationFraction);
			canCut &= rows >= patchSize && p.height() - rows >= patchSize;
		}
		if (!canCut) return new Split(planes, planes, false);
		final List<Plane> train = new ArrayList<>();
		final List<Plane> val = new ArrayList<>();
		for (final Plane p : planes) {
			final int rows = bottomRows(p, validationFraction);
			train.add(p.crop(0, 0, p.width(), p.height() - rows));
			val.add(p.crop(0, p.height() - rows, p.width(), rows));
		}
		return new Split(train, val, true);
	}

	private static int bottomRows(final Plane p, final double fraction) {
		return (int) Math.round(fraction * p.height());
	}

	/** Training and validation planes, as made by {@link PatchSampler#split}. */
	public static final class Split {

		private final List<Plane> training;
		private final List<Plane> validation;
		private final boolean disjoint;

		Split(final List<Plane> training, final List<Plane> validation, final boolean disjoint) {
			this.training = Collections.unmodifiableList(new ArrayList<>(training));
			this.validation = Collections.unmodifiableList(new ArrayList<>(validation));
			this.disjoint = disjoint;
		}

		public List<Plane> training() {
			return training;
		}

		public List<Plane> validation() {
			return validation;
		}

		/** True if no pixel is in both sets; false if the same planes are used for training and validation. */
		public boolean disjoint() {
			return disjoint;
		}

		@Override
		public String toString() {
			return "Split[" + training.size() + " training, " + validation.size() + " validation planes" + (disjoint
				? "" : ", same planes") + "]";
		}
	}
}
