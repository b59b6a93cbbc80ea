package sc.fiji.autoencoders.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The calibration of DivNoising's spread against a ground truth: pixels are sorted by the samples' standard deviation
 * {@code sd} into {@link #BINS} bins of equal counts, and {@code log RMSE = log a + b log sd} is fitted over the bins
 * (root mean squares per bin), so that the calibrated spread {@code a * sd^b} predicts the MMSE's root mean squared
 * error in every bin, not only on average. A single scale cannot: on real widefield noise the raw spread overstates the
 * error about twice where it is small and is about right where it is large (docs/BENCHMARKS.md, issue 27).
 */
public final class SpreadCalibration {

	/** Bins of equal counts, as the calibration figure counts them. */
	public static final int BINS = 15;

	private final double[] sd, rmse;
	private final double scale, power;

	private SpreadCalibration(final double[] sd, final double[] rmse, final double scale, final double power) {
		this.sd = sd;
		this.rmse = rmse;
		this.scale = scale;
		this.power = power;
	}

	/**
	 * Fits the calibration to {@code n} pixels: their samples' standard deviations and the MMSE's errors against the
	 * truth, in the same (image) units. Pixels without spread are left out. With fewer than two bins of different
	 * spread, or a fitted power outside (0, 4], the power is 1 and the scale the ratio of root mean squares.
	 */
	public static SpreadCalibration fit(final float[] sds, final float[] errors, final int n) {
		// positive floats order as their bits do: spread bits above, the pixel's index below, sorted as primitives
		final long[] keys = new long[n];
		int m = 0;
		for (int i = 0; i < n; i++)
			if (sds[i] > 0 && Float.isFinite(sds[i]) && Float.isFinite(errors[i])) keys[m++] = (long) Float
				.floatToIntBits(sds[i]) << 32 | i;
		if (m < BINS) throw new sc.fiji.autoencoders.base.BadInputException("Only " + m + " pixels have a spread: " +
			"calibrate with more (or larger) images, and 2 or more samples.");
		final long[] sorted = Arrays.copyOf(keys, m);
		Arrays.sort(sorted);
		final int[] used = new int[m];
		for (int j = 0; j < m; j++)
			used[j] = (int) sorted[j];
		final double[] s = new double[BINS], r = new double[BINS];
		double all2 = 0, err2 = 0;
		for (int b = 0; b < BINS; b++) {
			final int from = (int) ((long) m * b / BINS), to = (int) ((long) m * (b + 1) / BINS);
			double ss = 0, ee = 0;
			for (int j = from; j < to; j++) {
				final double v = sds[used[j]], e = errors[used[j]];
				ss += v * v;
				ee += e * e;
			}
			all2 += ss;
			err2 += ee;
			s[b] = Math.sqrt(ss / (to - from));
			r[b] = Math.sqrt(ee / (to - from));
		}
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		int k = 0;
		for (int b = 0; b < BINS; b++)
			if (r[b] > 0) {
				final double x = Math.log(s[b]), y = Math.log(r[b]);
				sx += x;
				sy += y;
				sxx += x * x;
				sxy += x * y;
				k++;
			}
		final double var = sxx - sx * sx / Math.max(k, 1);
		final double power = k >= 2 && var > 1e-12 ? (sxy - sx * sy / k) / var : 1;
		if (power > 0 && power <= 4) return new SpreadCalibration(s, r, Math.exp((sy - power * sx) / k), power);
		return new SpreadCalibration(s, r, Math.sqrt(err2 / all2), 1);
	}

	public double scale() {
		return scale;
	}

	public double power() {
		return power;
	}

	/** Per bin, the observed RMSE over the spread {@code a * sd^b} predicts (1: calibrated). */
	public double[] ratios(final double a, final double b) {
		final double[] out = new double[BINS];
		for (int i = 0; i < BINS; i++)
			out[i] = rmse[i] / (a * Math.pow(sd[i], b));
		return out;
	}

	/** Bins whose ratio lies within 25 % (0.8 to 1.25). */
	public static int within25(final double[] ratios) {
		int n = 0;
		for (final double q : ratios)
			if (q >= 0.8 && q <= 1.25) n++;
		return n;
	}

	/** "0.41 0.45 ... 0.84": ratios for a message. */
	public static String format(final double[] ratios) {
		final StringBuilder sb = new StringBuilder();
		for (final double q : ratios)
			sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", q));
		return sb.toString();
	}
}
