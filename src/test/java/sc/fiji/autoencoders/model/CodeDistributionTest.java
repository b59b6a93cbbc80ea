package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;

/** The Gaussian fitted to codes, and the principal axes of codes. */
public class CodeDistributionTest {

	/** Correlated 3D codes: the fit's samples have the codes' mean and covariance. */
	@Test
	public void samplesReproduceTheFittedMeanAndCovariance() {
		final Random rng = new Random(1);
		final int n = 5000;
		final float[] codes = new float[n * 3];
		for (int i = 0; i < n; i++) {
			final double a = rng.nextGaussian(), b = rng.nextGaussian(), c = rng.nextGaussian();
			codes[i * 3] = (float) (2 + 3 * a);
			codes[i * 3 + 1] = (float) (-1 + 1.5 * a + 0.5 * b);
			codes[i * 3 + 2] = (float) (0.2 * c);
		}
		final CodeDistribution fit = CodeDistribution.fit(codes, 3);
		assertEquals(2, fit.mean()[0], 0.1);
		assertEquals(9, fit.covariance()[0], 0.4);
		assertEquals(4.5, fit.covariance()[1], 0.3);
		final CodeDistribution again = CodeDistribution.fit(fit.sample(40000, new Random(2), 1), 3);
		for (int i = 0; i < 3; i++)
			assertEquals(fit.mean()[i], again.mean()[i], 0.05);
		for (int i = 0; i < 9; i++)
			assertEquals(fit.covariance()[i], again.covariance()[i], 0.03 * Math.sqrt(fit.covariance()[i / 3 * 4] * fit
				.covariance()[i % 3 * 4]));
		// temperature scales the spread, not the mean
		final CodeDistribution cold = CodeDistribution.fit(fit.sample(40000, new Random(3), 0.5), 3);
		assertEquals(fit.covariance()[0] / 4, cold.covariance()[0], 0.05 * fit.covariance()[0]);
		assertEquals(fit.mean()[1], cold.mean()[1], 0.05);
	}

	/** Codes in a subspace (a dead unit) still sample, on that subspace. */
	@Test
	public void singularCovarianceStillSamples() {
		final float[] codes = { 1, 0, 2, 0, 3, 0, 4, 0 };
		final float[] s = CodeDistribution.fit(codes, 2).sample(100, new Random(1), 1);
		for (int i = 0; i < 100; i++)
			assertEquals(0, s[i * 2 + 1], 1e-4);
		assertThrows(BadInputException.class, () -> new CodeDistribution(new double[] { 0, 0 }, new double[] { 1, 2, 3,
			4 }).validate());
	}

	@Test
	public void pcaFindsTheAxisOfLargestVariance() {
		final Random rng = new Random(4);
		final float[] rows = new float[2000 * 2];
		for (int i = 0; i < 2000; i++) {
			final double a = 3 * rng.nextGaussian(), b = 0.5 * rng.nextGaussian();
			rows[i * 2] = (float) ((a - b) / Math.sqrt(2));
			rows[i * 2 + 1] = (float) ((a + b) / Math.sqrt(2));
		}
		final Pca pca = Pca.of(rows, 2);
		assertEquals(1 / Math.sqrt(2), Math.abs(pca.axis(0)[0]), 0.01);
		assertEquals(Math.signum(pca.axis(0)[0]), Math.signum(pca.axis(0)[1]));
		assertEquals(9, pca.variance(0), 0.6);
		assertEquals(0.25, pca.variance(1), 0.03);
	}
}
