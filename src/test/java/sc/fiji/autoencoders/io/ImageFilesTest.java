package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

class ImageFilesTest {

	@TempDir
	File dir;

	private static ImagePlus shortStack() {
		final ImageStack stack = new ImageStack(5, 4);
		for (int s = 0; s < 3; s++) {
			final short[] px = new short[20];
			for (int i = 0; i < 20; i++) px[i] = (short) (s * 20000 + i * 7); // up to 40133: beyond signed short
			stack.addSlice("s" + s, new ShortProcessor(5, 4, px, null));
		}
		return new ImagePlus("stack16", stack);
	}

	@Test
	void sixteenBitStackRoundTripsThroughTiff() {
		final ImagePlus imp = shortStack();
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().setUnit("um");
		final File f = new File(dir, "stack.tif");
		ImageOutputs.writeTiff(imp, f);
		final ImagePlus back = ImageFiles.open(f);
		assertEquals(16, back.getBitDepth());
		assertEquals(3, back.getStackSize());
		assertEquals(5, back.getWidth());
		assertEquals(4, back.getHeight());
		assertEquals(0.25, back.getCalibration().pixelWidth, 1e-12);
		final List<Plane> planes = ImagePlanes.planes(back);
		assertEquals(ImagePlanes.planes(imp), planes);
		assertEquals(40000 + 19 * 7, planes.get(2).get(4, 3));
		assertEquals(7, planes.get(0).get(1, 0));
	}

	@Test
	void writeIsAtomicAndLeavesNoTempFile() throws IOException {
		final File f = new File(dir, "out.tif");
		Files.write(f.toPath(), "old content".getBytes(StandardCharsets.UTF_8));
		ImageOutputs.writeTiff(shortStack(), f);
		assertArrayEquals(new String[] { "out.tif" }, dir.list());
		assertEquals(3, ImageFiles.open(f).getStackSize());
		// single plane, 32-bit
		final Plane p = new Plane(3, 2, new float[] { -1.5f, 0, 2.25f, 1e6f, Float.NaN, 3 });
		final File g = new File(dir, "single.tif");
		ImageOutputs.writeTiff(ImagePlanes.toImagePlus("single", List.of(p), 1, 1, 1), g);
		final ImagePlus back = ImageFiles.open(g);
		assertEquals(32, back.getBitDepth());
		assertEquals(p, ImagePlanes.planes(back).get(0));
		final String[] names = dir.list();
		Arrays.sort(names);
		assertArrayEquals(new String[] { "out.tif", "single.tif" }, names);
	}

	@Test
	void writingToMissingFolderNamesTheFolder() {
		final File missing = new File(dir, "no-such-folder");
		final BadInputException e = assertThrows(BadInputException.class, () -> ImageOutputs.writeTiff(shortStack(),
			new File(missing, "x.tif")));
		assertTrue(e.getMessage().contains(missing.getAbsolutePath()), e.getMessage());
	}

	@Test
	void hyperstackPlanesComeInStackOrder() {
		final List<Plane> planes = new ArrayList<>();
		for (int i = 0; i < 12; i++) planes.add(new Plane(2, 2, new float[] { i, i, i, i }));
		final ImagePlus imp = ImagePlanes.toImagePlus("hyper", planes, 2, 3, 2);
		final File f = new File(dir, "hyper.tif");
		ImageOutputs.writeTiff(imp, f);
		final ImagePlus back = ImageFiles.open(f);
		assertEquals(2, back.getNChannels());
		assertEquals(3, back.getNSlices());
		assertEquals(2, back.getNFrames());
		final List<Plane> all = ImagePlanes.planes(back);
		for (int i = 0; i < 12; i++) assertEquals(i, all.get(i).get(1, 1));
		// channel 2 = odd stack indices, slices first then frames
		final List<Plane> c2 = ImagePlanes.planesOfChannel(back, 2);
		final float[] values = new float[c2.size()];
		for (int i = 0; i < values.length; i++) values[i] = c2.get(i).get(0, 0);
		assertArrayEquals(new float[] { 1, 3, 5, 7, 9, 11 }, values);
		final BadInputException e = assertThrows(BadInputException.class, () -> ImagePlanes.planesOfChannel(back, 3));
		assertTrue(e.getMessage().contains("from 1 to 2"), e.getMessage());
	}

