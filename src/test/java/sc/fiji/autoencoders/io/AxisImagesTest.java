package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Spacing;
import sc.fiji.autoencoders.image.Volume;

class AxisImagesTest {

	private static final int W = 5, H = 4;

	/** A hyperstack of {@code bitDepth} whose pixel (x, y) of stack plane i is {@code value(x, y, i)}. */
	private static ImagePlus hyperstack(final int bitDepth, final int c, final int z, final int t) {
		final ImageStack stack = new ImageStack(W, H);
		for (int i = 0; i < c * z * t; i++) {
			final ImageProcessor ip = bitDepth == 8 ? new ByteProcessor(W, H) : bitDepth == 16 ? new ShortProcessor(W, H)
				: new FloatProcessor(W, H);
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					ip.setf(x, y, value(bitDepth, x, y, i));
			stack.addSlice(ip);
		}
		final ImagePlus imp = new ImagePlus("hyper" + bitDepth, stack);
		imp.setDimensions(c, z, t);
		if (c * z * t > 1) imp.setOpenAsHyperStack(true);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.25;
		cal.pixelHeight = 0.5;
		cal.pixelDepth = 2;
		cal.setXUnit("µm");
		cal.setYUnit("nm");
		cal.setZUnit("mm");
		cal.frameInterval = 3;
		cal.setTimeUnit("min");
		return imp;
	}

	private static float value(final int bitDepth, final int x, final int y, final int i) {
		// beyond the signed range for 8 and 16 bits, fractional for 32
		return bitDepth == 8 ? 130 + x + 10 * y + 3 * i : bitDepth == 16 ? 40000 + x + 10 * y + 100 * i : x - 0.5f * y +
			1000 * i;
	}

