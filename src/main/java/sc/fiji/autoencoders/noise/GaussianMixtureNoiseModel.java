package sc.fiji.autoencoders.noise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The signal-dependent noise model of PN2V and DivNoising (Prakash et al. 2020, 2021): p(x | s) is a mixture of K
 * Gaussians whose weights (through a softmax), mean offsets and variances are polynomials in the normalised signal
 * t = (s - low) / (high - low), clamped to [0, 1] so that signals beyond the fitted range get the parameters of its
 * nearest end. The offsets are shifted by their weighted mean, so the mixture's mean is exactly s. As in DivNoising's
 * code, a variance polynomial has positive coefficients, stored as their logarithms c (so it is positive and rises
 * with the signal, and with 2 coefficients it is exactly the A*s + B of shot and read noise); minSigma^2 is added, so
 * that no component collapses onto a single intensity.
 * <p>
 * Parameters are in units of the signal range (high - low): an offset of 0.01 is 1 % of the range, a variance that of
 * x / (high - low). Coefficient j multiplies t^j: the variance of component k is sum of exp(c[k * coefficients + j])
 * t^j. Arrays are indexed [k * coefficients + j].
 */
public final class GaussianMixtureNoiseModel implements LikelihoodModel {

	private static final double LOG_2PI = Math.log(2 * Math.PI);

	private final int gaussians, coefficients;
	private final double[] weights, offsets, logVarianceCoefficients;
	private final double low, high, minSigma;
	/** high - low, and minSigma^2 in range units. */
	private final double range, minVariance;

