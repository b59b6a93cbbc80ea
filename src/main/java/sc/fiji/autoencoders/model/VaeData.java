package sc.fiji.autoencoders.model;

import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.VaeSpec;

/**
 * Images for a VAE: same-size 2D images (ImgLib2, any real type) normalized to [0, 1] and zero-padded to the
 * network's size, one after the other in a float array as the network takes them. Training copies its batches image
 * by image ({@link #copy}) rather than packing the whole set, which would hold every image twice.
 */
public final class VaeData {

	private final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images;
	private final Normalization norm;
	private final VaeSpec spec;

	private VaeData(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
		final Normalization norm, final VaeSpec spec)
	{
		this.images = images;
		this.norm = norm;
		this.spec = spec;
	}

	/** The images (shared, not copied) as the network takes them, normalized by {@code norm}. */
	public static VaeData of(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
		final Normalization norm, final VaeSpec spec)
	{
		return new VaeData(images, norm, spec);
	}

	public int count() {
		return images.size();
	}

	/** Values of one image as the network takes it: paddedHeight x paddedWidth. */
	public int values() {
		return spec.paddedWidth() * spec.paddedHeight();
	}

	/** Writes image {@code i} into slot {@code slot} of {@code out}, as {@link #copy} does. */
	public void copy(final int i, final float[] out, final int slot) {
		copy(images.get(i), i, norm, spec, out, slot);
	}

	/** Images {@code start} to {@code start + m - 1}, one after the other. */
	public float[] chunk(final int start, final int m) {
		final float[] out = new float[m * values()];
		for (int k = 0; k < m; k++)
			copy(start + k, out, k);
		return out;
	}

	/** Checks that all images have one size and finite pixels; names the first offender. */
	public static void check(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images) {
		if (images == null || images.isEmpty()) throw new BadInputException(
			"No images: give a stack or a folder of same-size images (every slice is one sample).");
		final RandomAccessibleInterval<?> first = images.get(0);
		for (int i = 0; i < images.size(); i++) {
			final RandomAccessibleInterval<? extends RealType<?>> p = images.get(i);
			if (p.dimension(0) != first.dimension(0) || p.dimension(1) != first.dimension(1)) {
				throw new BadInputException("A VAE needs images of one size, but image " + (i + 1) + " is " + p
					.dimension(0) + "x" + p.dimension(1) + " and image 1 is " + first.dimension(0) + "x" + first.dimension(1) +
					": crop or scale them to one size (Image > Adjust > Size...) first.");
			}
			for (final RealType<?> v : Views.iterable(p))
				if (!Float.isFinite(v.getRealFloat())) throw new BadInputException("Image " + (i + 1) +
					" contains NaN or infinite pixels: replace them first (Process > Math > Remove NaNs...).");
		}
	}

	/** Planes normalized, clipped to [0, 1] and padded: {@code planes.size() * paddedHeight * paddedWidth} values. */
	public static float[] pack(final List<Plane> planes, final Normalization norm, final VaeSpec spec) {
		final float[] out = new float[planes.size() * spec.paddedWidth() * spec.paddedHeight()];
		for (int i = 0; i < planes.size(); i++)
			copy(planes.get(i).view(), i, norm, spec, out, i);
		return out;
	}

	/**
	 * Writes an image normalized and clipped to [0, 1] into slot {@code slot} of {@code out} (paddedHeight x
	 * paddedWidth values a slot, row-major, x fastest); the padding is left as it is, zeros in a new array.
	 *
	 * @param index the image's number from 0, for messages
	 * @throws BadInputException if the image is not of the spec's size or has a pixel that is not finite
	 */
	public static void copy(final RandomAccessibleInterval<? extends RealType<?>> image, final int index,
		final Normalization norm, final VaeSpec spec, final float[] out, final int slot)
	{
		final int w = spec.width(), h = spec.height(), pw = spec.paddedWidth(), start = slot * pw * spec.paddedHeight();
		if (image.dimension(0) != w || image.dimension(1) != h) {
			throw new BadInputException("Image " + (index + 1) + " is " + image.dimension(0) + "x" + image.dimension(
				1) + " but the VAE model was trained on " + w + "x" + h + " images: use images of that size.");
		}
		readRows(image, w, h, out, start, pw);
		for (int y = 0, row = start; y < h; y++, row += pw)
			for (int i = row; i < row + w; i++) {
				final float v = out[i];
				if (!Float.isFinite(v)) throw new BadInputException("Image " + (index + 1) +
					" contains NaN or infinite pixels, which a VAE cannot encode: replace them first (Process > Math " +
					"> Remove NaNs...).");
				final float u = norm.normalize(v);
				out[i] = u < 0 ? 0 : u > 1 ? 1 : u;
			}
	}

	/**
	 * The image's values in flat order, row y at {@code start + y * stride} of {@code out}. The pixel arrays of the
	 * ArrayImgs that ImageJ planes and {@link Plane#view()} are (float, unsigned 8 and 16 bits) are read directly: a
	 * cursor took about 20 ns a pixel, as long as the arithmetic of a batch of 28x28 images several times over, and
	 * every training batch is read this way.
	 */
	private static void readRows(final RandomAccessibleInterval<? extends RealType<?>> image, final int w, final int h,
		final float[] out, final int start, final int stride)
	{
		final Object pixels = pixelArray(image);
		if (pixels instanceof float[]) {
			for (int y = 0; y < h; y++)
				System.arraycopy(pixels, y * w, out, start + y * stride, w);
		}
		else if (pixels instanceof byte[]) {
			final byte[] p = (byte[]) pixels;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					out[start + y * stride + x] = p[y * w + x] & 0xff;
		}
		else if (pixels instanceof short[]) {
			final short[] p = (short[]) pixels;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					out[start + y * stride + x] = p[y * w + x] & 0xffff;
		}
		else {
			final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					out[start + y * stride + x] = c.next().getRealFloat();
		}
	}

	/** The array behind an ArrayImg of FloatType, UnsignedByteType or UnsignedShortType, else null. */
	private static Object pixelArray(final RandomAccessibleInterval<?> image) {
		if (!(image instanceof ArrayImg)) return null;
		final ArrayImg<?, ?> img = (ArrayImg<?, ?>) image;
		final Object type = img.firstElement();
		if (!(type instanceof FloatType || type instanceof UnsignedByteType || type instanceof UnsignedShortType))
			return null;
		final Object access = img.update(null);
		return access instanceof ArrayDataAccess ? ((ArrayDataAccess<?>) access).getCurrentStorageArray() : null;
	}

	/** The valid region of padded [0, 1] outputs, in image units. */
	public static Plane unpack(final float[] data, final int index, final Normalization norm, final VaeSpec spec) {
		final int pw = spec.paddedWidth(), n = pw * spec.paddedHeight();
		final Plane p = new Plane(spec.width(), spec.height());
		for (int y = 0; y < spec.height(); y++)
			for (int x = 0; x < spec.width(); x++)
				p.set(x, y, norm.denormalize(data[index * n + y * pw + x]));
		return p;
	}
}
