package sc.fiji.autoencoders.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.zarr.PythonZarr;

/**
 * Training from images larger than the training JVM's heap, in a child JVM of -Xmx256m: Noise2Void on a python-written
 * OME-Zarr volume of uint16 (640 MB as the floats training reads), and on a TIFF stack (which the command line then
 * opens virtually), without running out of memory, blocks read as patches need them.
 */
class LazyTrainingMemoryTest {

	private static final int HEAP_MB = 256;

	@TempDir
	Path tmp;

	@Test
	void trainsOnAnOmeZarrVolumeLargerThanTheHeap() throws Exception {
		PythonZarr.assumeAvailable();
		final Path volume = tmp.resolve("large.ome.zarr");
		final long z = 160, y = 1024, x = 1024;
		PythonZarr.run("write_training_volume.py", volume.toString(), "<u2", z + "," + y + "," + x, "8,256,256", "20");
		assertTrue(4 * z * y * x > 2L * HEAP_MB << 20, "the volume as floats is over twice the heap");
		final String peak = train(volume);
		System.out.println("Training from a " + (2 * z * y * x >> 20) + " MB OME-Zarr volume (" + (4 * z * y * x >> 20) +
			" MB as floats) with -Xmx" + HEAP_MB + "m: " + peak);
	}

	@Test
	void trainsOnATiffStackLargerThanTheHeap() throws Exception {
		final int z = 96, w = 1024, h = 1024;
		final ImageStack stack = new ImageStack(w, h);
		final Random rng = new Random(1);
		for (int k = 0; k < z; k++) {
			final short[] px = new short[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = (short) (100 + 50 * Math.sin(i % w / 9.0) + 20 * rng.nextGaussian());
			stack.addSlice(new ShortProcessor(w, h, px, null));
		}
		final File tiff = tmp.resolve("large.tif").toFile();
		ImageOutputs.writeTiff(new ImagePlus("large", stack), tiff);
		assertTrue(tiff.length() > (HEAP_MB << 20) / 4 && 4L * z * w * h > HEAP_MB << 20,
			"larger than a quarter of the heap as stored, than the heap as floats");
		final String peak = train(tiff.toPath());
		System.out.println("Training from a " + (tiff.length() >> 20) + " MB TIFF stack with -Xmx" + HEAP_MB + "m: " +
			peak);
	}

	/** Trains Noise2Void on {@code input} in a JVM of {@link #HEAP_MB}; returns its peak heap line. */
	private String train(final Path input) throws Exception {
		final Path model = tmp.resolve("n2v.aemodel"), log = tmp.resolve("log.txt");
		final Process p = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx" +
			HEAP_MB + "m", "-Djava.awt.headless=true", "-cp", System.getProperty("surefire.test.class.path", System
				.getProperty("java.class.path")), LazyTrainingMemoryMain.class.getName(), "train-denoiser", "--noisy",
			input.toString(), "--out", model.toString(), "--epochs", "2", "--steps-per-epoch", "10", "--patch", "32",
			"--batch", "8", "--depth", "2", "--filters", "8", "--warmup", "0", "--seed", "3").redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		try {
			assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finishes");
		}
		finally {
			p.destroyForcibly();
		}
		final String out = Files.readString(log, StandardCharsets.UTF_8);
		assertFalse(out.contains("OutOfMemoryError"), out);
		assertEquals(0, p.exitValue(), out);
		assertTrue(out.contains("Epoch 2/2"), out);
		assertTrue(Files.isRegularFile(model), out);
		final Matcher peak = Pattern.compile("peak heap MB: \\d+, old generation: \\d+").matcher(out);
		assertTrue(peak.find(), out);
		return peak.group();
	}
}
