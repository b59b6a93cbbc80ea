package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;

/** The calibration a * sd^b recovers a known law of the error, and every bin is then calibrated. */
class SpreadCalibrationTest {

	@Test
	void recoversAPowerLawOfTheError() {
		final Random rng = new Random(5);
		final int n = 200_000;
		final float[] sd = new float[n], error = new float[n];
		for (int i = 0; i < n; i++) {
			sd[i] = (float) (1 + 20 * rng.nextDouble());
			error[i] = (float) (0.3 * Math.pow(sd[i], 1.5) * rng.nextGaussian()); // RMSE 0.3 sd^1.5
		}
		final SpreadCalibration fit = SpreadCalibration.fit(sd, error, n);
		assertEquals(1.5, fit.power(), 0.03);
		assertEquals(0.3, fit.scale(), 0.03);
		assertEquals(SpreadCalibration.BINS, SpreadCalibration.within25(fit.ratios(fit.scale(), fit.power())));
		assertTrue(SpreadCalibration.within25(fit.ratios(1, 1)) < SpreadCalibration.BINS, "the raw spread is off in some");
	}

	@Test
	void aConstantSpreadGivesAScaleAlone() {
		final float[] sd = new float[300], error = new float[300];
		java.util.Arrays.fill(sd, 2);
		for (int i = 0; i < error.length; i++)
			error[i] = i % 2 == 0 ? 3 : -3;
		final SpreadCalibration fit = SpreadCalibration.fit(sd, error, sd.length);
		assertEquals(1, fit.power());
		assertEquals(1.5, fit.scale(), 1e-6);
	}

	@Test
	void tooFewPixelsWithASpreadAreRefused() {
		final BadInputException e = assertThrows(BadInputException.class, () -> SpreadCalibration.fit(new float[20],
			new float[20], 20));
		assertTrue(e.getMessage().contains("2 or more samples"), e.getMessage());
	}
}
