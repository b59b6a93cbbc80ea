package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.SelfSupervisedSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * One-click denoising: Noise2Void trained on a noisy 16-bit stack alone (the clean stack is only used to score) returns
 * a 32-bit image of the input's dimensions that is closer to the clean stack, and keeps the model only when asked.
 */
class SelfSupervisedTest {

	@TempDir
	File dir;

	@Test
	void oneClickDenoisesTheImageItTrainsOn() {
		final int w = 96, h = 96, n = 4;
		final Random rng = new Random(3);
		final ImageStack clean = new ImageStack(w, h), noisy = new ImageStack(w, h);
		for (int z = 0; z < n; z++) {
			final float[] c = TestImages.blobs(w, h, 10 + z).pixels();
			final short[] cs = new short[w * h], ns = new short[w * h];
			for (int i = 0; i < c.length; i++) {
				final double v = 1000 + 20 * c[i];
				cs[i] = (short) Math.round(v);
				ns[i] = (short) Math.max(0, Math.min(65535, Math.round(v + 400 * rng.nextGaussian())));
			}
			clean.addSlice(new ShortProcessor(w, h, cs, null));
			noisy.addSlice(new ShortProcessor(w, h, ns, null));
		}
		final ImagePlus in = new ImagePlus("noisy", noisy);
		final SelfSupervisedSettings s = new SelfSupervisedSettings();
		s.minutes = 1;
		s.saveModel = new File(dir, "n2v.aemodel");
		final ImagePlus out = Autoencoders.denoiseSelfSupervised(in, s, null, null, PredictionMonitor.NONE);
		assertEquals(32, out.getBitDepth(), "32-bit result, as documented");
		assertEquals(w, out.getWidth());
		assertEquals(h, out.getHeight());
		assertEquals(n, out.getStackSize());
		final double before = psnr(ImagePlanes.planes(new ImagePlus("c", clean)), ImagePlanes.planes(in));
		final double after = psnr(ImagePlanes.planes(new ImagePlus("c", clean)), ImagePlanes.planes(out));
		System.out.printf("one-click Noise2Void, 1 minute: PSNR %.2f -> %.2f dB%n", before, after);
		assertTrue(after > before + 1.5, "PSNR " + before + " -> " + after);
		assertTrue(ModelFile.load(s.saveModel).summary().contains("denoiser"), "the model is kept when asked");

		s.saveModel = null;
		s.minutes = 0.05;
		final File tmp = new File(System.getProperty("java.io.tmpdir"));
		final int before2 = count(tmp);
		Autoencoders.denoiseSelfSupervised(in, s, null, null, PredictionMonitor.NONE);
		assertEquals(before2, count(tmp), "no temporary model is left behind");
	}

	private static int count(final File tmp) {
		final String[] names = tmp.list((d, name) -> name.startsWith("noise2void-"));
		return names == null ? 0 : names.length;
	}

	private static double psnr(final List<Plane> clean, final List<Plane> test) {
		double se = 0, max = 0;
		long count = 0;
		for (int z = 0; z < clean.size(); z++) {
			final float[] a = clean.get(z).pixels(), b = test.get(z).pixels();
			for (int i = 0; i < a.length; i++) {
				se += (a[i] - b[i]) * (double) (a[i] - b[i]);
				max = Math.max(max, a[i]);
			}
			count += a.length;
		}
		return 10 * Math.log10(max * max / (se / count));
	}
}
