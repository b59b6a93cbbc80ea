package sc.fiji.autoencoders.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Fitting noise models to synthetic data of a known noise: Poisson-Gaussian with gain A and read-noise variance B (a
 * camera with x = A * Poisson(s / A) + N(0, B)), and a bimodal noise no single Gaussian describes.
 */
public class NoiseModelFittingTest {

	static final double GAIN = 2.5, READ_VARIANCE = 100, LOW = 20, HIGH = 2000;

	/** Signals spread uniformly over [LOW, HIGH], each observed once through the camera. */
	static NoiseModelFitting.Pairs camera(final int n, final long seed) {
		final Random rng = new Random(seed);
		final float[] s = new float[n], x = new float[n];
		for (int i = 0; i < n; i++) {
			s[i] = (float) (LOW + (HIGH - LOW) * rng.nextDouble());
			x[i] = (float) (GAIN * NoiseModels.poisson(s[i] / GAIN, rng) + Math.sqrt(READ_VARIANCE) * rng.nextGaussian());
		}
		return new NoiseModelFitting.Pairs(s, x);
	}

	private static double meanLogLikelihood(final LikelihoodModel m, final NoiseModelFitting.Pairs p) {
		double sum = 0;
		for (int i = 0; i < p.signal.length; i++)
			sum += m.logLikelihood(p.observation[i], p.signal[i]);
		return sum / p.signal.length;
	}

	@Test
	public void photonTransferFitRecoversGainAndReadNoise() {
		final NoiseFitOptions o = new NoiseFitOptions();
		o.kind = NoiseFitOptions.Kind.POISSON_GAUSSIAN;
		final PoissonGaussianNoiseModel fit = (PoissonGaussianNoiseModel) NoiseModelFitting.fit(camera(100_000, 1), o)
			.model;
		System.out.println("Poisson-Gaussian fit: A = " + fit.gain() + " (true " + GAIN + "), B = " + fit.offset() +
			" (true " + READ_VARIANCE + ")");
		assertEquals(GAIN, fit.gain(), 0.1 * GAIN);
		assertEquals(READ_VARIANCE, fit.offset(), 0.1 * READ_VARIANCE);
	}

	@Test
	public void mixtureFollowsTheCameraVarianceCurve() {
		final NoiseModelFitting.Pairs data = camera(1_000_000, 2);
		final long t0 = System.nanoTime();
		// a million pixels, of which the default 100,000 are drawn at random
		final LikelihoodModel gmm = NoiseModelFitting.fit(List.of(data.observation), List.of(data.signal),
			new NoiseFitOptions()).model;
		System.out.printf("GMM fit on 1e6 pixels: %.2f s%n", (System.nanoTime() - t0) / 1e9);
		double worst = 0;
		for (int i = 0; i <= 20; i++) {
			final double s = LOW + (HIGH - LOW) * i / 20.0, truth = GAIN * s + READ_VARIANCE;
			final double v = gmm.std(s) * gmm.std(s);
			worst = Math.max(worst, Math.abs(v / truth - 1));
		}
		System.out.printf("GMM variance vs A*s+B: worst relative error %.3f%n", worst);
		assertTrue(worst < 0.1, "variance within 10 % of A*s+B everywhere, worst " + worst);
		// and it scores held-out data as well as the true model does
		final NoiseModelFitting.Pairs test = camera(50_000, 3);
		final double truth = meanLogLikelihood(new PoissonGaussianNoiseModel(GAIN, READ_VARIANCE, LOW, HIGH), test);
		final double fitted = meanLogLikelihood(gmm, test);
		System.out.printf("held-out mean log-likelihood: GMM %.4f, true model %.4f%n", fitted, truth);
		assertEquals(truth, fitted, 0.01);
	}

