package sc.fiji.autoencoders.noise;

import java.util.Locale;

import sc.fiji.autoencoders.base.BadInputException;

/** How {@link NoiseModelFitting} fits a noise model; each field holds its default. */
public final class NoiseFitOptions {

	/** The kind of model fitted. */
	public enum Kind {
		/** {@link GaussianMixtureNoiseModel}, by maximum likelihood. */
		GMM,
		/** {@link PoissonGaussianNoiseModel}, by weighted least squares on the binned variances (photon transfer). */
		POISSON_GAUSSIAN;

		/** {@code gmm} or {@code poisson-gaussian}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public static Kind of(final String key) {
			for (final Kind k : values())
				if (k.key().equalsIgnoreCase(key == null ? "" : key.trim())) return k;
			throw new BadInputException("Noise model kind '" + key + "' is not known: use gmm or poisson-gaussian.");
		}
	}

	public Kind kind = Kind.GMM;
	/** Components of the mixture (DivNoising's default). */
	public int gaussians = 3;
	/** Coefficients of each polynomial: 2 is linear in the signal, as DivNoising's default. */
	public int coefficients = 2;
	/** Smallest standard deviation of a component in image units; 0 for a tenth of the smallest measured one. */
	public double minSigma = 0;
	/** Pixel pairs drawn at random from the data to fit on. */
	public int samples = 100_000;
	/** Adam steps of the mixture fit. */
	public int steps = 1000;
	/** Pixel pairs per step. */
	public int batch = 512;
	/** Signal bins of the measured curve (and of the Poisson-Gaussian fit). */
	public int bins = 40;
	public long seed = 1;

	/** @throws BadInputException naming the first option out of range */
	public NoiseFitOptions validate() {
		check(gaussians >= 1 && gaussians <= 16, "gaussians", gaussians, "1 to 16");
		check(coefficients >= 1 && coefficients <= 8, "coefficients", coefficients, "1 to 8");
		check(minSigma >= 0 && Double.isFinite(minSigma), "min sigma", minSigma, "0 (automatic) or more");
		check(samples >= 1000, "samples", samples, "at least 1000");
		check(steps >= 1, "steps", steps, "at least 1");
		check(batch >= 1, "batch", batch, "at least 1");
		check(bins >= 2 && bins <= 10_000, "bins", bins, "2 to 10000");
		return this;
	}

	private static void check(final boolean ok, final String name, final Object value, final String range) {
		if (!ok) throw new BadInputException("Noise model option " + name + " is " + value + ": use " + range + ".");
	}
}
