package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.DivNoisingModel;
import sc.fiji.autoencoders.noise.PoissonGaussianNoiseModel;
import sc.fiji.autoencoders.predict.DivNoisingSampler;

/**
 * DivNoising trained on noisy images alone, with the camera's noise model: its posterior mean gains PSNR over the noisy
 * input, the mean of K samples beats one sample, and the spread is largest where the signal is uncertain.
 */
public class DivNoisingTest {

	private static final double GAIN = 2.5, READ_VARIANCE = 25;

	private static double psnr(final Plane a, final Plane clean, final double range) {
		double se = 0;
		for (int i = 0; i < a.pixels().length; i++) {
			final double d = a.pixels()[i] - clean.pixels()[i];
			se += d * d;
		}
		return 10 * Math.log10(range * range / (se / a.pixels().length));
	}

	@Test
	public void trainsOnNoisyImagesAloneAndSamplesThePosterior() {
		final Random rng = new Random(1);
		final List<Plane> clean = new ArrayList<>(), noisy = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			final Plane c = TestImages.blobs(64, 64, 20 + i);
			final float[] s = c.pixels(), x = new float[s.length];
			for (int j = 0; j < s.length; j++) {
				s[j] *= 0.5; // 10 to 115: low light
				x[j] = (float) (s[j] + Math.sqrt(GAIN * s[j] + READ_VARIANCE) * rng.nextGaussian()); // shot + read noise
			}
			clean.add(c);
			noisy.add(new Plane(64, 64, x));
		}
		final DivNoisingTrainer.Config c = new DivNoisingTrainer.Config();
		c.filters = 16;
		c.latent = 16;
		c.patchSize = 32;
		c.steps = 600;
		c.learningRate = 2e-3f;
		c.warmup = 100;
		final long t0 = System.nanoTime();
		final DivNoisingModel m = DivNoisingTrainer.train(noisy, new PoissonGaussianNoiseModel(GAIN, READ_VARIANCE, 10,
			115), c);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		final double range = 105;
		final DivNoisingSampler.Result r = DivNoisingSampler.sample(m, noisy.get(0), 20, 2);
		final double pNoisy = psnr(noisy.get(0), clean.get(0), range), pOne = psnr(r.sample, clean.get(0), range),
			pMmse = psnr(r.mmse, clean.get(0), range);
		System.out.printf("DivNoising, %d steps in %.1f s: PSNR noisy %.2f dB, one sample %.2f dB, MMSE of 20 %.2f dB%n",
			c.steps, seconds, pNoisy, pOne, pMmse);
		// measured 19.95 / 20.69 / 23.02 dB: a short training, far from DivNoising's published figures
		assertTrue(pMmse > pNoisy + 2, "MMSE " + pMmse + " vs noisy " + pNoisy);
		assertTrue(pMmse > pOne + 1, "MMSE " + pMmse + " vs one sample " + pOne);
		// the samples differ most where the signal is least certain: along the blobs' edges more than inside
		double edge = 0, flat = 0;
		int edges = 0, flats = 0;
		final Plane truth = clean.get(0);
		for (int y = 1; y < 63; y++)
			for (int x = 1; x < 63; x++) {
				final float v = truth.get(x, y);
				final boolean isEdge = truth.get(x - 1, y) != v || truth.get(x + 1, y) != v || truth.get(x, y - 1) != v ||
					truth.get(x, y + 1) != v;
				final double sd = r.spread.get(x, y);
				if (isEdge && Math.abs(truth.get(x - 1, y) - truth.get(x + 1, y)) > 20) {
					edge += sd;
					edges++;
				}
				else if (!isEdge) {
					flat += sd;
					flats++;
				}
			}
		System.out.printf("posterior spread: %.2f at edges, %.2f elsewhere%n", edge / edges, flat / flats);
		assertTrue(edge / edges > flat / flats, "spread at edges " + edge / edges + ", elsewhere " + flat / flats);
	}
}
