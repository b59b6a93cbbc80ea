package sc.fiji.autoencoders.model;

import java.util.Random;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * A Gaussian with full covariance fitted to the codes of the training images (a VAE's latent means, a feature
 * autoencoder's codes), stored in the model file at the end of training. Sampling from it and decoding generates
 * images where the codes actually lie, which a feature autoencoder needs (it has no prior) and which helps a VAE whose
 * codes do not fill its N(0, I) prior.
 */
public final class CodeDistribution {

	private final double[] mean;
	/** Row-major, dimension x dimension. */
	private final double[] covariance;

	public CodeDistribution(final double[] mean, final double[] covariance) {
		this.mean = mean.clone();
		this.covariance = covariance.clone();
	}

	/**
	 * The maximum-likelihood mean and the unbiased covariance of {@code codes} ({@code codes.length / dimension} rows).
	 */
	public static CodeDistribution fit(final float[] codes, final int dimension) {
		final int n = codes.length / dimension;
		if (n < 1) throw new BadInputException("No codes to fit a Gaussian to: give at least one image.");
		final double[] m = new double[dimension], c = new double[dimension * dimension];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < dimension; j++)
				m[j] += codes[i * dimension + j];
		for (int j = 0; j < dimension; j++)
			m[j] /= n;
		final double[] d = new double[dimension];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < dimension; j++)
				d[j] = codes[i * dimension + j] - m[j];
			for (int a = 0; a < dimension; a++)
				for (int b = a; b < dimension; b++)
					c[a * dimension + b] += d[a] * d[b];
		}
		final int dof = Math.max(1, n - 1);
		for (int a = 0; a < dimension; a++)
			for (int b = a; b < dimension; b++) {
				c[a * dimension + b] /= dof;
				c[b * dimension + a] = c[a * dimension + b];
			}
		return new CodeDistribution(m, c);
	}

	public int dimension() {
		return mean.length;
	}

	public double[] mean() {
		return mean.clone();
	}

	/** Row-major covariance. */
	public double[] covariance() {
		return covariance.clone();
	}

	/**
	 * {@code count} codes mean + temperature * L e, with L L^T the covariance (Cholesky) and e standard normal drawn from
	 * {@code rng}; row-major, {@code count x dimension}.
	 */
	public float[] sample(final int count, final Random rng, final double temperature) {
		final int k = mean.length;
		final double[] l = cholesky();
		final float[] out = new float[count * k];
		final double[] e = new double[k];
		for (int i = 0; i < count; i++) {
			for (int j = 0; j < k; j++)
				e[j] = rng.nextGaussian();
			for (int r = 0; r < k; r++) {
				double s = 0;
				for (int c = 0; c <= r; c++)
					s += l[r * k + c] * e[c];
				out[i * k + r] = (float) (mean[r] + temperature * s);
			}
		}
		return out;
	}

	/** Checks sizes, finiteness and symmetry; for the model file reader. */
	public CodeDistribution validate() {
		final int k = mean.length;
		if (k < 1 || covariance.length != (long) k * k) throw new BadInputException("The code distribution has a mean of " +
			k + " numbers but a covariance of " + covariance.length + " (" + k * k + " expected).");
		for (final double v : mean)
			if (!Double.isFinite(v)) throw new BadInputException("The code distribution's mean is not finite.");
		for (int a = 0; a < k; a++)
			for (int b = 0; b < k; b++) {
				final double v = covariance[a * k + b];
				if (!Double.isFinite(v) || v != covariance[b * k + a] || a == b && v < 0) throw new BadInputException(
					"The code distribution's covariance is not a symmetric matrix with a non-negative diagonal.");
			}
		return this;
	}

	// -- Helper methods --

	/**
	 * Lower Cholesky factor of the covariance; a covariance that is only semi-definite (codes in a subspace, e.g. dead
	 * units or fewer images than dimensions) gets a tiny ridge, growing until the factorization succeeds.
	 */
	private double[] cholesky() {
		final int k = mean.length;
		double trace = 0;
		for (int j = 0; j < k; j++)
			trace += covariance[j * k + j];
		double ridge = 0;
		for (int attempt = 0; attempt < 40; attempt++) {
			final double[] l = tryCholesky(ridge);
			if (l != null) return l;
			ridge = ridge == 0 ? Math.max(1e-12, 1e-10 * trace / k) : ridge * 10;
		}
		throw new BadInputException("The code distribution's covariance cannot be factorized: retrain the model.");
	}

	private double[] tryCholesky(final double ridge) {
		final int k = mean.length;
		final double[] l = new double[k * k];
		for (int r = 0; r < k; r++)
			for (int c = 0; c <= r; c++) {
				double s = covariance[r * k + c] + (r == c ? ridge : 0);
				for (int i = 0; i < c; i++)
					s -= l[r * k + i] * l[c * k + i];
				if (r == c) {
					if (!(s > 0)) return null;
					l[r * k + r] = Math.sqrt(s);
				}
				else l[r * k + c] = s / l[c * k + c];
			}
		return l;
	}
}
