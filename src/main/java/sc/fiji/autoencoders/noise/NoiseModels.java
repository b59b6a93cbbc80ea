package sc.fiji.autoencoders.noise;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Parses noise specs into {@link NoiseModel}s. Valid specs (case-insensitive, whitespace ignored):
 * <ul>
 * <li>{@code gaussian:SIGMA} - additive Gaussian noise N(0, SIGMA^2)</li>
 * <li>{@code gaussian:LO-HI} - "blind" Gaussian noise, a new sigma drawn uniformly from [LO, HI] per image/patch</li>
 * <li>{@code poisson:PEAK} - shot noise; the brightest level corresponds to PEAK photons</li>
 * <li>{@code poisson-gaussian:PEAK,SIGMA} - shot noise followed by additive Gaussian read noise of SIGMA</li>
 * <li>{@code saltpepper:FRACTION} - that fraction of pixels set to 0 or the brightest level</li>
 * <li>{@code none} - no noise (for VAEs)</li>
 * </ul>
 */
public final class NoiseModels {

	/** Listed in every parse error so that the user sees all accepted forms. */
	static final String VALID_FORMS = "gaussian:SIGMA (e.g. gaussian:25), gaussian:LO-HI (e.g. gaussian:5-50), " +
		"poisson:PEAK (e.g. poisson:30), poisson-gaussian:PEAK,SIGMA (e.g. poisson-gaussian:30,5), " +
		"saltpepper:FRACTION (e.g. saltpepper:0.05), none";

	// Plain decimals only: Double.parseDouble would also accept "NaN", "Infinity", hex and "1f", none of which
	// make sense in a spec. No leading minus: negative values are rejected anyway.
	private static final String NUM = "\\+?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
	private static final Pattern NUMBER = Pattern.compile(NUM);
	private static final Pattern RANGE = Pattern.compile("(" + NUM + ")-(" + NUM + ")");
	private static final Pattern PAIR = Pattern.compile("(" + NUM + "),(" + NUM + ")");

	private NoiseModels() {}

	/** The model that adds no noise. */
	public static NoiseModel none() {
		return None.INSTANCE;
	}

	/**
	 * Parses a noise spec such as {@code gaussian:25}.
	 *
	 * @throws BadInputException if the spec is not one of the valid forms, quoting the spec and listing the valid forms
	 */
	public static NoiseModel parse(final String spec) {
		if (spec == null) throw error(null, "no noise spec was given");
		final String s = spec.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
		if (s.equals("none")) return None.INSTANCE;
		final int colon = s.indexOf(':');
		if (colon < 0) throw error(spec, null);
		final String name = s.substring(0, colon);
		final String arg = s.substring(colon + 1);
		switch (name) {
			case "gaussian": {
				if (NUMBER.matcher(arg).matches()) {
					return new Gaussian(number(spec, arg, "SIGMA"));
				}
				final Matcher m = RANGE.matcher(arg);
				if (!m.matches()) throw error(spec, "SIGMA must be a non-negative number or a range LO-HI");
				final double lo = number(spec, m.group(1), "LO");
				final double hi = number(spec, m.group(2), "HI");
				if (lo > hi) throw error(spec, "LO must not be larger than HI");
				return new BlindGaussian(lo, hi);
			}
			case "poisson":
				if (!NUMBER.matcher(arg).matches()) throw error(spec, "PEAK must be a positive number");
				return new Poisson(peak(spec, arg));
			case "poisson-gaussian": {
				final Matcher m = PAIR.matcher(arg);
				if (!m.matches()) throw error(spec, "give PEAK and SIGMA separated by a comma");
				return new PoissonGaussian(peak(spec, m.group(1)), number(spec, m.group(2), "SIGMA"));
			}
			case "saltpepper": {
				if (!NUMBER.matcher(arg).matches()) throw error(spec, "FRACTION must be a number between 0 and 1");
				final double f = number(spec, arg, "FRACTION");
				if (f > 1) throw error(spec, "FRACTION must be between 0 and 1");
				return new SaltPepper(f);
			}
			default:
				throw error(spec, null);
		}
	}

	private static double number(final String spec, final String text, final String what) {
		final double v;
		try {
			v = Double.parseDouble(text);
		}
		catch (final NumberFormatException e) {
			throw error(spec, what + " must be a number");
		}
		if (!Double.isFinite(v) || v < 0) throw error(spec, what + " must be a finite non-negative number");
		return v;
	}

	private static double peak(final String spec, final String text) {
		final double peak = number(spec, text, "PEAK");
		if (peak <= 0) throw error(spec, "PEAK must be larger than 0");
		return peak;
	}

	private static BadInputException error(final String spec, final String reason) {
		return new BadInputException("Noise spec '" + spec + "' is not understood" + (reason == null ? "" : " (" +
			reason + ")") + ". Use one of: " + VALID_FORMS + ".");
	}

