package sc.fiji.autoencoders.noise;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Parses the specs of noise models given by a formula (case-insensitive, whitespace ignored):
 * <ul>
 * <li>{@code gaussian:S} - x ~ N(s, S^2), S > 0</li>
 * <li>{@code poisson-gaussian:A,B} - x ~ N(s, A*s + B): A the gain (variance per unit of signal, A >= 0), B the
 * variance at signal 0 (B > 0). Not the {@code PEAK,SIGMA} of the synthetic training noise of {@link NoiseModels}.</li>
 * </ul>
 */
public final class LikelihoodModels {

	static final String VALID_FORMS = "gaussian:S (standard deviation, e.g. gaussian:25) or poisson-gaussian:A,B " +
		"(variance = A*signal + B, e.g. poisson-gaussian:2.5,100), or a noise model file (.aenoise)";
	private static final String NUM = "[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
	private static final Pattern GAUSSIAN = Pattern.compile("gaussian:(" + NUM + ")");
	private static final Pattern POISSON_GAUSSIAN = Pattern.compile("poisson-gaussian:(" + NUM + "),(" + NUM + ")");

	private LikelihoodModels() {}

	/**
	 * @throws BadInputException quoting the spec and listing the valid forms
	 */
	public static PoissonGaussianNoiseModel parse(final String spec) {
		if (spec == null) throw error(null, "no noise model was given");
		final String s = spec.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
		Matcher m = GAUSSIAN.matcher(s);
		if (m.matches()) {
			final double sigma = Double.parseDouble(m.group(1));
			if (!(sigma > 0) || !Double.isFinite(sigma)) throw error(spec, "S must be a standard deviation above 0");
			return PoissonGaussianNoiseModel.gaussian(sigma);
		}
		m = POISSON_GAUSSIAN.matcher(s);
		if (!m.matches()) throw error(spec, null);
		final double a = Double.parseDouble(m.group(1)), b = Double.parseDouble(m.group(2));
		if (!(a >= 0) || !Double.isFinite(a)) throw error(spec, "the gain A must be 0 or more");
		if (!(b > 0) || !Double.isFinite(b)) throw error(spec, "B, the variance at signal 0, must be above 0");
		return new PoissonGaussianNoiseModel(a, b, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
	}

	private static BadInputException error(final String spec, final String reason) {
		return new BadInputException("Noise model '" + spec + "' is not understood" + (reason == null ? "" : " (" +
			reason + ")") + ". Use " + VALID_FORMS + ".");
	}
}
