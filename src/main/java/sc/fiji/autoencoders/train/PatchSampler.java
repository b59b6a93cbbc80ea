package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Draws random patches from training images: P x P from planes (2D images, X and Y), D x P x P from Z stacks (3D
 * images, X, Y and Z), as batches laid out NHWC / NDHWC with C=1 (patch after patch, each slice after slice, each
 * row-major). Images are ImgLib2 images of any real type (in memory, or read lazily block by block); each patch is
 * read through a {@code Views.interval} of its image into the batch's floats, so nothing is copied whole. Images are
 * chosen in proportion to their pixel counts. Training patches get a random flip/90-degree rotation (one of the 8
 * symmetries of the square) and, in 3D, a random flip in Z, which multiplies the effective training data for free
 * since microscopy content has no preferred orientation; X and Y may be swapped because their steps are equal, Z never
 * is. Only reads the images. Not thread-safe.
 */
public final class PatchSampler {

	private final List<RandomAccessibleInterval<? extends RealType<?>>> images;
	private final int dims, patchSize, patchDepth;
	/** cumulative[i] = pixels of images 0..i-1, for a choice in proportion to size. */
	private final long[] cumulative;
	private final Random rng;
	/** Whether augmentation may transpose (swap x and y); not for noise correlated along one axis. */
	private boolean transposes = true;

	/**
	 * @param images 2D (X, Y) or 3D (X, Y, Z) images, each at least a patch (values are copied as they are, normalized
	 *          or not)
	 * @param dims 2 or 3
	 * @param patchSize side length P of the square patches
	 * @param patchDepth planes D of a patch in 3D (1 in 2D)
	 * @param seed seed for image, position and augmentation choice
	 * @throws BadInputException if there are no images or one is smaller than a patch
	 */
	PatchSampler(final List<RandomAccessibleInterval<? extends RealType<?>>> images, final int dims, final int patchSize,
		final int patchDepth, final long seed)
	{
		if (images == null || images.isEmpty()) throw new BadInputException(dims == 3 ? "There are no training " +
			"stacks to take patches from. Give at least one Z stack." : "There are no training images to take patches " +
				"from. Give at least one image.");
		if (patchSize < 1 || patchDepth < 1) throw new BadInputException("Patch size must be at least 1, got " +
			patchSize + (dims == 3 ? " and depth " + patchDepth : "") + ".");
		TrainingImages.checkSamplable(images, dims, patchSize, patchDepth);
		this.images = Collections.unmodifiableList(new ArrayList<>(images));
		this.dims = dims;
		this.patchSize = patchSize;
		this.patchDepth = dims == 3 ? patchDepth : 1;
		cumulative = new long[images.size() + 1];
		for (int i = 0; i < images.size(); i++)
			cumulative[i + 1] = cumulative[i] + TrainingImages.pixels(images.get(i));
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

	/** Planes D of a patch (1 in 2D). */
	public int patchDepth() {
		return patchDepth;
	}

	/**
	 * The next {@code batch} random, randomly flipped/rotated patches: {@code batch * D * P * P} values, patch-major and
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

	private float[] sample(final int count, final Random random, final boolean augment) {
		if (count < 1) throw new IllegalArgumentException("Batch size must be positive: " + count);
		final int p = patchSize, n = patchDepth * p * p;
		final float[] out = new float[count * n];
		for (int b = 0; b < count; b++) {
			final RandomAccessibleInterval<? extends RealType<?>> image = images.get(pick(random));
			final long x0 = image.min(0) + random.nextInt((int) (image.dimension(0) - p + 1));
			final long y0 = image.min(1) + random.nextInt((int) (image.dimension(1) - p + 1));
			final long z0 = dims == 3 ? image.min(2) + random.nextInt((int) (image.dimension(2) - patchDepth + 1)) : 0;
			// bit 0 swaps X and Y, bits 1 and 2 flip in XY, bit 3 in Z
			final int variants = dims == 3 ? 16 : 8;
			final int variant = augment ? transposes ? random.nextInt(variants) : random.nextInt(variants / 2) << 1 : 0;
			copy(image, x0, y0, z0, variant, out, b * n);
		}
		return out;
	}

	private int pick(final Random random) {
		final long r = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
		final int i = Arrays.binarySearch(cumulative, r);
		return i >= 0 ? Math.min(i, images.size() - 1) : -i - 2;
	}

	/** Copies the patch at (x0, y0[, z0]) under {@code variant} into {@code out} at {@code offset}. */
	private void copy(final RandomAccessibleInterval<? extends RealType<?>> image, final long x0, final long y0,
		final long z0, final int variant, final float[] out, final int offset)
	{
		final int p = patchSize, pp = p * p;
		final long[] min = dims == 3 ? new long[] { x0, y0, z0 } : new long[] { x0, y0 };
		final long[] max = dims == 3 ? new long[] { x0 + p - 1, y0 + p - 1, z0 + patchDepth - 1 } : new long[] { x0 +
			p - 1, y0 + p - 1 };
		final RandomAccess<? extends RealType<?>> ra = Views.interval(image, new FinalInterval(min, max)).randomAccess();
		final boolean flipZ = (variant & 8) != 0;
		for (int z = 0; z < patchDepth; z++) {
			if (dims == 3) ra.setPosition(z0 + (flipZ ? patchDepth - 1 - z : z), 2);
			copyPatch(ra, x0, y0, p, variant & 7, out, offset + z * pp);
		}
	}

	/**
	 * Copies the P x P patch at (x0, y0) of the plane {@code ra} stands in under one of the 8 symmetries of the square.
	 * Bit 0 transposes, bit 1 flips rows, bit 2 flips columns; their combinations give all rotations and reflections.
	 * Each output row is one run along X (or along Y, transposed) of the source.
	 */
	static void copyPatch(final RandomAccess<? extends RealType<?>> ra, final long x0, final long y0,
		final int p, final int variant, final float[] out, final int offset)
	{
		final boolean transpose = (variant & 1) != 0;
		final boolean flipRows = (variant & 2) != 0;
		final boolean flipCols = (variant & 4) != 0;
		// along an output row the source moves along Y when transposed (flipped with the rows), else along X
		final int axis = transpose ? 1 : 0;
		final boolean backwards = transpose ? flipRows : flipCols;
		for (int r = 0; r < p; r++) {
			int sr = transpose ? 0 : r, sc = transpose ? r : 0;
			if (flipRows) sr = p - 1 - sr;
			if (flipCols) sc = p - 1 - sc;
			ra.setPosition(x0 + sc, 0);
			ra.setPosition(y0 + sr, 1);
			final int o = offset + r * p;
			for (int c = 0; c < p; c++) {
				out[o + c] = ra.get().getRealFloat();
				if (c + 1 < p) {
					if (backwards) ra.bck(axis);
					else ra.fwd(axis);
				}
			}
		}
	}
}
