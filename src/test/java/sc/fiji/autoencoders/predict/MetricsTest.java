package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

class MetricsTest {

	/** 20x24 pattern whose reference values were computed with scipy's gaussian_filter as skimage does. */
	private static Plane pattern(final double noiseAmplitude) {
		final int w = 20, h = 24;
		final Plane p = new Plane(w, h);
		for (int i = 0; i < h; i++) {
			for (int j = 0; j < w; j++) {
				p.set(j, i, (float) ((i * 7 + j * 13) % 17 * 10 + ((i * 3 + j * 5) % 7 - 3) * noiseAmplitude));
			}
		}
		return p;
	}

	@Test
	void psnrOfIdenticalImagesIsInfinite() {
		final Plane a = pattern(0);
		assertEquals(Double.POSITIVE_INFINITY, Metrics.psnr(a, a.copy(), 255));
	}

	@Test
	void psnrOfConstantOffsetIsAnalytic() {
		final Plane a = pattern(0);
		final Plane b = a.copy();
		for (int i = 0; i < b.pixels().length; i++) b.pixels()[i] += 5;
		// MSE = 25 -> 10 log10(255^2 / 25)
		assertEquals(10 * Math.log10(255.0 * 255.0 / 25.0), Metrics.psnr(a, b, 255), 1e-9);
		assertEquals(20 * Math.log10(255.0 / 5.0), Metrics.psnr(a.pixels(), b.pixels(), 255), 1e-9);
	}

	@Test
	void psnrMatchesNumpyReference() {
		assertEquals(14.144622966609425, Metrics.psnr(pattern(0), pattern(25), 255), 1e-9);
	}

	@Test
	void ssimOfIdenticalImagesIsOne() {
		final Plane a = pattern(0);
		assertEquals(1.0, Metrics.ssim(a, a.copy(), 255), 1e-12);
	}

	@Test
	void ssimMatchesSkimageReference() {
		// skimage structural_similarity(x, y, data_range=255, gaussian_weights=True, sigma=1.5,
		// use_sample_covariance=False), reproduced with scipy.ndimage.gaussian_filter(truncate=3.5)
		assertEquals(0.6413769445940286, Metrics.ssim(pattern(0), pattern(25), 255), 1e-9);
	}

	@Test
	void ssimDecreasesWithNoise() {
		final Random rng = new Random(1);
		final Plane clean = new Plane(48, 48);
		for (int y = 0; y < 48; y++) {
			for (int x = 0; x < 48; x++) clean.set(x, y, (float) (128 + 80 * Math.sin(x / 5.0) * Math.cos(y / 7.0)));
		}
		double previous = 1.0;
		for (final double sigma : new double[] { 2, 10, 40 }) {
			final Plane noisy = clean.copy();
			for (int i = 0; i < noisy.pixels().length; i++) noisy.pixels()[i] += (float) (sigma * rng.nextGaussian());
			final double s = Metrics.ssim(clean, noisy, 255);
			assertTrue(s < previous, "SSIM " + s + " at sigma " + sigma + " should be below " + previous);
			assertTrue(s > 0 && s < 1, "SSIM out of range: " + s);
			previous = s;
		}
		// light noise keeps the image recognisable, heavy noise does not
		assertTrue(previous < 0.5, "SSIM at sigma 40 too high: " + previous);
	}

	@Test
	void ssimRejectsTinyImages() {
		final Plane a = new Plane(10, 30);
		final BadInputException e = assertThrows(BadInputException.class, () -> Metrics.ssim(a, a, 1));
		assertTrue(e.getMessage().contains("11x11"), e.getMessage());
	}

	@Test
	void sizeMismatchIsRejected() {
		assertThrows(IllegalArgumentException.class, () -> Metrics.psnr(new Plane(2, 3), new Plane(3, 2), 1));
	}

	@Test
	void clipLimitsValues() {
		final Plane p = new Plane(4, 1, new float[] { -2, 0.5f, 3, Float.NaN });
		final Plane c = Metrics.clip(p, 0, 1);
		assertArrayEquals(new float[] { 0, 0.5f, 1, Float.NaN }, c.pixels());
		assertEquals(-2, p.pixels()[0], "input must be untouched");
	}
}
