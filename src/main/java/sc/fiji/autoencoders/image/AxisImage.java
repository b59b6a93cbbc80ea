package sc.fiji.autoencoders.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * An n-dimensional grayscale image whose dimensions are named: the pixels as an ImgLib2
 * {@link RandomAccessibleInterval}, the {@link Axis} of each dimension (in dimension order) and the {@link Spacing}
 * along each. The core's image type: the ImageJ adapter ({@code io}) produces it and prediction consumes it.
 * <p>
 * The description is immutable; the pixels are not copied, so writing through {@link #data()} changes the image it
 * views (an ImageJ image, for one made by the adapter). Axes may come in any order and each at most once; an axis
 * the image does not have counts as size 1 ({@link #size}).
 *
 * @param <T> pixel type
 */
public final class AxisImage<T extends RealType<T>> {

	private final RandomAccessibleInterval<T> data;
	private final List<Axis> axes;
	private final List<Spacing> spacings;

	private AxisImage(final RandomAccessibleInterval<T> data, final List<Axis> axes, final List<Spacing> spacings) {
		if (data == null || axes == null || spacings == null) throw new IllegalArgumentException("Pixels, axes and " +
			"spacings must be given");
		final List<Axis> a = new ArrayList<>(axes);
		final List<Spacing> s = new ArrayList<>(spacings);
		if (a.size() != data.numDimensions()) {
			throw new IllegalArgumentException(a.size() + " axes " + a + " given for " + data.numDimensions() +
				" dimensions " + Arrays.toString(data.dimensionsAsLongArray()));
		}
		final Set<Axis> seen = EnumSet.noneOf(Axis.class);
		for (final Axis axis : a)
			if (axis == null || !seen.add(axis)) throw new IllegalArgumentException("Axes must be distinct and not " +
				"null: " + a);
		if (s.size() != a.size() || s.contains(null)) {
			throw new IllegalArgumentException("Need one spacing per axis " + a + ", got " + s);
		}
		this.data = data;
		this.axes = Collections.unmodifiableList(a);
		this.spacings = Collections.unmodifiableList(s);
	}

	/**
	 * An uncalibrated image ({@link Spacing#UNCALIBRATED} on every axis).
	 *
	 * @param axes one per dimension of {@code data}, in dimension order, distinct
	 * @throws IllegalArgumentException if the axes do not match the dimensions or repeat
	 */
	public static <T extends RealType<T>> AxisImage<T> of(final RandomAccessibleInterval<T> data,
		final Axis... axes)
	{
		return new AxisImage<>(data, Arrays.asList(axes), Collections.nCopies(axes.length, Spacing.UNCALIBRATED));
	}

	/**
	 * An image with the given spacing per axis.
	 *
	 * @throws IllegalArgumentException if the axes do not match the dimensions or repeat, or the spacings the axes
	 */
	public static <T extends RealType<T>> AxisImage<T> of(final RandomAccessibleInterval<T> data,
		final List<Axis> axes, final List<Spacing> spacings)
	{
		return new AxisImage<>(data, axes, spacings);
	}

	/** The pixels (a view, not a copy). */
	public RandomAccessibleInterval<T> data() {
		return data;
	}

	/** The axis of each dimension, in dimension order (unmodifiable). */
	public List<Axis> axes() {
		return axes;
	}

	/** The spacing of each dimension, in dimension order (unmodifiable). */
	public List<Spacing> spacings() {
		return spacings;
	}

	public int numDimensions() {
		return axes.size();
	}

	/** The dimension of {@code axis}, or -1 if the image does not have it. */
	public int dimensionOf(final Axis axis) {
		return axes.indexOf(axis);
	}

	public boolean has(final Axis axis) {
		return axes.contains(axis);
	}

	/** The number of samples along {@code axis}: 1 if the image does not have it. */
	public long size(final Axis axis) {
		final int d = dimensionOf(axis);
		return d < 0 ? 1 : data.dimension(d);
	}

	/** The spacing along {@code axis}: {@link Spacing#UNCALIBRATED} if the image does not have it. */
	public Spacing spacing(final Axis axis) {
		final int d = dimensionOf(axis);
		return d < 0 ? Spacing.UNCALIBRATED : spacings.get(d);
	}

	/** The same image with {@code spacing} along {@code axis}, which it must have. */
	public AxisImage<T> withSpacing(final Axis axis, final Spacing spacing) {
		final int d = dimensionOf(axis);
		if (d < 0) throw new IllegalArgumentException("Image with axes " + axes + " has no " + axis + " axis");
		final List<Spacing> s = new ArrayList<>(spacings);
		s.set(d, spacing);
		return new AxisImage<>(data, axes, s);
	}

	/**
	 * Other pixels with this image's axes and spacings, e.g. a result computed from this image.
	 *
	 * @throws IllegalArgumentException if {@code other} does not have this image's dimensions
	 */
	public <U extends RealType<U>> AxisImage<U> withData(final RandomAccessibleInterval<U> other) {
		if (!Intervals.equalDimensions(data, other)) {
			throw new IllegalArgumentException("Dimensions " + Arrays.toString(other.dimensionsAsLongArray()) +
				" differ from " + Arrays.toString(data.dimensionsAsLongArray()));
		}
		return new AxisImage<>(other, axes, spacings);
	}

	@Override
	public String toString() {
		final StringBuilder s = new StringBuilder("AxisImage[");
		for (int d = 0; d < axes.size(); d++)
			s.append(d > 0 ? ", " : "").append(axes.get(d)).append('=').append(data.dimension(d));
		return s.append(']').toString();
	}
}
