package sc.fiji.autoencoders.io;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Spacing;

/**
 * ImageJ images as {@link AxisImage}s and back, without imglib2-ij. An 8-, 16- or 32-bit image, stack or hyperstack
 * becomes a {@link PlanarImg} of {@link UnsignedByteType}, {@link UnsignedShortType} or {@link FloatType} over the
 * stack's own pixel arrays (no copy), with axes X, Y, C, Z, T in that order; calibration becomes the axes' spacings.
 */
public final class AxisImages {

	/** ImageJ's dimension order. */
	private static final List<Axis> XYCZT = List.of(Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T);

	private AxisImages() {}

	/**
	 * The image's pixels with axes X, Y and those of C, Z, T that have more than one position. The pixels are the
	 * stack's own arrays, so writes show in the ImagePlus, except for virtual stacks, which are read into memory.
	 * Values are the raw pixel values (0-255, 0-65535 or float); calibration functions are not applied.
	 *
	 * @throws BadInputException if the image is RGB or empty
	 */
	public static AxisImage<?> wrap(final ImagePlus imp) {
		return wrap(imp, false);
	}

	/**
	 * As {@link #wrap(ImagePlus)}; with {@code keepSingletons}, always all five axes X, Y, C, Z, T.
	 *
	 * @throws BadInputException if the image is RGB or empty
	 */
	public static AxisImage<?> wrap(final ImagePlus imp, final boolean keepSingletons) {
		ImagePlanes.checkNotRgb(imp);
		final ImageStack stack = imp.getStack();
		final long[] sizes = { imp.getWidth(), imp.getHeight(), imp.getNChannels(), imp.getNSlices(), imp
			.getNFrames() };
		if (stack.getSize() != sizes[2] * sizes[3] * sizes[4]) {
			throw new BadInputException("Image '" + imp.getTitle() + "' has " + stack.getSize() + " planes, not " +
				"channels x slices x frames = " + sizes[2] * sizes[3] * sizes[4] + ": fix its dimensions with Image > " +
				"Properties... first.");
		}
		final Calibration cal = imp.getCalibration();
		final List<Axis> axes = new ArrayList<>();
		final List<Spacing> spacings = new ArrayList<>();
		final List<Long> dims = new ArrayList<>();
		for (int d = 0; d < 5; d++) {
			if (d >= 2 && sizes[d] == 1 && !keepSingletons) continue;
			final Axis a = XYCZT.get(d);
			axes.add(a);
			dims.add(sizes[d]);
			spacings.add(spacing(cal, a));
		}
		final long[] dim = dims.stream().mapToLong(Long::longValue).toArray();
		final boolean virtual = stack.isVirtual();
		final int n = stack.getSize();
		switch (imp.getBitDepth()) {
			case 8: {
				final List<ByteArray> planes = new ArrayList<>(n);
				for (int i = 1; i <= n; i++)
					planes.add(new ByteArray((byte[]) pixels(stack, i, virtual)));
				final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes, dim, new Fraction());
				img.setLinkedType(new UnsignedByteType(img));
				return AxisImage.of(img, axes, spacings);
			}
			case 16: {
				final List<ShortArray> planes = new ArrayList<>(n);
				for (int i = 1; i <= n; i++)
					planes.add(new ShortArray((short[]) pixels(stack, i, virtual)));
				final PlanarImg<UnsignedShortType, ShortArray> img = new PlanarImg<>(planes, dim, new Fraction());
				img.setLinkedType(new UnsignedShortType(img));
				return AxisImage.of(img, axes, spacings);
			}
			case 32: {
				final List<FloatArray> planes = new ArrayList<>(n);
				for (int i = 1; i <= n; i++)
					planes.add(new FloatArray((float[]) pixels(stack, i, virtual)));
				final PlanarImg<FloatType, FloatArray> img = new PlanarImg<>(planes, dim, new Fraction());
				img.setLinkedType(new FloatType(img));
				return AxisImage.of(img, axes, spacings);
			}
			default:
				throw new BadInputException("Image '" + imp.getTitle() + "' has " + imp.getBitDepth() + "-bit pixels; " +
					"convert it to 8-, 16- or 32-bit grayscale first.");
		}
	}

	/**
	 * Every 2D plane of the image in stack order, as {@link ImagePlanes#planes} gives them but not copied: each an X, Y
	 * image over the stack's own pixel array, of the stack's type (a virtual stack's planes are read).
	 *
	 * @throws BadInputException if the image is RGB
	 */
	public static List<RandomAccessibleInterval<? extends RealType<?>>> planes(final ImagePlus imp) {
		ImagePlanes.checkNotRgb(imp);
		final ImageStack stack = imp.getStack();
		final List<RandomAccessibleInterval<? extends RealType<?>>> out = new ArrayList<>(stack.getSize());
		for (int i = 1; i <= stack.getSize(); i++)
			out.add(wrapPlane(stack.getProcessor(i)).data());
		return out;
	}

	/**
	 * The planes of one channel (1-based) in slice-then-frame order, as {@link ImagePlanes#planesOfChannel} gives them
	 * but not copied (see {@link #planes}).
	 *
	 * @throws BadInputException if the image is RGB or has no such channel
	 */
	public static List<RandomAccessibleInterval<? extends RealType<?>>> planesOfChannel(final ImagePlus imp,
		final int channel)
	{
		ImagePlanes.checkChannel(imp, channel);
		final ImageStack stack = imp.getStack();
		final List<RandomAccessibleInterval<? extends RealType<?>>> out = new ArrayList<>();
		for (int t = 1; t <= imp.getNFrames(); t++)
			for (int z = 1; z <= imp.getNSlices(); z++)
				out.add(wrapPlane(stack.getProcessor(imp.getStackIndex(channel, z, t))).data());
		return out;
	}

	/**
	 * The Z stacks of the image for a 3D network, as {@link ImagePlanes#volumes} gives them (one per channel and time
	 * point, channel {@code channel}'s only, 1-based, or every channel's for 0; channel fastest, then frame) but not
	 * copied: X, Y, Z views of the stack's own arrays (a virtual stack's planes are read).
	 *
	 * @throws BadInputException if the image is RGB, has no such channel, or not channels x slices x frames planes
	 */
	public static List<RandomAccessibleInterval<? extends RealType<?>>> volumes(final ImagePlus imp,
		final int channel)
	{
		if (channel != 0) ImagePlanes.checkChannel(imp, channel);
		final RandomAccessibleInterval<? extends RealType<?>> xyczt = wrap(imp, true).data();
		final int first = channel == 0 ? 1 : channel, last = channel == 0 ? imp.getNChannels() : channel;
		final List<RandomAccessibleInterval<? extends RealType<?>>> out = new ArrayList<>();
		for (int t = 0; t < imp.getNFrames(); t++)
			for (int c = first; c <= last; c++)
				out.add(Views.hyperSlice(Views.hyperSlice(xyczt, 4, t), 2, c - 1));
		return out;
	}

	/**
	 * One plane (e.g. of a virtual stack) as an uncalibrated X, Y image over the processor's own pixel array (no copy):
	 * {@link UnsignedByteType}, {@link UnsignedShortType} or {@link FloatType}.
	 *
	 * @throws BadInputException if the plane is RGB
	 */
	public static AxisImage<?> wrapPlane(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		final Object p = ip.getPixels();
		if (p instanceof byte[]) return AxisImage.of(ArrayImgs.unsignedBytes((byte[]) p, w, h), Axis.X, Axis.Y);
		if (p instanceof short[]) return AxisImage.of(ArrayImgs.unsignedShorts((short[]) p, w, h), Axis.X, Axis.Y);
		if (p instanceof float[]) return AxisImage.of(ArrayImgs.floats((float[]) p, w, h), Axis.X, Axis.Y);
		throw new BadInputException("An RGB plane cannot be denoised; convert the image to 8-bit grayscale or split " +
			"its channels (Image > Type / Image > Color > Split Channels) first.");
	}

	/**
	 * A 32-bit ImageJ image or hyperstack of {@code image}, which needs X and Y axes and may have C, Z and T. Its
	 * spacings become the calibration (pixel width, height and depth with their units, the frame interval with its
	 * unit); its display range spans all finite values. A {@link FloatType} {@link PlanarImg} whose axes come in
	 * ImageJ's order (X, Y, then any of C, Z, T) shares its pixel arrays with the result; anything else is copied.
	 *
	 * @throws IllegalArgumentException if the image lacks X or Y, or a plane or the stack is too large for ImageJ
	 */
	public static <T extends RealType<T>> ImagePlus toImagePlus(final String title, final AxisImage<T> image) {
		for (final Axis a : List.of(Axis.X, Axis.Y))
			if (!image.has(a)) throw new IllegalArgumentException("ImageJ images need an " + a + " axis: " + image);
		final long w = image.size(Axis.X), h = image.size(Axis.Y);
		final long c = image.size(Axis.C), z = image.size(Axis.Z), t = image.size(Axis.T);
		if (w * h > Integer.MAX_VALUE - 8 || c * z * t > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Too large for an ImageJ image: " + image);
		}
		final List<Plane> planes = new ArrayList<>((int) (c * z * t));
		final List<float[]> shared = sharedPlanes(image);
		if (shared != null) {
			for (final float[] p : shared)
				planes.add(new Plane((int) w, (int) h, p));
		}
		else {
			for (long ti = 0; ti < t; ti++)
				for (long zi = 0; zi < z; zi++)
					for (long ci = 0; ci < c; ci++)
						planes.add(copyPlane(image, new long[] { ci, zi, ti }, (int) w, (int) h));
		}
		final ImagePlus imp = ImagePlanes.toImagePlus(title, planes, (int) c, (int) z, (int) t);
		final Calibration cal = imp.getCalibration();
		final Spacing x = image.spacing(Axis.X), y = image.spacing(Axis.Y);
		cal.pixelWidth = x.size();
		cal.setXUnit(x.unit());
		cal.pixelHeight = y.size();
		cal.setYUnit(y.unit());
		if (image.has(Axis.Z)) {
			cal.pixelDepth = image.spacing(Axis.Z).size();
			cal.setZUnit(image.spacing(Axis.Z).unit());
		}
		if (image.has(Axis.T) && !image.spacing(Axis.T).equals(Spacing.UNCALIBRATED)) {
			cal.frameInterval = image.spacing(Axis.T).size();
			cal.setTimeUnit(image.spacing(Axis.T).unit());
		}
		return imp;
	}

	// -- Helper methods --

	private static Object pixels(final ImageStack stack, final int i, final boolean virtual) {
		// a virtual stack reads each plane afresh (writes would be lost): its processor's array is a private copy
		return virtual ? stack.getProcessor(i).getPixels() : stack.getPixels(i);
	}

	private static Spacing spacing(final Calibration cal, final Axis a) {
		switch (a) {
			case X:
				return spacing(cal.pixelWidth, cal.getXUnit());
			case Y:
				return spacing(cal.pixelHeight, cal.getYUnit());
			case Z:
				return spacing(cal.pixelDepth, cal.getZUnit());
			case T:
				return spacing(cal.frameInterval, cal.getTimeUnit());
			default:
				return Spacing.UNCALIBRATED;
		}
	}

	private static Spacing spacing(final double size, final String unit) {
		return size > 0 && size < Double.POSITIVE_INFINITY && unit != null ? new Spacing(size, unit)
			: Spacing.UNCALIBRATED;
	}

	/** The float arrays of a zero-min FloatType PlanarImg in ImageJ's axis order, in stack order; else null. */
	private static List<float[]> sharedPlanes(final AxisImage<?> image) {
		final RandomAccessibleInterval<?> data = image.data();
		if (!(data instanceof PlanarImg) || !(data.getType() instanceof FloatType) || !Views.isZeroMin(data)) return null;
		int last = -1;
		for (final Axis a : image.axes()) {
			final int i = XYCZT.indexOf(a);
			if (i <= last) return null;
			last = i;
		}
		final PlanarImg<?, ?> img = (PlanarImg<?, ?>) data;
		final List<float[]> out = new ArrayList<>(img.numSlices());
		for (int i = 0; i < img.numSlices(); i++) {
			final Object storage = img.getPlane(i).getCurrentStorageArray();
			if (!(storage instanceof float[])) return null;
			out.add((float[]) storage);
		}
		return out;
	}

	/** The XY plane at channel, slice and frame {@code czt} (0-based), copied to floats. */
	private static <T extends RealType<T>> Plane copyPlane(final AxisImage<T> image, final long[] czt, final int w,
		final int h)
	{
		RandomAccessibleInterval<T> v = image.data();
		final Axis[] others = { Axis.C, Axis.Z, Axis.T };
		for (int d = image.numDimensions() - 1; d >= 0; d--) {
			final Axis a = image.axes().get(d);
			for (int i = 0; i < others.length; i++)
				if (a == others[i]) v = Views.hyperSlice(v, d, v.min(d) + czt[i]);
		}
		if (image.dimensionOf(Axis.X) > image.dimensionOf(Axis.Y)) v = Views.permute(v, 0, 1);
		final float[] px = new float[w * h];
		LoopBuilder.setImages(Views.zeroMin(v), ArrayImgs.floats(px, w, h)).forEachPixel((a, b) -> b.set(a
			.getRealFloat()));
		return new Plane(w, h, px);
	}
}
