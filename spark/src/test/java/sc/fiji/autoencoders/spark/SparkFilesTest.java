package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ShortProcessor;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.denoising.PlaneParts;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * {@code denoise --spark} over image files: a TIFF hyperstack split into runs of planes and a folder of single images
 * give, file for file, the single process's TIFFs (pixels, dimensions, calibration); {@code --resume} after an
 * interruption runs only the missing parts and gives the same stack.
 */
class SparkFilesTest {

	@TempDir
	Path tmp;

	@AfterEach
	void clearPartSize() {
		System.clearProperty("fiji.ae.partPixels");
	}

	@Test
	void stacksSplitByPlanesAndFoldersOfImagesGiveTheSingleProcessResult() throws Exception {
		final File stack = hyperstack(tmp.resolve("cells.tif").toFile());
		final File folder = tmp.resolve("tiles").toFile();
		folder.mkdirs();
		for (int i = 0; i < 3; i++)
			new FileSaver(plane(new Random(i), 40, 36)).saveAsTiff(new File(folder, "tile" + i + ".tif").getPath());
		// 2 channels x 3 slices x 2 frames of 48x40: parts of two channel groups, so 3 parts for the stack
		System.setProperty("fiji.ae.partPixels", String.valueOf(2 * 2 * 48 * 40));
		final Path single = tmp.resolve("single"), spark = tmp.resolve("spark");
		Object[] r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", stack.getPath(), folder.getPath(),
			"--output", single.toString());
		assertEquals(0, r[0], r[2].toString());
		r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", stack.getPath(), folder.getPath(), "--output",
			spark.toString(), "--spark", "--master", "local[2]");
		assertEquals(0, r[0], r[1] + "\n" + r[2]);
		assertTrue(r[1].toString().contains("6 of 6 parts run, 1 stack(s) joined"), r[1].toString());
		for (final String name : List.of("cells.tif", "tile0.tif", "tile1.tif", "tile2.tif"))
			assertSame(single.resolve(name), spark.resolve(name));
		assertTrue(!spark.resolve("cells.tif.parts").toFile().exists(), "the parts are deleted once joined");

		// an interrupted run: the stack's target missing, its first part written; --resume runs the other two
		final File target = spark.resolve("cells.tif").toFile();
		assertTrue(target.delete());
		final List<PlaneParts.Part> parts;
		try (Denoiser d = new Denoiser(ModelFile.load(new File(Volumes.MODEL), AutoencoderModel.DENOISER), 256, 1)) {
			parts = PlaneParts.plan(List.of(stack), List.of(target), d, true);
			assertEquals(3, parts.size(), "the finished tiles have no part");
			PlaneParts.run(parts.get(0), d, PredictionMonitor.NONE);
		}
		r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", stack.getPath(), folder.getPath(), "--output",
			spark.toString(), "--spark", "--master", "local[2]", "--resume");
		assertEquals(0, r[0], r[1] + "\n" + r[2]);
		assertTrue(r[1].toString().contains("2 of 3 parts run, 1 stack(s) joined"), r[1].toString());
		assertSame(single.resolve("cells.tif"), spark.resolve("cells.tif"));
	}

	@Test
	void severalChannelModelsAreRefusedWithTheFix() {
		final Object[] r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--channel-models", Volumes.MODEL,
			"--input", "../src/test/resources/fixtures/denoiser3d-v1-input.tif", "--output", tmp.resolve("out").toString(),
			"--spark");
		assertEquals(2, r[0], r[2].toString());
		assertTrue(r[2].toString().contains("leave out --channel-models"), r[2].toString());
	}

	private static File hyperstack(final File f) {
		final ImageStack s = new ImageStack(48, 40);
		final Random random = new Random(7);
		for (int i = 0; i < 12; i++)
			s.addSlice(plane(random, 48, 40).getProcessor());
		final ImagePlus imp = new ImagePlus("cells", s);
		imp.setDimensions(2, 3, 2);
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().pixelHeight = 0.25;
		imp.getCalibration().pixelDepth = 1.5;
		imp.getCalibration().setUnit("micron");
		new FileSaver(imp).saveAsTiffStack(f.getPath());
		return f;
	}

	private static ImagePlus plane(final Random random, final int w, final int h) {
		final ShortProcessor ip = new ShortProcessor(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				ip.set(x, y, (int) Math.max(0, 900 + 500 * Math.sin(x / 5.0) * Math.cos(y / 7.0) + 100 * random
					.nextGaussian()));
		return new ImagePlus("plane", ip);
	}

	private static void assertSame(final Path expected, final Path actual) {
		assertTrue(Files.isRegularFile(actual), actual + " written");
		final ImagePlus e = IJ.openImage(expected.toString()), a = IJ.openImage(actual.toString());
		assertArrayEquals(e.getDimensions(), a.getDimensions(), "dimensions of " + actual);
		assertEquals(e.getCalibration().pixelDepth, a.getCalibration().pixelDepth, "voxel depth");
		assertEquals(e.getCalibration().getUnit(), a.getCalibration().getUnit(), "unit");
		for (int i = 1; i <= e.getStackSize(); i++)
			assertArrayEquals((float[]) e.getStack().getPixels(i), (float[]) a.getStack().getPixels(i), 1e-5f,
				actual + " plane " + i);
	}
}
