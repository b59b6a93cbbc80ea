package sc.fiji.autoencoders.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

/**
 * Percentile normalization: maps intensity {@code low} to 0 and {@code high} to 1 (values outside are not clipped).
 * Percentiles rather than min/max keep a few hot or dead pixels from squeezing the useful range. Immutable.
 */
public final class Normalization {

	/** Default low percentile used by {@link #fromPlanes(List)}. */
	public static final double DEFAULT_LOW_PERCENTILE = 0.1;
	/** Default high percentile used by {@link #fromPlanes(List)}. */
	public static final double DEFAULT_HIGH_PERCENTILE = 99.9;

	/** Enough for percentiles accurate to well below 0.1% while keeping sorting under a second. */
	static final int MAX_SAMPLES = 2_000_000;

	private final double low;
	private final double high;

	private Normalization(final double low, final double high) {
		this.low = low;
		this.high = high;
	}

	/**
	 * A normalization with the given levels, e.g. as stored with a trained model.
	 *
	 * @throws IllegalArgumentException if the levels are not finite or {@code high <= low}
	 */
	public static Normalization of(final double low, final double high) {
		if (!Double.isFinite(low) || !Double.isFinite(high) || high <= low) {
			throw new IllegalArgumentException("Normalization needs finite low < high, got low=" + low + ", high=" + high);
		}
		return new Normalization(low, high);
	}

	/** Normalization between the 0.1 and 99.9 percentiles of the planes. */
	public static Normalization fromPlanes(final List<Plane> planes) {
		return fromPercentiles(planes, DEFAULT_LOW_PERCENTILE, DEFAULT_HIGH_PERCENTILE);
	}

	/**
	 * Normalization between the given percentiles (0-100) of all finite pixel values of the planes. At most about two
	 * million pixels are used, sampled with a fixed seed so that the same images always give the same result.
	 *
	 * @throws BadInputException if there are no finite pixels, the percentiles are out of order, or the images are
	 *           constant between the percentiles
	 */
	public static Normalization fromPercentiles(final List<Plane> planes, final double lowPercentile,
		final double highPercentile)
	{
		final List<RandomAccessibleInterval<? extends RealType<?>>> views = new ArrayList<>();
		if (planes != null) planes.forEach(p -> views.add(p.view()));
		return fromImages(views, lowPercentile, highPercentile, false);
	}

	/**
	 * Normalization between the 0.1 and 99.9 percentiles of the images (2D or 3D, any real type), as
	 * {@link #fromImages(List, double, double, boolean)} samples them.
	 */
	public static Normalization fromImages(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
		final boolean inBlocks)
	{
		return fromImages(images, DEFAULT_LOW_PERCENTILE, DEFAULT_HIGH_PERCENTILE, inBlocks);
	}

	/**
	 * Normalization between the given percentiles (0-100) of the finite pixel values of the images. At most about two
	 * million pixels are used, with a fixed seed so that the same images always give the same result: every pixel of
	 * small images, else single pixels at random, or, with {@code inBlocks} (images read from a file block by block,
	 * where each random pixel would read a block), {@link #BLOCK} x {@link #BLOCK} squares of one plane at random: about
	 * 500 positions over the whole image, each costing one or a few block reads, so the time does not grow with the
	 * image's size.
	 *
	 * @throws BadInputException if there are no finite pixels, the percentiles are out of order, the images are
	 *           constant between the percentiles, or (in blocks) a sampled pixel is not finite
	 */
	public static Normalization fromImages(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
		final double lowPercentile, final double highPercentile, final boolean inBlocks)
	{
		if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
			throw new BadInputException("Normalization percentiles must satisfy 0 <= low < high <= 100, but got low=" +
				lowPercentile + " and high=" + highPercentile + ". Use for example 0.1 and 99.9.");
		}
		if (images == null || images.isEmpty()) {
			throw new BadInputException("No images to compute the normalization from. Give at least one training image.");
		}
		final float[] sample = new PixelSample(images).take(MAX_SAMPLES, inBlocks);
		if (sample.length == 0) {
			throw new BadInputException("The images contain no finite pixel values (all NaN or infinite). Give images " +
				"with real intensity values.");
		}
		Arrays.sort(sample);
		final double low = percentile(sample, lowPercentile);
		final double high = percentile(sample, highPercentile);
		if (!(high > low)) {
			throw new BadInputException("The images are constant (the " + lowPercentile + " and " + highPercentile +
				" percentiles are both " + low + "). Training needs images with intensity variation; check that the " +
				"right images were chosen.");
		}
		return new Normalization(low, high);
	}

	/** Side of the squares {@link #fromImages} samples images read in blocks by. */
	static final int BLOCK = 64;

	/** Linear interpolation between closest ranks, as numpy.percentile's default. */
	static double percentile(final float[] sorted, final double percent) {
		final double rank = percent / 100 * (sorted.length - 1);
		final int below = (int) Math.floor(rank);
		final int above = Math.min(below + 1, sorted.length - 1);
		final double t = rank - below;
		return sorted[below] + t * ((double) sorted[above] - sorted[below]);
	}

	/** The intensity mapped to 0. */
	public double low() {
		return low;
	}

	/** The intensity mapped to 1. */
	public double high() {
		return high;
	}

	/** {@code high - low}, always positive. */
	public double scale() {
		return high - low;
	}

	/** Maps an intensity to normalized units. */
	public float normalize(final float value) {
		return (float) ((value - low) / (high - low));
	}

	/** Maps a normalized value back to intensity units. */
	public float denormalize(final float value) {
		return (float) (value * (high - low) + low);
	}

	/** Normalizes the values in place. */
	public void normalize(final float[] values) {
		for (int i = 0; i < values.length; i++) values[i] = normalize(values[i]);
	}

	/** Denormalizes the values in place. */
	public void denormalize(final float[] values) {
		for (int i = 0; i < values.length; i++) values[i] = denormalize(values[i]);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Normalization)) return false;
		final Normalization n = (Normalization) o;
		return Double.compare(n.low, low) == 0 && Double.compare(n.high, high) == 0;
	}

	@Override
	public int hashCode() {
		return 31 * Double.hashCode(low) + Double.hashCode(high);
	}

	@Override
	public String toString() {
		return "Normalization[low=" + low + ", high=" + high + "]";
	}
}
