package sc.fiji.autoencoders.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * One 3D grayscale volume: a Z stack of same-size {@link Plane}s (slice 0 first), which it shares, not copies. What a
 * 3D network trains on: one channel and time point of a stack.
 */
public final class Volume {

	private final List<Plane> planes;
	private final int width, height;

	/**
	 * @param planes the Z slices, at least one, all of one size (shared, not copied)
	 * @throws IllegalArgumentException if there are none or their sizes differ
	 */
	public Volume(final List<Plane> planes) {
		if (planes == null || planes.isEmpty()) throw new IllegalArgumentException("A volume needs at least one plane");
		width = planes.get(0).width();
		height = planes.get(0).height();
		for (final Plane p : planes)
			if (p.width() != width || p.height() != height) throw new IllegalArgumentException("Planes of " + p.width() +
				"x" + p.height() + " and " + width + "x" + height + " do not make one volume");
		this.planes = Collections.unmodifiableList(new ArrayList<>(planes));
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Number of Z slices. */
	public int depth() {
		return planes.size();
	}

	/** Slice {@code z} (0-based), shared. */
	public Plane plane(final int z) {
		return planes.get(z);
	}

	/** The slices, shared. */
	public List<Plane> planes() {
		return planes;
	}

	/** This volume as a 3D ImgLib2 image (X, Y, Z) over the planes' arrays (no copy). */
	public RandomAccessibleInterval<FloatType> view() {
		final List<RandomAccessibleInterval<FloatType>> slices = new ArrayList<>(planes.size());
		for (final Plane p : planes)
			slices.add(p.view());
		return Views.stack(slices);
	}

	public float get(final int x, final int y, final int z) {
		return planes.get(z).get(x, y);
	}

	/** The box at (x0, y0) of size w x h through all slices, which must lie inside this volume (a copy). */
	public Volume crop(final int x0, final int y0, final int w, final int h) {
		final List<Plane> out = new ArrayList<>(planes.size());
		for (final Plane p : planes)
			out.add(p.crop(x0, y0, w, h));
		return new Volume(out);
	}

	/**
	 * The planes cut into volumes of {@code depth} consecutive planes each (e.g. the slices of each time point of one
	 * channel, in slice-then-frame order).
	 *
	 * @throws IllegalArgumentException if the number of planes is not a multiple of {@code depth}
	 */
	public static List<Volume> of(final List<Plane> planes, final int depth) {
		if (depth < 1 || planes.size() % depth != 0) throw new IllegalArgumentException(planes.size() +
			" planes do not make volumes of " + depth + " slices");
		final List<Volume> out = new ArrayList<>();
		for (int i = 0; i < planes.size(); i += depth)
			out.add(new Volume(planes.subList(i, i + depth)));
		return out;
	}

	@Override
	public String toString() {
		return "Volume[" + width + "x" + height + "x" + planes.size() + "]";
	}
}
