package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** The streaming TIFF writer: offsets beyond 2^31 and 4 GB, and files ImageJ reads back with every detail. */
public class TiffStackWriterTest {

	@TempDir
	File dir;

	/** The stack CSBDeep failed on: 12900 x 2048 x 116 floats, 3.06 gigapixels, a 12 GB file. */
	@Test
	public void offsetsOfAStackBeyond2To31PixelsAre64Bit() {
		final TiffStackWriter.Layout l = new TiffStackWriter.Layout(12900, 2048, 4, 116, 200);
		assertEquals(3_064_627_200L, l.pixels());
		assertTrue(l.pixels() > Integer.MAX_VALUE);
		assertEquals(105_676_800L, l.planeBytes());
		final long start = l.dataOffset();
		assertEquals(0, start % 16);
		assertTrue(start >= TiffStackWriter.Layout.HEADER + TiffStackWriter.Layout.IFD_SIZE + 200 + 16);
		// plane 115 starts 12.15 GB in: int arithmetic would wrap around (to a negative number here)
		assertEquals(start + 115L * 105_676_800L, l.planeOffset(115));
		assertEquals(12_152_832_000L + start, l.planeOffset(115));
		assertNotEquals(l.planeOffset(115), (long) ((int) start + 115 * 105_676_800));
		assertEquals(start + 116L * 105_676_800L, l.dataEnd());
		// beyond 4 GB only the first plane has an IFD (ImageJ reads the others from images= in the description)
		assertFalse(l.everyPlaneHasIfd());
		assertEquals(l.dataEnd(), l.fileSize());
		assertEquals(TiffStackWriter.Layout.HEADER, l.ifdOffset(0));
	}

	@Test
	public void ifdsForEveryPlaneOnlyWhileTheyFitBelow4Gb() {
		final TiffStackWriter.Layout small = new TiffStackWriter.Layout(100, 50, 4, 10, 100);
		assertTrue(small.everyPlaneHasIfd());
		assertEquals(small.dataEnd(), small.ifdOffset(1));
		assertEquals(small.dataEnd() + 8L * TiffStackWriter.Layout.IFD_SIZE, small.ifdOffset(9));
		assertEquals(small.dataEnd() + 9L * TiffStackWriter.Layout.IFD_SIZE, small.fileSize());
		// one 2 GB plane fits; 8192 x 8192 x 33 16-bit pixels (2^31 + 2^26, 4.1 GB) do not
		final TiffStackWriter.Layout below = new TiffStackWriter.Layout(32768, 32768, 2, 1, 100);
		assertTrue(below.everyPlaneHasIfd());
		final TiffStackWriter.Layout over = new TiffStackWriter.Layout(8192, 8192, 2, 33, 100);
		assertEquals(2_214_592_512L, over.pixels());
		assertFalse(over.everyPlaneHasIfd());
	}

	@Test
	public void hyperstackReadsBackWithDimensionsCalibrationAndRange() {
		final int w = 37, h = 21, c = 2, z = 3, t = 2;
		final Random r = new Random(1);
		final float[][] planes = new float[c * z * t][w * h];
		for (final float[] p : planes)
			for (int i = 0; i < p.length; i++)
				p[i] = (float) (r.nextGaussian() * 100);
		planes[3][5] = Float.NaN;
		final Calibration cal = new Calibration();
		cal.pixelWidth = 0.25;
		cal.pixelHeight = 0.5;
		cal.pixelDepth = 2.5;
		cal.setUnit("µm");
		cal.frameInterval = 3;
		cal.setTimeUnit("min");
		final File f = new File(dir, "h.tif");
		try (TiffStackWriter writer = new TiffStackWriter(f, w, h, 32, c, z, t, cal)) {
			for (final float[] p : planes)
				writer.write(p);
		}
		assertEquals(0, dir.list((d, n) -> n.startsWith(".")).length, "no temporary file left");
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float[] p : planes)
			for (final float v : p)
				if (Float.isFinite(v)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
		for (final ImagePlus imp : new ImagePlus[] { ImageFiles.open(f), ImageFiles.openVirtual(f) }) {
			assertEquals(32, imp.getBitDepth());
			assertEquals(w, imp.getWidth());
			assertEquals(h, imp.getHeight());
			assertEquals(c, imp.getNChannels());
			assertEquals(z, imp.getNSlices());
			assertEquals(t, imp.getNFrames());
			final Calibration read = imp.getCalibration();
			assertEquals(0.25, read.pixelWidth, 1e-6);
			assertEquals(0.5, read.pixelHeight, 1e-6);
			assertEquals(2.5, read.pixelDepth, 1e-9);
			assertEquals("µm", read.getUnit());
			assertEquals(3, read.frameInterval, 1e-9);
			assertEquals("min", read.getTimeUnit());
			for (int i = 0; i < planes.length; i++)
				assertArrayEquals(planes[i], (float[]) imp.getStack().getProcessor(i + 1).getPixels(), "plane " + i);
			if (!imp.isComposite()) {
				// the range of all planes, written at the end into the description
				assertEquals(min, imp.getDisplayRangeMin(), 1e-3);
				assertEquals(max, imp.getDisplayRangeMax(), 1e-3);
			}
		}
		assertTrue(ImageFiles.openVirtual(f).getStack().isVirtual());
		assertEquals(c * z * t, ImageFiles.openVirtual(f).getStackSize());
	}

