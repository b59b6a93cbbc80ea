package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import sc.fiji.autoencoders.io.NoiseModelFile;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;

/**
 * {@code fiji-ae noise-model}: from a stack of repeated frames of a camera with Poisson-Gaussian noise (variance
 * 2 s + 50), and from a spec; the file holds the model, the plot is drawn, bad input is named.
 */
class NoiseModelCliTest {

	@TempDir
	File dir;

	@Test
	void framesAndSpecsGiveNoiseModelFiles() {
		final int w = 64, h = 64, frames = 20;
		final Random rng = new Random(5);
		final float[] scene = new float[w * h];
		for (int i = 0; i < scene.length; i++)
			scene[i] = 50 + 450f * (i % w) / w + 200f * (i / w) / h;
		final ImageStack stack = new ImageStack(w, h);
		for (int f = 0; f < frames; f++) {
			final float[] x = new float[w * h];
			for (int i = 0; i < x.length; i++)
				x[i] = (float) (scene[i] + Math.sqrt(2 * scene[i] + 50) * rng.nextGaussian());
			stack.addSlice(new FloatProcessor(w, h, x));
		}
		final File tif = new File(dir, "frames.tif"), nm = new File(dir, "camera.aenoise"), png = new File(dir, "c.png");
		IJ.saveAsTiff(new ImagePlus("frames", stack), tif.getPath());
		Object[] r = MainTest.cli("noise-model", "--input", tif.getPath(), "--frames", "--kind", "poisson-gaussian",
			"--model", nm.getPath(), "--plot", png.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().startsWith("Saved " + nm), r[1].toString());
		final ChannelNoiseModels m = NoiseModelFile.load(nm);
		final double sd = m.model(0).std(300);
		assertEquals(Math.sqrt(2 * 300 + 50), sd, 0.15 * sd, "the fitted noise at signal 300");
		assertTrue(png.length() > 1000, "the plot");

		r = MainTest.cli("noise-model", "--spec", "gaussian:10", "--model", new File(dir, "g.aenoise").getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(10, NoiseModelFile.load(new File(dir, "g.aenoise")).model(0).std(100), 1e-9);

		r = MainTest.cli("noise-model", "--model", new File(dir, "x.aenoise").getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("No noisy images"), r[2].toString());
	}
}