	@Test
	void pngIsReadAsEightBit() throws IOException {
		final BufferedImage gray = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
		for (int i = 0; i < 12; i++) gray.getRaster().setSample(i % 4, i / 4, 0, i * 20);
		final File f = new File(dir, "gray.png");
		ImageIO.write(gray, "png", f);
		final ImagePlus imp = ImageFiles.open(f);
		assertEquals(8, imp.getBitDepth());
		final Plane p = ImagePlanes.planes(imp).get(0);
		assertEquals(220, p.get(3, 2));
		assertEquals(20, p.get(1, 0));

		// gray content stored as RGB becomes 8-bit too
		final BufferedImage rgb = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(2, 1, 0x646464);
		final File g = new File(dir, "grayrgb.png");
		ImageIO.write(rgb, "png", g);
		final ImagePlus imp2 = ImageFiles.open(g);
		assertEquals(8, imp2.getBitDepth());
		assertEquals(100, ImagePlanes.planes(imp2).get(0).get(2, 1));
	}

	@Test
	void pngAndJpegWrittenAndRead() throws IOException {
		final Plane p = new Plane(16, 16);
		for (int i = 0; i < 256; i++) p.pixels()[i] = i;
		final ImagePlus imp = ImagePlanes.toImagePlus("ramp", List.of(p), 1, 1, 1);
		final File png = new File(dir, "ramp.png");
		ImageOutputs.writePng(imp, png);
		final ImagePlus back = ImageFiles.open(png);
		assertEquals(8, back.getBitDepth());
		// display range 0..255 maps values 1:1 to 8 bits
		assertEquals(p, ImagePlanes.planes(back).get(0));
		assertArrayEquals(new String[] { "ramp.png" }, dir.list());

		final BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) gray.getRaster().setSample(x, y, 0, 128);
		final File jpg = new File(dir, "flat.jpg");
		ImageIO.write(gray, "jpeg", jpg);
		final ImagePlus j = ImageFiles.open(jpg);
		assertEquals(8, j.getBitDepth());
		assertEquals(128, ImagePlanes.planes(j).get(0).get(8, 8), 2);
	}

	@Test
	void rgbImagesAreRejected() throws IOException {
		final ImagePlus imp = new ImagePlus("color", new ColorProcessor(3, 3));
		final BadInputException e = assertThrows(BadInputException.class, () -> ImagePlanes.planes(imp));
		assertEquals("Image 'color' is RGB; convert it to 8-bit grayscale or split channels (Image > Type / " +
			"Image > Color > Split Channels) first.", e.getMessage());

		final BufferedImage rgb = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		rgb.setRGB(0, 0, 0xff0000);
		final File f = new File(dir, "red.png");
		ImageIO.write(rgb, "png", f);
		assertThrows(BadInputException.class, () -> ImagePlanes.planes(ImageFiles.open(f)));
	}

	@Test
	void unreadableFilesGiveClearErrors() throws IOException {
		final File missing = new File(dir, "missing.tif");
		final BadInputException e1 = assertThrows(BadInputException.class, () -> ImageFiles.open(missing));
		assertTrue(e1.getMessage().contains(missing.getAbsolutePath()), e1.getMessage());

		final File text = new File(dir, "notes.tif");
		Files.write(text.toPath(), "not an image".getBytes(StandardCharsets.UTF_8));
		final BadInputException e2 = assertThrows(BadInputException.class, () -> ImageFiles.open(text));
		assertTrue(e2.getMessage().startsWith("Cannot read image file " + text.getAbsolutePath() +
			": not a TIFF, PNG or JPEG image (or the file is damaged)."), e2.getMessage());

		// a TIFF header that points nowhere
		final File broken = new File(dir, "broken.tif");
		Files.write(broken.toPath(), new byte[] { 'I', 'I', 42, 0, (byte) 0xff, (byte) 0xff, 0, 0 });
		assertThrows(BadInputException.class, () -> ImageFiles.open(broken));
	}

	@Test
	void expandListsImageFilesOfFolders() throws IOException {
		for (final String name : new String[] { "b.tif", "a.PNG", "c.txt", ".hidden.tif", "d.jpeg" }) {
			Files.write(new File(dir, name).toPath(), new byte[] { 1 });
		}
		new File(dir, "sub.tif").mkdir();
		final File single = new File(dir, "c.txt");
		final List<File> files = ImageFiles.expand(List.of(dir, single));
		final List<String> names = new ArrayList<>();
		for (final File f : files) names.add(f.getName());
		assertEquals(List.of("a.PNG", "b.tif", "d.jpeg", "c.txt"), names);

		final File missing = new File(dir, "nope");
		final BadInputException e = assertThrows(BadInputException.class, () -> ImageFiles.expand(List.of(missing)));
		assertTrue(e.getMessage().contains(missing.getAbsolutePath()), e.getMessage());
		final File empty = new File(dir, "empty");
		empty.mkdir();
		assertThrows(BadInputException.class, () -> ImageFiles.expand(List.of(empty)));
	}

	private static void writeIdx(final OutputStream os, final int magic, final int count, final int rows,
		final int cols, final int bytes) throws IOException
	{
		try (DataOutputStream out = new DataOutputStream(os)) {
			out.writeInt(magic);
			out.writeInt(count);
			out.writeInt(rows);
			out.writeInt(cols);
			for (int i = 0; i < bytes; i++) out.write(i * 37);
		}
	}

	@Test
	void idxFilesAreRead() throws IOException {
		final File plain = new File(dir, "images-idx3-ubyte");
		writeIdx(new FileOutputStream(plain), 0x803, 2, 3, 4, 24);
		final File gz = new File(dir, "images-idx3-ubyte.gz");
		writeIdx(new GZIPOutputStream(new FileOutputStream(gz)), 0x803, 2, 3, 4, 24);
		for (final File f : new File[] { plain, gz }) {
			final List<Plane> planes = IdxFiles.readIdx(f);
			assertEquals(2, planes.size());
			assertEquals(4, planes.get(0).width());
			assertEquals(3, planes.get(0).height());
			assertEquals(37, planes.get(0).get(1, 0));
			assertEquals((13 * 37) & 0xff, planes.get(1).get(1, 0)); // byte 13, unsigned
		}
	}

	@Test
	void badIdxFilesAreRejected() throws IOException {
		final File labels = new File(dir, "labels-idx1-ubyte");
		writeIdx(new FileOutputStream(labels), 0x801, 2, 3, 4, 0);
		final BadInputException e = assertThrows(BadInputException.class, () -> IdxFiles.readIdx(labels));
		assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
		final File truncated = new File(dir, "short-idx3-ubyte");
		writeIdx(new FileOutputStream(truncated), 0x803, 2, 3, 4, 20);
		assertThrows(BadInputException.class, () -> IdxFiles.readIdx(truncated));
		assertThrows(BadInputException.class, () -> IdxFiles.readIdx(new File(dir, "missing")));
	}

	@Test
	void calibrationIsCopied() {
		final ImagePlus a = shortStack();
		a.getCalibration().pixelWidth = 0.5;
		a.getCalibration().pixelHeight = 0.75;
		a.getCalibration().setUnit("micron");
		final ImagePlus b = ImagePlanes.toImagePlus("b", List.of(new Plane(5, 4)), 1, 1, 1);
		ImagePlanes.copyCalibration(a, b);
		assertEquals(0.5, b.getCalibration().pixelWidth);
		assertEquals(0.75, b.getCalibration().pixelHeight);
		assertEquals("micron", b.getCalibration().getUnit());
		a.getCalibration().pixelWidth = 2;
		assertEquals(0.5, b.getCalibration().pixelWidth, "calibration is copied, not shared");
	}
}
