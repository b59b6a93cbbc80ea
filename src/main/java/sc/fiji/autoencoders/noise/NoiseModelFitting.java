package sc.fiji.autoencoders.noise;

import java.util.List;
import java.util.Random;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Fits a {@link LikelihoodModel} to (signal, observation) pairs: from calibration data (noisy frames and their
 * average, or noisy images and clean targets) or from noisy images and a pseudo-signal such as a Noise2Void prediction
 * (the bootstrap of PN2V). Deterministic for a seed.
 */
public final class NoiseModelFitting {

	/** Pairs of signal and observation, one per pixel, as fitted on. */
	public static final class Pairs {

		public final float[] signal, observation;

		public Pairs(final float[] signal, final float[] observation) {
			if (signal.length != observation.length) throw new IllegalArgumentException("lengths differ");
			this.signal = signal;
			this.observation = observation;
		}
	}

	private NoiseModelFitting() {}

	/**
	 * Fits a model of the options' kind to one channel's data: {@code noisy.get(i)} observes {@code signal.get(i)}, or
	 * every noisy frame the one signal (frames and their average). At most {@link NoiseFitOptions#samples} pixels, drawn
	 * at random, are fitted on.
	 *
	 * @throws BadInputException if the images do not pair up, or hold no noise or too few pixels
	 */
	public static ChannelNoiseModels.Channel fit(final List<float[]> noisy, final List<float[]> signal,
		final NoiseFitOptions options)
	{
		options.validate();
		return fit(sample(noisy, signal, options.samples, options.seed), options);
	}

	/** Fits a model of the options' kind to the pairs, all of them. */
	public static ChannelNoiseModels.Channel fit(final Pairs pairs, final NoiseFitOptions options) {
		options.validate();
		final NoiseCurve curve = NoiseCurve.measure(pairs.signal, pairs.observation, options.bins);
		if (curve.size() < 2) throw new BadInputException("The signal covers too narrow a range (" + curve.size() +
			" level with " + NoiseCurve.MIN_COUNT + " pixels or more): a noise model needs calibration data from dark " +
			"to bright.");
		double smallest = Double.POSITIVE_INFINITY;
		for (final double s : curve.std())
			smallest = Math.min(smallest, s);
		if (!(smallest > 0)) throw new BadInputException("The noisy images equal their signal at some intensities " +
			"(no noise there): give the noisy frames, not copies of their average.");
		final LikelihoodModel model = options.kind == NoiseFitOptions.Kind.GMM ? MixtureFit.fit(pairs, curve,
			options.minSigma > 0 ? options.minSigma : smallest / 10, options) : fitPoissonGaussian(curve, range(
				pairs.signal));
		return new ChannelNoiseModels.Channel(model, curve);
	}

	/**
	 * Draws {@code samples} pixels at random (all if there are fewer), skipping pixels that are not finite.
	 *
	 * @throws BadInputException if the images do not pair up
	 */
	public static Pairs sample(final List<float[]> noisy, final List<float[]> signal, final int samples,
		final long seed)
	{
		if (noisy.isEmpty()) throw new BadInputException("No noisy images to fit a noise model to.");
		if (signal.size() != 1 && signal.size() != noisy.size()) throw new BadInputException("There are " + noisy.size() +
			" noisy images but " + signal.size() + " clean ones: give one clean image per noisy image, or one for all " +
			"(their average).");
		long total = 0;
		for (int i = 0; i < noisy.size(); i++) {
			final float[] s = signal.get(signal.size() == 1 ? 0 : i);
			if (noisy.get(i).length != s.length) throw new BadInputException("Noisy image " + (i + 1) + " has " + noisy
				.get(i).length + " pixels but its clean image has " + s.length + ": they must be the same size.");
			total += s.length;
		}
		final int n = (int) Math.min(samples, total);
		final float[] sig = new float[n], obs = new float[n];
		final Random rng = new Random(seed);
		int got = 0;
		for (int tries = 0; got < n && tries < 4L * n + 1000; tries++) {
			final long at = n == total ? tries : (long) (rng.nextDouble() * total);
			if (at >= total) break;
			int i = 0;
			long offset = at;
			while (offset >= noisy.get(i).length)
				offset -= noisy.get(i++).length;
			final float x = noisy.get(i)[(int) offset], s = signal.get(signal.size() == 1 ? 0 : i)[(int) offset];
			if (!Float.isFinite(x) || !Float.isFinite(s)) continue;
			sig[got] = s;
			obs[got++] = x;
		}
		if (got < 1000) throw new BadInputException("Only " + got + " finite pixels to fit a noise model to: give at " +
			"least 1000.");
		return new Pairs(java.util.Arrays.copyOf(sig, got), java.util.Arrays.copyOf(obs, got));
	}

	/**
	 * The photon transfer curve: variance = A*s + B fitted by least squares to the binned variances, each weighted by
	 * the inverse of its sampling variance (2 var^2 / n).
	 */
	static PoissonGaussianNoiseModel fitPoissonGaussian(final NoiseCurve curve, final double[] range) {
		final double[] s = curve.signal(), sd = curve.std();
		final long[] n = curve.count();
		double sw = 0, sws = 0, swss = 0, swv = 0, swsv = 0, smallest = Double.POSITIVE_INFINITY;
		for (int i = 0; i < s.length; i++) {
			final double v = sd[i] * sd[i], w = n[i] / (v * v);
			sw += w;
			sws += w * s[i];
			swss += w * s[i] * s[i];
			swv += w * v;
			swsv += w * s[i] * v;
			smallest = Math.min(smallest, v);
		}
		final double det = sw * swss - sws * sws;
		double a = (sw * swsv - sws * swv) / det, b = (swss * swv - sws * swsv) / det;
		if (!(a >= 0)) { // noise that falls with the signal: the best model of this kind is constant
			a = 0;
			b = swv / sw;
		}
		if (!(a * range[0] + b > 0)) b = smallest - a * range[0];
		return new PoissonGaussianNoiseModel(a, b, range[0], range[1]);
	}

	static double[] range(final float[] values) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final float v : values) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		return new double[] { lo, hi };
	}
}
