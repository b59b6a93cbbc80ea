package sc.fiji.autoencoders.noise;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The measured noise of (signal, observation) pairs: in bins of equal width over the signal range, the bin's mean
 * signal, the standard deviation of x - s and the number of pixels. Bins with fewer than {@link #MIN_COUNT} pixels are
 * left out. It is what a fitted model is compared against, in its plot and in the tests.
 */
public final class NoiseCurve {

	/** Fewest pixels for a bin's standard deviation to be kept. */
	public static final int MIN_COUNT = 20;

	private final double[] signal, std;
	private final long[] count;

	/** @throws BadInputException if the arrays differ in length or hold invalid values */
	public NoiseCurve(final double[] signal, final double[] std, final long[] count) {
		if (signal.length != std.length || signal.length != count.length) throw new BadInputException("A noise curve " +
			"needs as many standard deviations and counts as signals, not " + signal.length + ", " + std.length + " and " +
			count.length + ".");
		for (int i = 0; i < signal.length; i++)
			if (!Double.isFinite(signal[i]) || !(std[i] >= 0) || !Double.isFinite(std[i]) || count[i] < 1)
				throw new BadInputException("Noise curve bin " + (i + 1) + " is invalid (signal " + signal[i] + ", std " +
					std[i] + ", count " + count[i] + ").");
		this.signal = signal.clone();
		this.std = std.clone();
		this.count = count.clone();
	}

	/** The binned standard deviation of x - s over {@code bins} bins of equal width from the lowest to the highest s. */
	public static NoiseCurve measure(final float[] s, final float[] x, final int bins) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final float v : s) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		final double[] sum = new double[bins], sumR = new double[bins], sumR2 = new double[bins];
		final long[] n = new long[bins];
		final double width = (hi - lo) / bins;
		for (int i = 0; i < s.length; i++) {
			final int b = width > 0 ? Math.min(bins - 1, (int) ((s[i] - lo) / width)) : 0;
			final double r = x[i] - s[i];
			sum[b] += s[i];
			sumR[b] += r;
			sumR2[b] += r * r;
			n[b]++;
		}
		int kept = 0;
		for (int b = 0; b < bins; b++)
			if (n[b] >= MIN_COUNT) kept++;
		final double[] sig = new double[kept], sd = new double[kept];
		final long[] c = new long[kept];
		for (int b = 0, i = 0; b < bins; b++) {
			if (n[b] < MIN_COUNT) continue;
			final double mean = sumR[b] / n[b];
			sig[i] = sum[b] / n[b];
			sd[i] = Math.sqrt(Math.max(0, (sumR2[b] - n[b] * mean * mean) / (n[b] - 1)));
			c[i++] = n[b];
		}
		return new NoiseCurve(sig, sd, c);
	}

	public int size() {
		return signal.length;
	}

	public double[] signal() {
		return signal.clone();
	}

	public double[] std() {
		return std.clone();
	}

	public long[] count() {
		return count.clone();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof NoiseCurve && java.util.Arrays.equals(signal, ((NoiseCurve) o).signal) && java.util.Arrays
			.equals(std, ((NoiseCurve) o).std) && java.util.Arrays.equals(count, ((NoiseCurve) o).count);
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(signal) * 31 + java.util.Arrays.hashCode(std);
	}
}
