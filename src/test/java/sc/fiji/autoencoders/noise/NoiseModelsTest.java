package sc.fiji.autoencoders.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;

class NoiseModelsTest {

	private static final int N = 100_000;

	private static float[] constant(final float value) {
		final float[] v = new float[N];
		Arrays.fill(v, value);
		return v;
	}

	private static double mean(final float[] v) {
		double s = 0;
		for (final float x : v) s += x;
		return s / v.length;
	}

	private static double variance(final float[] v) {
		final double m = mean(v);
		double s = 0;
		for (final float x : v) s += (x - m) * (x - m);
		return s / v.length;
	}

	@Test
	void gaussianAddsZeroMeanNoiseOfGivenSigma() {
		final float[] v = constant(100);
		NoiseModels.parse("gaussian:25").apply(v, 255, new Random(1));
		// standard error of the mean is 25/sqrt(1e5) = 0.08
		assertEquals(100, mean(v), 0.4);
		assertEquals(25, Math.sqrt(variance(v)), 0.3);
	}

	@Test
	void blindGaussianDrawsOneSigmaPerCallWithinRange() {
		final NoiseModel m = NoiseModels.parse("gaussian:5-50");
		final Random rng = new Random(2);
		double lowest = Double.MAX_VALUE, highest = 0, sum = 0;
		final int calls = 300;
		for (int c = 0; c < calls; c++) {
			final float[] v = new float[2000];
			m.apply(v, 255, rng);
			final double sigma = Math.sqrt(variance(v));
			lowest = Math.min(lowest, sigma);
			highest = Math.max(highest, sigma);
			sum += sigma;
		}
		// per-call estimates are within ~2% of the drawn sigma; the draws cover [5, 50] uniformly
		assertTrue(lowest > 4.5 && lowest < 7, "lowest sigma " + lowest);
		assertTrue(highest < 52 && highest > 47, "highest sigma " + highest);
		assertEquals(27.5, sum / calls, 2.5);
	}

	@Test
	void poissonVarianceEqualsMeanInPhotonUnits() {
		// brightest 200 -> PEAK 20 photons; pixel 100 -> lambda 10 (Knuth branch)
		float[] v = constant(100);
		NoiseModels.parse("poisson:20").apply(v, 200, new Random(3));
		float[] photons = scale(v, 20 / 200.0);
		assertEquals(10, mean(photons), 0.1);
		assertEquals(10, variance(photons), 0.3);
		for (final float p : photons) assertEquals(Math.rint(p), p, 1e-3, "photon counts are integers");

		// lambda 400 (transformed rejection branch)
		v = constant(200);
		NoiseModels.parse("poisson:400").apply(v, 200, new Random(4));
		photons = scale(v, 400 / 200.0);
		assertEquals(400, mean(photons), 0.5);
		assertEquals(400, variance(photons), 12);
	}

	@Test
	void poissonSamplerMatchesPmfAroundBranchSwitch() {
		// lambda 35 uses the rejection sampler: check P(k = 35) against the exact pmf
		final Random rng = new Random(5);
		int hits = 0;
		for (int i = 0; i < N; i++) if (NoiseModels.poisson(35, rng) == 35) hits++;
		final double pmf = Math.exp(-35 + 35 * Math.log(35) - NoiseModels.logFactorial(35));
		assertEquals(pmf, hits / (double) N, 0.003);
		assertEquals(0, NoiseModels.poisson(0, rng));
	}

	@Test
	void poissonClampsNegativeValuesToZero() {
		final float[] v = constant(-50);
		NoiseModels.parse("poisson:10").apply(v, 100, new Random(6));
		for (final float x : v) assertEquals(0f, x);
		assertThrows(BadInputException.class, () -> NoiseModels.parse("poisson:10").apply(new float[1], 0, new Random()));
	}

	@Test
	void poissonGaussianAddsBothVariances() {
		// lambda 10 photons = 100 units: Poisson variance 10 photons^2 = 1000 units^2, plus Gaussian 20^2 = 400
		final float[] v = constant(100);
		NoiseModels.parse("poisson-gaussian:20,20").apply(v, 200, new Random(7));
		assertEquals(100, mean(v), 0.5);
		assertEquals(1400, variance(v), 40);
	}