	/** Shortest decimal that parses back to the same double, without exponent or trailing zeros ("25", "0.05"). */
	static String format(final double v) {
		return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

	/** Six significant digits without trailing zeros ("20", "2000", "0.0125", "1.5e+06"), for messages. */
	static String compact(final double v) {
		final String s = String.format(Locale.ROOT, "%.6g", v);
		final int e = s.indexOf('e');
		final String mantissa = e < 0 ? s : s.substring(0, e);
		final String stripped = mantissa.contains(".") ? mantissa.replaceAll("0+$", "").replaceAll("\\.$", "")
			: mantissa;
		return e < 0 ? stripped : stripped + s.substring(e);
	}

	/**
	 * A Poisson random number with mean lambda. Knuth's multiplication method is exact and fast for small means; above
	 * 30 it needs too many uniforms per sample, so Hörmann's transformed rejection (PTRS, 1993), which is exact and takes
	 * about one iteration, is used instead.
	 */
	static long poisson(final double lambda, final Random rng) {
		if (lambda <= 0) return 0;
		if (lambda < 30) {
			final double limit = Math.exp(-lambda);
			long k = 0;
			double p = rng.nextDouble();
			while (p > limit) {
				k++;
				p *= rng.nextDouble();
			}
			return k;
		}
		final double slam = Math.sqrt(lambda);
		final double loglam = Math.log(lambda);
		final double b = 0.931 + 2.53 * slam;
		final double a = -0.059 + 0.02483 * b;
		final double invalpha = 1.1239 + 1.1328 / (b - 3.4);
		final double vr = 0.9277 - 3.6224 / (b - 2);
		while (true) {
			final double u = rng.nextDouble() - 0.5;
			final double v = rng.nextDouble();
			final double us = 0.5 - Math.abs(u);
			final long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
			if (us >= 0.07 && v <= vr) return k;
			if (k < 0 || (us < 0.013 && v > us)) continue;
			if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam -
				logFactorial(k)) return k;
		}
	}

	private static final double[] LOG_FACTORIAL = new double[128];
	static {
		for (int k = 2; k < LOG_FACTORIAL.length; k++) {
			LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
		}
	}

	/** ln(k!); exact table for small k, Stirling series (error below 1e-14 for k >= 128) otherwise. */
	static double logFactorial(final long k) {
		if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
		final double x = k + 1.0;
		final double x2 = x * x;
		return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x2) + 1 /
			(1260 * x * x2 * x2);
	}

	/** Shared equality by spec, so that parse(m.spec()).equals(m) holds for every model. */
	private abstract static class Base implements NoiseModel {

		@Override
		public boolean equals(final Object o) {
			return o instanceof NoiseModel && o.getClass() == getClass() && ((NoiseModel) o).spec().equals(spec());
		}

		@Override
		public int hashCode() {
			return spec().hashCode();
		}

		@Override
		public String toString() {
			return spec();
		}
	}

	static final class None extends Base {

		static final None INSTANCE = new None();

		@Override
		public void apply(final float[] values, final double brightest, final Random rng) {
			// nothing to add: VAEs reconstruct the clean input
		}

		@Override
		public String spec() {
			return "none";
		}
	}

	static final class Gaussian extends Base {

		final double sigma;

		Gaussian(final double sigma) {
			this.sigma = sigma;
		}

		@Override
		public void apply(final float[] values, final double brightest, final Random rng) {
			addGaussian(values, sigma, rng);
		}

		@Override
		public String spec() {
			return "gaussian:" + format(sigma);
		}
	}

	static final class BlindGaussian extends Base {

		final double lo, hi;

		BlindGaussian(final double lo, final double hi) {
			this.lo = lo;
			this.hi = hi;
		}

		@Override
		public void apply(final float[] values, final double brightest, final Random rng) {
			// one sigma per call: the network must estimate the noise level of each patch, as it will have to at
			// prediction time
			addGaussian(values, lo + (hi - lo) * rng.nextDouble(), rng);
		}

		@Override
		public String spec() {
			return "gaussian:" + format(lo) + "-" + format(hi);
		}
	}

	static class Poisson extends Base {

		final double peak;

		Poisson(final double peak) {
			this.peak = peak;
		}

		@Override
		public void apply(final float[] values, final double brightest, final Random rng) {
			if (!(brightest > 0) || Double.isInfinite(brightest)) {
				throw new BadInputException("Poisson noise needs images with positive intensities, but the brightest " +
					"level of the training images is " + brightest + ". Use Gaussian noise (e.g. gaussian:25) for such " +
					"images, or add an offset to them first.");
			}
			final double toPhotons = peak / brightest;
			for (int i = 0; i < values.length; i++) {
				final float x = values[i];
				if (!Float.isFinite(x)) continue;
				values[i] = (float) (poisson(Math.max(x, 0) * toPhotons, rng) / toPhotons);
			}
		}

		@Override
		public String spec() {
			return "poisson:" + format(peak);
		}
	}

	static final class PoissonGaussian extends Poisson {

		final double sigma;

		PoissonGaussian(final double peak, final double sigma) {
			super(peak);
			this.sigma = sigma;
		}

		@Override
		public void apply(final float[] values, final double brightest, final Random rng) {
			super.apply(values, brightest, rng);
			addGaussian(values, sigma, rng);
		}

		@Override
		public String spec() {
			return "poisson-gaussian:" + format(peak) + "," + format(sigma);
		}
	}

	static final class SaltPepper extends Base {

		final double fraction;

		SaltPepper(final double fraction) {
			this.fraction = fraction;
		}

		@Override
		public void apply(final float[] values, final double brightest, final Random rng) {
			final float salt = (float) brightest;
			for (int i = 0; i < values.length; i++) {
				if (rng.nextDouble() < fraction) values[i] = rng.nextBoolean() ? salt : 0f;
			}
		}

		@Override
		public String spec() {
			return "saltpepper:" + format(fraction);
		}
	}

	private static void addGaussian(final float[] values, final double sigma, final Random rng) {
		if (sigma == 0) return;
		for (int i = 0; i < values.length; i++) {
			values[i] += (float) (sigma * rng.nextGaussian());
		}
	}
}