	/**
	 * @param minSigma the smallest standard deviation of a component, in image units, positive
	 * @throws BadInputException if the parameters do not fit together
	 */
	public GaussianMixtureNoiseModel(final int gaussians, final int coefficients, final double[] weights,
		final double[] offsets, final double[] logVarianceCoefficients, final double low, final double high, final double minSigma)
	{
		if (gaussians < 1 || gaussians > 16 || coefficients < 1 || coefficients > 8) throw new BadInputException(
			"A Gaussian mixture noise model has 1 to 16 Gaussians of 1 to 8 coefficients, not " + gaussians + " of " +
				coefficients + ".");
		final int n = gaussians * coefficients;
		if (weights.length != n || offsets.length != n || logVarianceCoefficients.length != n) throw new BadInputException(
			"A Gaussian mixture noise model of " + gaussians + " Gaussians with " + coefficients + " coefficients needs " +
				n + " weights, offsets and log-variances, not " + weights.length + ", " + offsets.length + " and " +
				logVarianceCoefficients.length + ".");
		for (final double[] p : List.of(weights, offsets, logVarianceCoefficients))
			for (final double v : p)
				if (!Double.isFinite(v)) throw new BadInputException("A Gaussian mixture noise model has a parameter " + v +
					": all must be finite.");
		if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low) || !Double.isFinite(high - low))
			throw new BadInputException("A Gaussian mixture noise model needs a finite signal range with low < high, not " +
				low + " to " + high + ".");
		if (!(minSigma > 0) || !Double.isFinite(minSigma)) throw new BadInputException("A Gaussian mixture noise " +
			"model needs a positive minimum sigma, not " + minSigma + ".");
		this.gaussians = gaussians;
		this.coefficients = coefficients;
		this.weights = weights.clone();
		this.offsets = offsets.clone();
		this.logVarianceCoefficients = logVarianceCoefficients.clone();
		this.low = low;
		this.high = high;
		this.minSigma = minSigma;
		this.range = high - low;
		this.minVariance = (minSigma / range) * (minSigma / range);
	}

	/** This model's shape and range with the parameters {@code theta} ({@link #parameters()} order). */
	GaussianMixtureNoiseModel with(final double[] theta) {
		final int n = gaussians * coefficients;
		return new GaussianMixtureNoiseModel(gaussians, coefficients, Arrays.copyOfRange(theta, 0, n), Arrays.copyOfRange(
			theta, n, 2 * n), Arrays.copyOfRange(theta, 2 * n, 3 * n), low, high, minSigma);
	}

	/** Weights, then offsets, then log-variances, in one array. */
	double[] parameters() {
		final int n = gaussians * coefficients;
		final double[] theta = new double[3 * n];
		System.arraycopy(weights, 0, theta, 0, n);
		System.arraycopy(offsets, 0, theta, n, n);
		System.arraycopy(logVarianceCoefficients, 0, theta, 2 * n, n);
		return theta;
	}

	public int gaussians() {
		return gaussians;
	}

	public int coefficients() {
		return coefficients;
	}

	public double[] weights() {
		return weights.clone();
	}

	public double[] offsets() {
		return offsets.clone();
	}

	public double[] logVarianceCoefficients() {
		return logVarianceCoefficients.clone();
	}

	public double minSigma() {
		return minSigma;
	}

	@Override
	public double signalLow() {
		return low;
	}

	@Override
	public double signalHigh() {
		return high;
	}

	@Override
	public double logLikelihood(final double x, final double s) {
		return normalisedLogLikelihood((x - low) / range, (s - low) / range, null, new double[6 * gaussians]) - Math.log(
			range);
	}

	/**
	 * The mixture's variance: the components' variances plus the spread of their means, sum of alpha_k (v_k + d_k^2).
	 */
	@Override
	public double std(final double s) {
		final double[] w = new double[6 * gaussians];
		components(t((s - low) / range), w);
		double var = 0;
		for (int k = 0; k < gaussians; k++) {
			final double d = w[k + gaussians] - w[5 * gaussians];
			var += w[k] * (w[k + 2 * gaussians] + d * d);
		}
		return range * Math.sqrt(var);
	}

	/**
	 * ln p(x | s) in range units (x and s already normalised), and, if {@code gradient} is not null, adds its gradient
	 * with respect to {@link #parameters()} there. The formulas: with responsibilities g_k, q_k = r_k / v_k and
	 * S = sum of g_k q_k, dL/du_k = g_k - a_k - S a_k (m_k - mean m), dL/dm_k = g_k q_k - a_k S,
	 * dL/dc_kj = g_k (q_k r_k - 1) / (2 v_k) exp(c_kj) t^j; the others times t^j for coefficient j.
	 *
	 * @param work scratch of 6 * gaussians values
	 */
	double normalisedLogLikelihood(final double xn, final double sn, final double[] gradient, final double[] work) {
		final int K = gaussians;
		final double t = t(sn);
		components(t, work);
		final double mbar = work[5 * K];
		double max = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < K; k++) {
			final double v = work[2 * K + k], r = xn - sn - (work[K + k] - mbar);
			work[3 * K + k] = r;
			final double l = Math.log(work[k]) - 0.5 * (LOG_2PI + Math.log(v)) - r * r / (2 * v);
			work[4 * K + k] = l;
			max = Math.max(max, l);
		}
		double sum = 0;
		for (int k = 0; k < K; k++)
			sum += Math.exp(work[4 * K + k] - max);
		final double logL = max + Math.log(sum);
		if (gradient == null) return logL;
		double bigS = 0;
		for (int k = 0; k < K; k++) {
			final double g = Math.exp(work[4 * K + k] - logL);
			work[4 * K + k] = g;
			bigS += g * work[3 * K + k] / work[2 * K + k];
		}
		final int n = K * coefficients;
		for (int k = 0; k < K; k++) {
			final double alpha = work[k], m = work[K + k], v = work[2 * K + k], r = work[3 * K + k], g = work[4 * K + k];
			final double q = r / v;
			final double du = g - alpha - bigS * alpha * (m - mbar);
			final double dm = g * q - alpha * bigS;
			final double dc = g * (q * r - 1) / (2 * v);
			double p = 1;
			for (int j = 0; j < coefficients; j++) {
				final int i = k * coefficients + j;
				gradient[i] += du * p;
				gradient[n + i] += dm * p;
				gradient[2 * n + i] += dc * Math.exp(logVarianceCoefficients[i]) * p;
				p *= t;
			}
		}
		return logL;
	}

	/**
	 * Fills work[0..K) with the weights a_k, [K..2K) the offsets m_k, [2K..3K) the variances v_k, and work[5K] with the
	 * weighted mean offset, all at normalised signal t.
	 */
	private void components(final double t, final double[] work) {
		final int K = gaussians;
		double maxU = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < K; k++) {
			work[k] = poly(weights, k, t);
			maxU = Math.max(maxU, work[k]);
		}
		double z = 0;
		for (int k = 0; k < K; k++) {
			work[k] = Math.exp(work[k] - maxU);
			z += work[k];
		}
		double mbar = 0;
		for (int k = 0; k < K; k++) {
			work[k] /= z;
			work[K + k] = poly(offsets, k, t);
			work[2 * K + k] = positivePoly(logVarianceCoefficients, k, t) + minVariance;
			mbar += work[k] * work[K + k];
		}
		work[5 * K] = mbar;
	}

	private double poly(final double[] c, final int k, final double t) {
		double p = 0;
		for (int j = coefficients - 1; j >= 0; j--)
			p = p * t + c[k * coefficients + j];
		return p;
	}

	/** sum of exp(c_kj) t^j. */
	private double positivePoly(final double[] logC, final int k, final double t) {
		double p = 0;
		for (int j = coefficients - 1; j >= 0; j--)
			p = p * t + Math.exp(logC[k * coefficients + j]);
		return p;
	}

	private static double t(final double sn) {
		return Math.max(0, Math.min(1, sn));
	}

	@Override
	public Operand<TFloat32> logLikelihood(final Ops tf, final Operand<TFloat32> x, final Operand<TFloat32> s) {
		final Operand<TFloat32> invRange = tf.constant((float) (1 / range)), lo = tf.constant((float) low);
		final Operand<TFloat32> xn = tf.math.mul(tf.math.sub(x, lo), invRange);
		final Operand<TFloat32> sn = tf.math.mul(tf.math.sub(s, lo), invRange);
		final Operand<TFloat32> t = tf.clipByValue(sn, tf.constant(0f), tf.constant(1f));
		final List<Operand<TFloat32>> u = new ArrayList<>(), m = new ArrayList<>(), v = new ArrayList<>();
		for (int k = 0; k < gaussians; k++) {
			u.add(poly(tf, weights, k, t));
			m.add(poly(tf, offsets, k, t));
			v.add(tf.math.add(poly(tf, exp(logVarianceCoefficients), k, t), tf.constant((float) minVariance)));
		}
		final Operand<TFloat32> logZ = logSumExp(tf, u);
		Operand<TFloat32> mbar = null;
		final List<Operand<TFloat32>> logAlpha = new ArrayList<>();
		for (int k = 0; k < gaussians; k++) {
			logAlpha.add(tf.math.sub(u.get(k), logZ));
			final Operand<TFloat32> term = tf.math.mul(tf.math.exp(logAlpha.get(k)), m.get(k));
			mbar = mbar == null ? term : tf.math.add(mbar, term);
		}
		final Operand<TFloat32> residual = tf.math.add(tf.math.sub(xn, sn), mbar);
		final List<Operand<TFloat32>> l = new ArrayList<>();
		for (int k = 0; k < gaussians; k++) {
			final Operand<TFloat32> r = tf.math.sub(residual, m.get(k));
			l.add(tf.math.sub(tf.math.sub(logAlpha.get(k), tf.math.mul(tf.constant(0.5f), tf.math.add(tf.math.log(v.get(k)),
				tf.constant((float) LOG_2PI)))), tf.math.div(tf.math.square(r), tf.math.mul(tf.constant(2f), v.get(k)))));
		}
		return tf.math.sub(logSumExp(tf, l), tf.constant((float) Math.log(range)));
	}

	private Operand<TFloat32> poly(final Ops tf, final double[] c, final int k, final Operand<TFloat32> t) {
		Operand<TFloat32> p = tf.constant((float) c[k * coefficients + coefficients - 1]);
		for (int j = coefficients - 2; j >= 0; j--)
			p = tf.math.add(tf.math.mul(p, t), tf.constant((float) c[k * coefficients + j]));
		return coefficients == 1 ? tf.math.add(tf.zerosLike(t), p) : p;
	}

	private static double[] exp(final double[] c) {
		final double[] e = new double[c.length];
		for (int i = 0; i < c.length; i++)
			e[i] = Math.exp(c[i]);
		return e;
	}

	/** max + ln(sum exp(l - max)), element-wise over the list. */
	private static Operand<TFloat32> logSumExp(final Ops tf, final List<Operand<TFloat32>> l) {
		Operand<TFloat32> max = l.get(0);
		for (int k = 1; k < l.size(); k++)
			max = tf.math.maximum(max, l.get(k));
		final Operand<TFloat32> top = tf.stopGradient(max);
		Operand<TFloat32> sum = null;
		for (final Operand<TFloat32> e : l) {
			final Operand<TFloat32> term = tf.math.exp(tf.math.sub(e, top));
			sum = sum == null ? term : tf.math.add(sum, term);
		}
		return tf.math.add(top, tf.math.log(sum));
	}

	@Override
	public String describe() {
		return String.format(Locale.ROOT, "Gaussian mixture noise model (PN2V/DivNoising): %d Gaussians, polynomials " +
			"of degree %d in the signal, fitted on signals %.6g to %.6g, minimum sigma %.4g", gaussians, coefficients - 1,
			low, high, minSigma);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof GaussianMixtureNoiseModel)) return false;
		final GaussianMixtureNoiseModel g = (GaussianMixtureNoiseModel) o;
		return gaussians == g.gaussians && coefficients == g.coefficients && Arrays.equals(weights, g.weights) && Arrays
			.equals(offsets, g.offsets) && Arrays.equals(logVarianceCoefficients, g.logVarianceCoefficients) && low == g.low && high == g.high &&
			minSigma == g.minSigma;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(parameters()) * 31 + java.util.Objects.hash(low, high, minSigma);
	}

	@Override
	public String toString() {
		return describe();
	}
}