	@Test
	void saltPepperSetsFractionToExtremes() {
		final float[] v = constant(100);
		NoiseModels.parse("saltpepper:0.1").apply(v, 255, new Random(8));
		int salt = 0, pepper = 0, untouched = 0;
		for (final float x : v) {
			if (x == 255f) salt++;
			else if (x == 0f) pepper++;
			else if (x == 100f) untouched++;
		}
		assertEquals(N, salt + pepper + untouched);
		assertEquals(0.1, (salt + pepper) / (double) N, 0.005);
		assertEquals(0.5, salt / (double) (salt + pepper), 0.03);
	}

	@Test
	void noneLeavesValuesAlone() {
		final float[] v = { 1, 2, 3 };
		NoiseModels.parse(" NONE ").apply(v, 3, new Random(9));
		assertArrayEquals(new float[] { 1, 2, 3 }, v);
		assertEquals(NoiseModels.none(), NoiseModels.parse("none"));
	}

	@Test
	void sameSeedGivesSameNoise() {
		final float[] a = constant(50), b = constant(50);
		NoiseModels.parse("poisson-gaussian:30,5").apply(a, 100, new Random(10));
		NoiseModels.parse("poisson-gaussian:30,5").apply(b, 100, new Random(10));
		assertArrayEquals(a, b);
	}

	@Test
	void specsRoundTripAndAreCanonical() {
		final String[][] cases = { { "gaussian:25", "gaussian:25" }, { " Gaussian : 25.0 ", "gaussian:25" }, {
			"gaussian:5-50", "gaussian:5-50" }, { "GAUSSIAN: 0.5 - 2.50", "gaussian:0.5-2.5" }, { "gaussian:0",
				"gaussian:0" }, { "poisson:30", "poisson:30" }, { "poisson:1e3", "poisson:1000" }, {
					"poisson-gaussian:30, 5", "poisson-gaussian:30,5" }, { "saltpepper:0.05", "saltpepper:0.05" }, {
						"saltpepper:1", "saltpepper:1" }, { "None", "none" } };
		for (final String[] c : cases) {
			final NoiseModel m = NoiseModels.parse(c[0]);
			assertEquals(c[1], m.spec(), c[0]);
			assertEquals(m, NoiseModels.parse(m.spec()), c[0]);
			assertEquals(m.hashCode(), NoiseModels.parse(m.spec()).hashCode());
		}
	}

	@Test
	void badSpecsAreRejectedWithHelpfulMessage() {
		final BadInputException e = assertThrows(BadInputException.class, () -> NoiseModels.parse("gausian:25"));
		assertEquals("Noise spec 'gausian:25' is not understood. Use one of: gaussian:SIGMA (e.g. gaussian:25), " +
			"gaussian:LO-HI (e.g. gaussian:5-50), poisson:PEAK (e.g. poisson:30), poisson-gaussian:PEAK,SIGMA " +
			"(e.g. poisson-gaussian:30,5), saltpepper:FRACTION (e.g. saltpepper:0.05), none.", e.getMessage());
		for (final String bad : new String[] { "", "gaussian", "gaussian:", "gaussian:-5", "gaussian:NaN",
			"gaussian:Infinity", "gaussian:abc", "gaussian:50-5", "gaussian:5-", "poisson:0", "poisson:-3",
			"poisson:", "poisson-gaussian:30", "poisson-gaussian:0,5", "poisson-gaussian:30,-1", "saltpepper:1.5",
			"saltpepper:-0.1", "saltpepper:", "none:3", "speckle:0.1", null })
		{
			final BadInputException x = assertThrows(BadInputException.class, () -> NoiseModels.parse(bad), bad);
			assertTrue(x.getMessage().contains("'" + bad + "'"), x.getMessage());
			assertTrue(x.getMessage().contains("gaussian:SIGMA (e.g. gaussian:25)"), x.getMessage());
		}
	}

	private static float[] scale(final float[] v, final double factor) {
		final float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] * factor);
		return out;
	}
}
