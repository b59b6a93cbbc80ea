package sc.fiji.autoencoders.noise;

import java.util.Random;

/**
 * Maximum-likelihood fit of a {@link GaussianMixtureNoiseModel}: Adam on the mean log-likelihood of random batches,
 * with the model's analytic gradient and a cosine-decaying step, from a start that already follows the measured
 * variance curve. The offsets are stepped in units of the typical noise (not of the signal range), so that one
 * learning rate suits every parameter.
 */
final class MixtureFit {

	private static final double LEARNING_RATE = 0.05, FINAL_FRACTION = 0.01, BETA1 = 0.9, BETA2 = 0.999,
		EPSILON = 1e-8;

	private MixtureFit() {}

	static GaussianMixtureNoiseModel fit(final NoiseModelFitting.Pairs pairs, final NoiseCurve curve,
		final double minSigma, final NoiseFitOptions o)
	{
		final double[] range = NoiseModelFitting.range(pairs.signal);
		final double lo = range[0], r = range[1] - range[0];
		final int n = pairs.signal.length, K = o.gaussians, C = o.coefficients, P = K * C;
		final double[] sn = new double[n], xn = new double[n];
		for (int i = 0; i < n; i++) {
			sn[i] = (pairs.signal[i] - lo) / r;
			xn[i] = (pairs.observation[i] - lo) / r;
		}
		// start: every component with the measured variance (a weighted line in t), offsets slightly apart
		final double[] line = varianceLine(curve, lo, r);
		final double sigma0 = Math.sqrt(line[0] + 0.5 * line[1]), tiny = 1e-3 * sigma0 * sigma0;
		final double[] theta = new double[3 * P], scale = new double[3 * P];
		java.util.Arrays.fill(scale, 1);
		for (int k = 0; k < K; k++) {
			theta[P + k * C] = (k - (K - 1) / 2.0) * 0.5 * sigma0;
			for (int j = 0; j < C; j++) {
				scale[P + k * C + j] = sigma0;
				theta[2 * P + k * C + j] = Math.log(j < 2 ? Math.max(line[j], tiny) : tiny);
			}
		}
		final GaussianMixtureNoiseModel start = new GaussianMixtureNoiseModel(K, C, new double[P], new double[P],
			new double[P], range[0], range[1], minSigma);
		final double[] m = new double[3 * P], v = new double[3 * P], grad = new double[3 * P], work = new double[6 * K];
		final Random rng = new Random(o.seed);
		final int batch = Math.min(o.batch, n);
		for (int step = 1; step <= o.steps; step++) {
			final GaussianMixtureNoiseModel model = start.with(theta);
			java.util.Arrays.fill(grad, 0);
			for (int b = 0; b < batch; b++) {
				final int i = batch == n ? b : rng.nextInt(n);
				model.normalisedLogLikelihood(xn[i], sn[i], grad, work);
			}
			final double lr = LEARNING_RATE * (FINAL_FRACTION + (1 - FINAL_FRACTION) * 0.5 * (1 + Math.cos(Math.PI * (step -
				1) / o.steps)));
			final double c1 = 1 - Math.pow(BETA1, step), c2 = 1 - Math.pow(BETA2, step);
			for (int p = 0; p < theta.length; p++) {
				final double g = -grad[p] * scale[p] / batch; // minimise the negative mean log-likelihood
				m[p] = BETA1 * m[p] + (1 - BETA1) * g;
				v[p] = BETA2 * v[p] + (1 - BETA2) * g * g;
				theta[p] -= scale[p] * lr * (m[p] / c1) / (Math.sqrt(v[p] / c2) + EPSILON);
			}
		}
		return start.with(theta);
	}

	/**
	 * Least-squares line through var / range^2 against t, each bin weighted by the inverse of its sampling variance.
	 */
	private static double[] varianceLine(final NoiseCurve curve, final double lo, final double r) {
		final double[] s = curve.signal(), sd = curve.std();
		final long[] count = curve.count();
		double sw = 0, st = 0, stt = 0, sy = 0, sty = 0;
		for (int i = 0; i < s.length; i++) {
			final double t = (s[i] - lo) / r, y = sd[i] * sd[i] / (r * r), w = count[i] / Math.max(y * y, 1e-300);
			sw += w;
			st += w * t;
			stt += w * t * t;
			sy += w * y;
			sty += w * t * y;
		}
		final double det = sw * stt - st * st;
		if (!(Math.abs(det) > 1e-12 * sw * sw)) return new double[] { sy / sw, 0 };
		final double slope = (sw * sty - st * sy) / det;
		return new double[] { (sy - slope * st) / sw, slope };
	}
}