	private static <T extends RealType<T>> void assertSamePixels(final ImagePlus imp, final AxisImage<T> a) {
		final RandomAccess<T> ra = a.data().randomAccess();
		final long[] pos = new long[a.numDimensions()];
		for (int t = 0; t < imp.getNFrames(); t++)
			for (int z = 0; z < imp.getNSlices(); z++)
				for (int c = 0; c < imp.getNChannels(); c++) {
					final ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(c + 1, z + 1, t + 1));
					for (int y = 0; y < H; y++)
						for (int x = 0; x < W; x++) {
							set(a, pos, Axis.X, x);
							set(a, pos, Axis.Y, y);
							set(a, pos, Axis.C, c);
							set(a, pos, Axis.Z, z);
							set(a, pos, Axis.T, t);
							assertEquals(ip.getf(x, y), ra.setPositionAndGet(pos).getRealFloat(), 0f, "at " + x + "," + y + " c" +
								c + " z" + z + " t" + t);
						}
				}
	}

	private static void set(final AxisImage<?> a, final long[] pos, final Axis axis, final long v) {
		final int d = a.dimensionOf(axis);
		if (d >= 0) pos[d] = v;
		else assertEquals(0, v);
	}

	@Test
	void eightBitHyperstackIsWrappedWithoutCopying() {
		final ImagePlus imp = hyperstack(8, 2, 3, 2);
		final AxisImage<?> a = AxisImages.wrap(imp);
		assertEquals(List.of(Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T), a.axes());
		assertArrayEquals(new long[] { W, H, 2, 3, 2 }, a.data().dimensionsAsLongArray());
		assertTrue(a.data().getType() instanceof UnsignedByteType);
		assertSamePixels(imp, a);
		assertEquals(new Spacing(0.25, "µm"), a.spacing(Axis.X));
		assertEquals(new Spacing(0.5, "nm"), a.spacing(Axis.Y));
		assertEquals(new Spacing(2, "mm"), a.spacing(Axis.Z));
		assertEquals(new Spacing(3, "min"), a.spacing(Axis.T));
		assertEquals(Spacing.UNCALIBRATED, a.spacing(Axis.C));

		// zero-copy: a write through the wrapped image shows in the ImagePlus
		writeAndCheck(imp, a, 250);
	}

	private static void writeAndCheck(final ImagePlus imp, final AxisImage<?> a, final float v) {
		final long[] pos = new long[a.numDimensions()];
		set(a, pos, Axis.X, 3);
		set(a, pos, Axis.Y, 2);
		if (a.has(Axis.C)) set(a, pos, Axis.C, 1);
		if (a.has(Axis.Z)) set(a, pos, Axis.Z, 2);
		if (a.has(Axis.T)) set(a, pos, Axis.T, 1);
		a.data().randomAccess().setPositionAndGet(pos).setReal(v);
		final int c = a.has(Axis.C) ? 2 : 1, z = a.has(Axis.Z) ? 3 : 1, t = a.has(Axis.T) ? 2 : 1;
		assertEquals(v, imp.getStack().getProcessor(imp.getStackIndex(c, z, t)).getf(3, 2), 0f);
		if (imp.getStackSize() == 1) assertEquals(v, imp.getProcessor().getf(3, 2), 0f);
	}

	@Test
	void sixteenBitStackDropsOrKeepsSingletonAxes() {
		final ImagePlus imp = hyperstack(16, 1, 3, 1);
		final AxisImage<?> a = AxisImages.wrap(imp);
		assertEquals(List.of(Axis.X, Axis.Y, Axis.Z), a.axes());
		assertTrue(a.data().getType() instanceof UnsignedShortType);
		assertEquals(1, a.size(Axis.C));
		assertSamePixels(imp, a);
		writeAndCheck(imp, a, 65000);

		final AxisImage<?> all = AxisImages.wrap(imp, true);
		assertEquals(List.of(Axis.X, Axis.Y, Axis.C, Axis.Z, Axis.T), all.axes());
		assertArrayEquals(new long[] { W, H, 1, 3, 1 }, all.data().dimensionsAsLongArray());
		assertSamePixels(imp, all);
	}

	@Test
	void floatPlaneAndHyperstack() {
		final ImagePlus plane = hyperstack(32, 1, 1, 1);
		final AxisImage<?> p = AxisImages.wrap(plane);
		assertEquals(List.of(Axis.X, Axis.Y), p.axes());
		assertTrue(p.data().getType() instanceof FloatType);
		assertSamePixels(plane, p);
		writeAndCheck(plane, p, -7.25f);

		final ImagePlus imp = hyperstack(32, 2, 3, 2);
		final AxisImage<?> a = AxisImages.wrap(imp);
		assertSamePixels(imp, a);
		writeAndCheck(imp, a, 1e9f);
	}

	@Test
	void floatResultBecomesHyperstackSharingItsArrays() {
		final ImagePlus imp = hyperstack(32, 2, 3, 2);
		@SuppressWarnings("unchecked")
		final AxisImage<FloatType> a = (AxisImage<FloatType>) AxisImages.wrap(imp);
		final ImagePlus back = AxisImages.toImagePlus("back", a);
		assertEquals(32, back.getBitDepth());
		assertEquals(2, back.getNChannels());
		assertEquals(3, back.getNSlices());
		assertEquals(2, back.getNFrames());
		assertTrue(back.isHyperStack());
		assertSamePixels(back, a);
		final Calibration cal = back.getCalibration();
		assertEquals(0.25, cal.pixelWidth);
		assertEquals(0.5, cal.pixelHeight);
		assertEquals(2, cal.pixelDepth);
		assertEquals(3, cal.frameInterval);
		assertEquals("µm", cal.getXUnit());
		assertEquals("nm", cal.getYUnit());
		assertEquals("mm", cal.getZUnit());
		assertEquals("min", cal.getTimeUnit());
		// the same arrays, all the way back to the original
		assertSame(imp.getStack().getPixels(7), back.getStack().getPixels(7));
	}

	@Test
	void otherLayoutsAreCopiedInImageJOrder() {
		// axes Z, Y, X (ImageJ order reversed), in an ArrayImg, 8-bit
		final Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(3, H, W);
		final RandomAccess<UnsignedByteType> ra = img.randomAccess();
		for (int z = 0; z < 3; z++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					ra.setPositionAndGet(z, y, x).set((int) value(8, x, y, z));
		final AxisImage<UnsignedByteType> a = AxisImage.of(img, List.of(Axis.Z, Axis.Y, Axis.X), List.of(new Spacing(
			4, "um"), Spacing.UNCALIBRATED, Spacing.UNCALIBRATED));
		final ImagePlus imp = AxisImages.toImagePlus("zyx", a);
		assertEquals(32, imp.getBitDepth());
		assertEquals(W, imp.getWidth());
		assertEquals(3, imp.getNSlices());
		assertEquals(1, imp.getNChannels());
		for (int z = 0; z < 3; z++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					assertEquals(value(8, x, y, z), imp.getStack().getProcessor(z + 1).getf(x, y), 0f);
		assertEquals(4, imp.getCalibration().pixelDepth);
		assertEquals(1, imp.getCalibration().pixelWidth);

		// a planar image, not at 0
		final Img<FloatType> f = PlanarImgs.floats(W, H);
		final RandomAccessibleInterval<FloatType> shifted = net.imglib2.view.Views.translate(f, 10, 20);
		final ImagePlus s = AxisImages.toImagePlus("shifted", AxisImage.of(shifted, Axis.X, Axis.Y));
		assertEquals(W, s.getWidth());
	}

	@Test
	void rgbAndEmptyImagesAreRejected() {
		final BadInputException e = assertThrows(BadInputException.class, () -> AxisImages.wrap(new ImagePlus("color",
			new ColorProcessor(3, 3))));
		assertTrue(e.getMessage().startsWith("Image 'color' is RGB"), e.getMessage());
		assertThrows(BadInputException.class, () -> AxisImages.wrap(new ImagePlus()));
		assertThrows(IllegalArgumentException.class, () -> AxisImages.toImagePlus("no y", AxisImage.of(ArrayImgs
			.floats(3, 4), Axis.X, Axis.Z)));
	}

	/** What training reads: the views give the values, sizes and order of ImagePlanes' float copies. */
	@Test
	void planesAndStacksAsViewsMatchTheCopies() {
		for (final int bits : new int[] { 8, 16, 32 }) {
			final ImagePlus imp = hyperstack(bits, 2, 3, 2);
			assertSameImages(views(ImagePlanes.planes(imp), Plane::view), AxisImages.planes(imp));
			for (final int c : new int[] { 1, 2 })
				assertSameImages(views(ImagePlanes.planesOfChannel(imp, c), Plane::view), AxisImages.planesOfChannel(imp,
					c));
			for (final int c : new int[] { 0, 1, 2 })
				assertSameImages(views(ImagePlanes.volumes(imp, c), Volume::view), AxisImages.volumes(imp, c));
		}
		final ImagePlus imp = hyperstack(8, 2, 3, 2);
		assertEquals(assertThrows(BadInputException.class, () -> ImagePlanes.planesOfChannel(imp, 3)).getMessage(),
			assertThrows(BadInputException.class, () -> AxisImages.planesOfChannel(imp, 3)).getMessage());
		assertThrows(BadInputException.class, () -> AxisImages.volumes(imp, 3));
	}

	private static <T> List<RandomAccessibleInterval<? extends RealType<?>>> views(final List<T> items,
		final Function<T, RandomAccessibleInterval<? extends RealType<?>>> view)
	{
		final List<RandomAccessibleInterval<? extends RealType<?>>> out = new ArrayList<>();
		items.forEach(i -> out.add(view.apply(i)));
		return out;
	}

	private static void assertSameImages(final List<RandomAccessibleInterval<? extends RealType<?>>> expected,
		final List<RandomAccessibleInterval<? extends RealType<?>>> actual)
	{
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			assertArrayEquals(Intervals.dimensionsAsLongArray(expected.get(i)), Intervals.dimensionsAsLongArray(actual
				.get(i)));
			final Cursor<? extends RealType<?>> e = Views.flatIterable(expected.get(i)).cursor(), a = Views.flatIterable(
				actual.get(i)).cursor();
			while (e.hasNext())
				assertEquals(e.next().getRealFloat(), a.next().getRealFloat(), "image " + i);
		}
	}
}
