package sc.fiji.autoencoders.model;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Finite pixel values of a list of images (2D or 3D), for percentiles: all of them, or a fixed-seed sample. Positions
 * are indices into the images' pixels one after the other (each image in flat order: X fastest, then Y, then Z).
 */
final class PixelSample {

	private final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images;
	/** starts[i] = pixels of images 0..i-1. */
	private final long[] starts;

	PixelSample(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images) {
		this.images = images;
		starts = new long[images.size() + 1];
		for (int i = 0; i < images.size(); i++)
			starts[i + 1] = starts[i] + Intervals.numElements(images.get(i));
	}

	/**
	 * Every finite pixel if there are at most {@code max}, else about {@code max} of them: single pixels at random,
	 * or {@code Normalization.BLOCK}-squares of one plane at random ({@code inBlocks}).
	 *
	 * @throws BadInputException in blocks, if a sampled pixel is not finite (the images are not read whole to check)
	 */
	float[] take(final int max, final boolean inBlocks) {
		final long total = starts[starts.length - 1];
		if (total <= max) return all((int) total);
		return inBlocks ? blocks(max) : pixels(max);
	}

	private float[] all(final int total) {
		final float[] out = new float[total];
		int n = 0;
		for (final RandomAccessibleInterval<? extends RealType<?>> image : images) {
			final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
			while (c.hasNext()) {
				final float v = c.next().getRealFloat();
				if (Float.isFinite(v)) out[n++] = v;
			}
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	/**
	 * Random rather than strided picks: a regular stride can alias with the image width and see only a few columns.
	 */
	private float[] pixels(final int max) {
		final long total = starts[starts.length - 1];
		final Random rng = new Random(0x5EED);
		final RandomAccess<?>[] access = new RandomAccess<?>[images.size()];
		final float[] out = new float[max];
		int n = 0;
		for (int s = 0; s < max; s++) {
			final long index = (long) (rng.nextDouble() * total);
			final int i = image(index);
			if (access[i] == null) access[i] = Views.zeroMin(images.get(i)).randomAccess();
			final float v = at(images.get(i), access[i], index - starts[i]);
			if (Float.isFinite(v)) out[n++] = v;
		}
		return n == out.length ? out : Arrays.copyOf(out, n);
	}

	/** The image whose range of indices holds {@code index}. */
	private int image(final long index) {
		final int i = Arrays.binarySearch(starts, index);
		return i >= 0 ? Math.min(i, images.size() - 1) : -i - 2;
	}

	/** The value at flat position {@code k} of the image ({@code ra}: its zero-min access). */
	private static float at(final RandomAccessibleInterval<?> image, final RandomAccess<?> ra, final long k) {
		final long w = image.dimension(0), h = image.dimension(1);
		ra.setPosition(k % w, 0);
		ra.setPosition(k / w % h, 1);
		if (image.numDimensions() > 2) ra.setPosition(k / (w * h), 2);
		return ((RealType<?>) ra.get()).getRealFloat();
	}

	private float[] blocks(final int max) {
		final int side = Normalization.BLOCK;
		final long total = starts[starts.length - 1];
		final Random rng = new Random(0x5EED);
		final float[] out = new float[max];
		int n = 0;
		while (n < max) {
			// a random pixel chooses the image (in proportion to its size) and the plane; the square starts there
			final long index = (long) (rng.nextDouble() * total);
			final int i = image(index);
			final RandomAccessibleInterval<? extends RealType<?>> image = images.get(i);
			final long w = image.dimension(0), h = image.dimension(1), k = index - starts[i];
			final long z = k / (w * h), x0 = Math.min(k % w, Math.max(0, w - side)), y0 = Math.min(k / w % h, Math.max(
				0, h - side));
			final RandomAccess<? extends RealType<?>> ra = Views.zeroMin(image).randomAccess();
			if (image.numDimensions() > 2) ra.setPosition(z, 2);
			for (long y = y0; y < Math.min(h, y0 + side) && n < max; y++) {
				ra.setPosition(x0, 0);
				ra.setPosition(y, 1);
				for (long x = x0; x < Math.min(w, x0 + side) && n < max; x++, ra.fwd(0)) {
					final float v = ra.get().getRealFloat();
					if (!Float.isFinite(v)) throw new BadInputException("The training image holds NaN or infinite pixels " +
						"(at x " + x + ", y " + y + (image.numDimensions() > 2 ? ", z " + z : "") + "): replace them " +
						"first (in Fiji: Process > Math > Remove NaNs...).");
					out[n++] = v;
				}
			}
		}
		return out;
	}
}
