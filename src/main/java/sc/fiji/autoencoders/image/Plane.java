package sc.fiji.autoencoders.image;

import java.util.Arrays;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One 2D grayscale image as 32-bit floats in row-major order. The core works on planes so that it needs no ImageJ UI
 * classes; ImageJ images are converted at the edges ({@code io} and {@code command} packages).
 */
public final class Plane {

	private final int width;
	private final int height;
	private final float[] pixels;

	public Plane(final int width, final int height, final float[] pixels) {
		if (width <= 0 || height <= 0) throw new IllegalArgumentException("Plane size must be positive: " + width + "x" + height);
		if (pixels.length != (long) width * height) {
			throw new IllegalArgumentException("Plane of " + width + "x" + height + " needs " + (long) width * height +
				" pixels, got " + pixels.length);
		}
		this.width = width;
		this.height = height;
		this.pixels = pixels;
	}

	public Plane(final int width, final int height) {
		this(width, height, new float[width * height]);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The backing array (not a copy). */
	public float[] pixels() {
		return pixels;
	}

	/** This plane as a 2D ImgLib2 image (X, Y) over the same array: what training samples patches from. */
	public ArrayImg<FloatType, FloatArray> view() {
		return ArrayImgs.floats(pixels, width, height);
	}

	public float get(final int x, final int y) {
		return pixels[y * width + x];
	}

	public void set(final int x, final int y, final float v) {
		pixels[y * width + x] = v;
	}

	public Plane copy() {
		return new Plane(width, height, pixels.clone());
	}

	/** The rectangle at (x0, y0) of size w x h, which must lie inside this plane. */
	public Plane crop(final int x0, final int y0, final int w, final int h) {
		final float[] out = new float[w * h];
		for (int y = 0; y < h; y++) {
			System.arraycopy(pixels, (y0 + y) * width + x0, out, y * w, w);
		}
		return new Plane(w, h, out);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Plane)) return false;
		final Plane p = (Plane) o;
		return p.width == width && p.height == height && Arrays.equals(p.pixels, pixels);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * width + height) + Arrays.hashCode(pixels);
	}

	@Override
	public String toString() {
		return "Plane[" + width + "x" + height + "]";
	}
}
