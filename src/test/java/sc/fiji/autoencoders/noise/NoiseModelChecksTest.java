package sc.fiji.autoencoders.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import sc.fiji.autoencoders.base.BadInputException;

/** Each bad input to a noise model gets one message naming the problem and the fix. */
public class NoiseModelChecksTest {

	private static final LikelihoodModel FITTED = new PoissonGaussianNoiseModel(2.5, 100, 20, 2000);

	@Test
	public void rangeNotCoveredNamesBothRanges() {
		assertNull(NoiseModelChecks.coverage(FITTED, 20, 2000));
		NoiseModelChecks.requireCovers(FITTED, 10, 2100); // within the tolerance: a warning, not a refusal
		assertTrue(NoiseModelChecks.coverage(FITTED, 10, 2100).contains("fitted on signals 20 to 2000"));
		message(() -> NoiseModelChecks.requireCovers(FITTED, 0, 4000), "fitted on signals 20 to 2000 but the images " +
			"range from 0 to 4000", "calibration data");
		// a model given by a spec holds everywhere
		NoiseModelChecks.requireCovers(LikelihoodModels.parse("gaussian:5"), -1e6, 1e6);
	}

	@Test
	public void channelCountMismatch() {
		final ChannelNoiseModels two = new ChannelNoiseModels(List.of(new ChannelNoiseModels.Channel(FITTED, null),
			new ChannelNoiseModels.Channel(FITTED, null)));
		NoiseModelChecks.requireChannels(two, 2);
		message(() -> NoiseModelChecks.requireChannels(two, 3), "has 2 channels but the images have 3",
			"one model per channel");
	}

	@Test
	public void specs() {
		assertEquals(25, LikelihoodModels.parse(" Gaussian:25 ").std(1000), 1e-12);
		final PoissonGaussianNoiseModel pg = LikelihoodModels.parse("poisson-gaussian:2.5,100");
		assertEquals(2.5 * 40 + 100, pg.variance(40), 1e-9);
		assertEquals(100, pg.variance(-5), 1e-9, "no negative photon counts");
		assertEquals("poisson-gaussian:2.5,100", pg.spec());
		assertEquals("gaussian:25", LikelihoodModels.parse("gaussian:25").spec());
		message(() -> LikelihoodModels.parse("poisson:30"), "'poisson:30' is not understood", "poisson-gaussian:A,B");
		message(() -> LikelihoodModels.parse("gaussian:0"), "above 0");
		message(() -> LikelihoodModels.parse("poisson-gaussian:-1,100"), "gain A must be 0 or more");
		message(() -> LikelihoodModels.parse("poisson-gaussian:2,-100"), "B, the variance at signal 0");
	}

	@Test
	public void fittingRefusesDataWithoutNoiseOrRange() {
		final int n = 5000;
		final float[] s = new float[n], x = new float[n], flat = new float[n];
		for (int i = 0; i < n; i++) {
			s[i] = i % 100;
			x[i] = s[i];
			flat[i] = 7;
		}
		message(() -> NoiseModelFitting.fit(List.of(x), List.of(s), new NoiseFitOptions()), "equal their signal",
			"give the noisy frames");
		message(() -> NoiseModelFitting.fit(List.of(s), List.of(flat), new NoiseFitOptions()), "too narrow a range",
			"from dark to bright");
		message(() -> NoiseModelFitting.fit(List.of(x, x), List.of(s, s, s), new NoiseFitOptions()), "2 noisy images " +
			"but 3 clean ones");
		message(() -> NoiseModelFitting.fit(List.of(new float[10]), List.of(s), new NoiseFitOptions()), "10 pixels but " +
			"its clean image has 5000");
		final NoiseFitOptions bad = new NoiseFitOptions();
		bad.gaussians = 0;
		message(() -> NoiseModelFitting.fit(List.of(x), List.of(s), bad), "option gaussians is 0");
	}

	private static void message(final Executable e, final String... parts) {
		final BadInputException x = assertThrows(BadInputException.class, e);
		for (final String p : parts)
			assertTrue(x.getMessage().contains(p), x.getMessage());
	}
}
