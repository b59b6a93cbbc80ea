package sc.fiji.autoencoders.noise;

import java.util.Locale;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Gaussian noise whose variance grows linearly with the signal: x ~ N(s, A*s + B), the usual approximation of a
 * camera's shot noise (variance proportional to the signal, A the gain in intensity units per photo-electron) plus read
 * noise (B, the read-noise variance when the signal is 0). This is the photon transfer curve, and {@code gaussian:S} is
 * its special case A = 0, B = S^2. Note the parameterisation: this is variance = A*s + B, not the peak-photons,sigma
 * pair of the synthetic {@code poisson-gaussian:PEAK,SIGMA} noise of {@link NoiseModels}.
 * <p>
 * Outside the signals it was fitted on, the variance is held at its value at the nearest end; a model given by a spec
 * holds it at B below signal 0 (no negative photon counts). B may be negative for a fitted camera whose black level is
 * above 0, as long as the variance is positive over the fitted range.
 */
public final class PoissonGaussianNoiseModel implements LikelihoodModel {

	private static final double LOG_2PI = Math.log(2 * Math.PI);

	private final double a, b, low, high;
	/** The variance at the low end, below which it is held. */
	private final double floor;

	/**
	 * @param a variance per unit of signal (the gain), at least 0
	 * @param b variance at signal 0
	 * @param low lowest signal fitted on, or negative infinity for a model given by a spec
	 * @param high highest signal fitted on, or positive infinity
	 * @throws BadInputException if the variance is not positive over the range
	 */
	public PoissonGaussianNoiseModel(final double a, final double b, final double low, final double high) {
		if (!(a >= 0) || !Double.isFinite(a) || !Double.isFinite(b)) throw new BadInputException("A Poisson-Gaussian " +
			"noise model needs a finite gain A >= 0 and a finite B, not A = " + a + ", B = " + b + ".");
		if (!(low < high)) throw new BadInputException("A noise model's signal range must have low < high, not " + low +
			" to " + high + ".");
		this.a = a;
		this.b = b;
		this.low = low;
		this.high = high;
		this.floor = Double.isInfinite(low) ? b : a * low + b;
		if (!(floor > 0)) throw new BadInputException("The noise variance A*s + B (A = " + NoiseModels.format(a) +
			", B = " + NoiseModels.format(b) + ") is not positive at signal " + (Double.isInfinite(low) ? 0 : low) +
			": give B > 0, or fit the model on data.");
	}

	/** {@code gaussian:SIGMA}: additive noise of one standard deviation at every signal. */
	public static PoissonGaussianNoiseModel gaussian(final double sigma) {
		return new PoissonGaussianNoiseModel(0, sigma * sigma, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
	}

	public double gain() {
		return a;
	}

	public double offset() {
		return b;
	}

	public double variance(final double s) {
		return Math.max(a * Math.min(s, high) + b, floor);
	}

	@Override
	public double logLikelihood(final double x, final double s) {
		final double v = variance(s), r = x - s;
		return -0.5 * (LOG_2PI + Math.log(v)) - r * r / (2 * v);
	}

	@Override
	public double std(final double s) {
		return Math.sqrt(variance(s));
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
	public Operand<TFloat32> logLikelihood(final Ops tf, final Operand<TFloat32> x, final Operand<TFloat32> s) {
		final Operand<TFloat32> capped = Double.isInfinite(high) ? s : tf.math.minimum(s, tf.constant((float) high));
		final Operand<TFloat32> v = tf.math.maximum(tf.math.add(tf.math.mul(capped, tf.constant((float) a)), tf.constant(
			(float) b)), tf.constant((float) floor));
		final Operand<TFloat32> r = tf.math.sub(x, s);
		return tf.math.sub(tf.math.mul(tf.constant(-0.5f), tf.math.add(tf.math.log(v), tf.constant((float) LOG_2PI))), tf
			.math.div(tf.math.square(r), tf.math.mul(v, tf.constant(2f))));
	}

	/** {@code gaussian:S} when A is 0 and the model holds everywhere, else {@code poisson-gaussian:A,B}. */
	public String spec() {
		if (a == 0 && b > 0) return "gaussian:" + NoiseModels.format(Math.sqrt(b));
		return "poisson-gaussian:" + NoiseModels.format(a) + "," + NoiseModels.format(b);
	}

	@Override
	public String describe() {
		final String range = Double.isInfinite(low) && Double.isInfinite(high) ? "given by a spec" : String.format(
			Locale.ROOT, "fitted on signals %.6g to %.6g", low, high);
		if (a == 0) return String.format(Locale.ROOT, "Gaussian noise, standard deviation %.6g (%s)", Math.sqrt(b), range);
		return String.format(Locale.ROOT, "Poisson-Gaussian noise, variance = A*s + B with A = %.6g (gain) and " +
			"B = %.6g (variance at signal 0) (%s)", a, b, range);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof PoissonGaussianNoiseModel)) return false;
		final PoissonGaussianNoiseModel p = (PoissonGaussianNoiseModel) o;
		return a == p.a && b == p.b && low == p.low && high == p.high;
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(a, b, low, high);
	}

	@Override
	public String toString() {
		return describe();
	}
}