	/** Telegraph-like noise: the pixel is off by +-D, plus a little Gaussian noise. */
	@Test
	public void mixtureBeatsOneGaussianOnBimodalNoise() {
		final Random rng = new Random(4);
		final int n = 50_000;
		final float[] s = new float[n], x = new float[n];
		for (int i = 0; i < n; i++) {
			s[i] = (float) (100 * rng.nextDouble());
			x[i] = (float) (s[i] + (rng.nextBoolean() ? 10 : -10) + rng.nextGaussian());
		}
		final NoiseModelFitting.Pairs data = new NoiseModelFitting.Pairs(s, x);
		final LikelihoodModel gmm = NoiseModelFitting.fit(data, new NoiseFitOptions()).model;
		final NoiseFitOptions pg = new NoiseFitOptions();
		pg.kind = NoiseFitOptions.Kind.POISSON_GAUSSIAN;
		final LikelihoodModel gaussian = NoiseModelFitting.fit(data, pg).model;
		final double lg = meanLogLikelihood(gmm, data), l1 = meanLogLikelihood(gaussian, data);
		// the true density, two unit Gaussians at +-10 of weight 1/2: -ln(2 pi)/2 - 1/2 - ln 2 = -2.112 nats expected
		System.out.printf("bimodal noise: GMM %.3f, one Gaussian %.3f nats per pixel%n", lg, l1);
		assertTrue(lg > l1 + 1, "GMM " + lg + " vs Gaussian " + l1);
		assertEquals(-0.5 * Math.log(2 * Math.PI) - 0.5 - Math.log(2), lg, 0.05);
	}

	@Test
	public void calibrationFramesAndTheirAverage() {
		final Random rng = new Random(5);
		final int w = 64 * 64, frames = 40;
		final float[] clean = new float[w];
		for (int i = 0; i < w; i++)
			clean[i] = (float) (LOW + (HIGH - LOW) * (i % 64) / 63.0);
		final List<float[]> noisy = new java.util.ArrayList<>();
		final float[] average = new float[w];
		for (int f = 0; f < frames; f++) {
			final float[] x = new float[w];
			for (int i = 0; i < w; i++) {
				x[i] = (float) (GAIN * NoiseModels.poisson(clean[i] / GAIN, rng) + 10 * rng.nextGaussian());
				average[i] += x[i] / frames;
			}
			noisy.add(x);
		}
		final NoiseFitOptions o = new NoiseFitOptions();
		o.kind = NoiseFitOptions.Kind.POISSON_GAUSSIAN;
		final PoissonGaussianNoiseModel fit = (PoissonGaussianNoiseModel) NoiseModelFitting.fit(noisy, List.of(average),
			o).model;
		// x - average has variance (1 - 1/frames) of x's: 2.5 % low here
		assertEquals(GAIN, fit.gain(), 0.1 * GAIN);
		assertEquals(READ_VARIANCE, fit.offset(), 0.1 * READ_VARIANCE);
	}

	@Test
	public void sameSeedSameModel() {
		final NoiseModelFitting.Pairs data = camera(20_000, 6);
		final NoiseFitOptions o = new NoiseFitOptions();
		o.steps = 200;
		assertEquals(NoiseModelFitting.fit(data, o).model, NoiseModelFitting.fit(data, o).model);
	}

	/** The analytic gradient of the mixture's log-likelihood against central differences. */
	@Test
	public void mixtureGradientMatchesFiniteDifferences() {
		final Random rng = new Random(7);
		final int K = 3, C = 3, P = K * C;
		final double[] theta = new double[3 * P];
		for (int i = 0; i < theta.length; i++)
			theta[i] = (i >= 2 * P ? -4 : 0) + 0.5 * rng.nextGaussian() * (i >= P && i < 2 * P ? 0.05 : 1);
		final GaussianMixtureNoiseModel m = new GaussianMixtureNoiseModel(K, C, new double[P], new double[P],
			new double[P], 0, 1, 0.01).with(theta);
		final double[] work = new double[6 * K];
		for (int trial = 0; trial < 5; trial++) {
			final double sn = rng.nextDouble(), xn = sn + 0.1 * rng.nextGaussian();
			final double[] grad = new double[3 * P];
			m.normalisedLogLikelihood(xn, sn, grad, work);
			for (int p = 0; p < theta.length; p++) {
				final double h = 1e-6;
				final double[] up = theta.clone(), down = theta.clone();
				up[p] += h;
				down[p] -= h;
				final double numeric = (m.with(up).normalisedLogLikelihood(xn, sn, null, work) - m.with(down)
					.normalisedLogLikelihood(xn, sn, null, work)) / (2 * h);
				assertEquals(numeric, grad[p], 1e-5 * Math.max(1, Math.abs(numeric)), "parameter " + p);
			}
		}
	}
}