	@Test
	public void sixteenBitStackAndSinglePlane() {
		final short[][] planes = new short[4][30 * 20];
		for (int k = 0; k < planes.length; k++)
			for (int i = 0; i < planes[k].length; i++)
				planes[k][i] = (short) (i * 97 + k * 1000);
		final File f = new File(dir, "s.tif");
		try (TiffStackWriter writer = new TiffStackWriter(f, 30, 20, 16, 1, 4, 1, null)) {
			for (final short[] p : planes)
				writer.write(p);
			assertThrows(IllegalStateException.class, () -> writer.write(planes[0]));
		}
		for (final ImagePlus imp : new ImagePlus[] { ImageFiles.open(f), ImageFiles.openVirtual(f) }) {
			assertEquals(16, imp.getBitDepth());
			assertEquals(4, imp.getNSlices());
			for (int k = 0; k < planes.length; k++)
				assertArrayEquals(planes[k], (short[]) imp.getStack().getProcessor(k + 1).getPixels());
			assertEquals(0, imp.getDisplayRangeMin());
			assertEquals(599 * 97 + 3000, imp.getDisplayRangeMax());
		}

		final File one = new File(dir, "one.tif");
		try (TiffStackWriter writer = new TiffStackWriter(one, 30, 20, 32, 1, 1, 1, null)) {
			writer.write(new float[600]);
		}
		final ImagePlus single = ImageFiles.open(one);
		assertEquals(1, single.getStackSize());
		assertEquals(32, single.getBitDepth());
	}

	@Test
	public void unfinishedStackLeavesNoFile() {
		final File f = new File(dir, "u.tif");
		try (TiffStackWriter writer = new TiffStackWriter(f, 10, 10, 32, 1, 3, 1, null)) {
			writer.write(new float[100]);
			assertThrows(IllegalArgumentException.class, () -> writer.write(new float[99]));
			assertThrows(IllegalArgumentException.class, () -> writer.write(new short[100]));
		}
		assertFalse(f.exists());
		assertEquals(0, dir.list().length, "the temporary file is deleted");
	}

	@Test
	public void virtualOpeningOfImageJStacks() {
		final ImageStack stack = new ImageStack(16, 8);
		for (int i = 0; i < 6; i++) {
			final ShortProcessor sp = new ShortProcessor(16, 8);
			sp.set(i, i, 1000 + i);
			stack.addSlice(sp);
		}
		final ImagePlus imp = new ImagePlus("s", stack);
		imp.setDimensions(3, 1, 2);
		final File f = new File(dir, "ij.tif");
		ImageOutputs.writeTiff(imp, f);
		final ImagePlus v = ImageFiles.openVirtual(f);
		assertTrue(v.getStack().isVirtual());
		assertEquals(3, v.getNChannels());
		assertEquals(2, v.getNFrames());
		for (int i = 0; i < 6; i++)
			assertEquals(1000 + i, v.getStack().getProcessor(i + 1).get(i, i));
		assertEquals(6L * 16 * 8 * 2, ImageFiles.tiffBytes(f));

		final FloatProcessor fp = new FloatProcessor(5, 4);
		final File plane = new File(dir, "p.tif");
		ImageOutputs.writeTiff(new ImagePlus("p", fp), plane);
		assertEquals(1, ImageFiles.openVirtual(plane).getStackSize());
		assertEquals(80, ImageFiles.tiffBytes(plane));
	}
}
