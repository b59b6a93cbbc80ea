package sc.fiji.autoencoders.predict;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

/**
 * Image quality metrics for comparing a denoised image with a clean reference. Definitions follow scikit-image so
 * that numbers can be compared with published results.
 */
public final class Metrics {

	/** SSIM Gaussian window: sigma 1.5, truncated at 3.5 sigma, i.e. 11x11, as in Wang et al. 2004 and skimage. */
	static final double SSIM_SIGMA = 1.5;
	static final int SSIM_RADIUS = 5;
	static final double K1 = 0.01;
	static final double K2 = 0.03;

	private Metrics() {}

	/**
	 * Peak signal-to-noise ratio in dB: {@code 10 log10(dataRange^2 / MSE)}; positive infinity if the planes are equal.
	 *
	 * @param dataRange the span of possible values (e.g. 255 for 8-bit images)
	 */
	public static double psnr(final Plane reference, final Plane test, final double dataRange) {
		checkSameSize(reference, test);
		return psnr(reference.pixels(), test.pixels(), dataRange);
	}

	/** {@link #psnr(Plane, Plane, double)} on arrays of equal length. */
	public static double psnr(final float[] reference, final float[] test, final double dataRange) {
		if (reference.length != test.length) {
			throw new IllegalArgumentException("Arrays differ in length: " + reference.length + " vs " + test.length);
		}
		if (reference.length == 0) throw new IllegalArgumentException("PSNR of empty arrays");
		double sum = 0;
		for (int i = 0; i < reference.length; i++) {
			final double d = (double) reference[i] - test[i];
			sum += d * d;
		}
		final double mse = sum / reference.length;
		if (mse == 0) return Double.POSITIVE_INFINITY;
		return 10 * Math.log10(dataRange * dataRange / mse);
	}

	/**
	 * Mean structural similarity (Wang et al. 2004) with an 11x11 Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03 and
	 * population (not sample) covariances, averaged over the window positions that lie entirely inside the image. This
	 * equals skimage's {@code structural_similarity(..., gaussian_weights=True, sigma=1.5,
	 * use_sample_covariance=False, data_range=dataRange)}.
	 *
	 * @throws BadInputException if the planes are smaller than 11x11
	 */
	public static double ssim(final Plane reference, final Plane test, final double dataRange) {
		checkSameSize(reference, test);
		final int w = reference.width();
		final int h = reference.height();
		final int win = 2 * SSIM_RADIUS + 1;
		if (w < win || h < win) {
			throw new BadInputException("SSIM needs images of at least " + win + "x" + win + " pixels, but these are " +
				w + "x" + h + ". Use larger images for evaluation.");
		}
		final double[] kernel = gaussianKernel(SSIM_SIGMA, SSIM_RADIUS);
		final int n = w * h;
		final double[] x = new double[n];
		final double[] y = new double[n];
		final double[] xx = new double[n];
		final double[] yy = new double[n];
		final double[] xy = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = reference.pixels()[i];
			y[i] = test.pixels()[i];
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		final int vw = w - 2 * SSIM_RADIUS;
		final int vh = h - 2 * SSIM_RADIUS;
		final double[] mx = filterValid(x, w, h, kernel);
		final double[] my = filterValid(y, w, h, kernel);
		final double[] mxx = filterValid(xx, w, h, kernel);
		final double[] myy = filterValid(yy, w, h, kernel);
		final double[] mxy = filterValid(xy, w, h, kernel);
		final double c1 = (K1 * dataRange) * (K1 * dataRange);
		final double c2 = (K2 * dataRange) * (K2 * dataRange);
		double sum = 0;
		for (int i = 0; i < vw * vh; i++) {
			final double vx = mxx[i] - mx[i] * mx[i];
			final double vy = myy[i] - my[i] * my[i];
			final double cxy = mxy[i] - mx[i] * my[i];
			sum += (2 * mx[i] * my[i] + c1) * (2 * cxy + c2) / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
		}
		return sum / (vw * vh);
	}

	/** A copy of the plane with values limited to [lo, hi] (NaN stays NaN). */
	public static Plane clip(final Plane p, final double lo, final double hi) {
		if (lo > hi) throw new IllegalArgumentException("Clip range is empty: " + lo + " > " + hi);
		final float flo = (float) lo;
		final float fhi = (float) hi;
		final float[] src = p.pixels();
		final float[] out = new float[src.length];
		for (int i = 0; i < src.length; i++) {
			out[i] = src[i] < flo ? flo : src[i] > fhi ? fhi : src[i];
		}
		return new Plane(p.width(), p.height(), out);
	}

	private static void checkSameSize(final Plane a, final Plane b) {
		if (a.width() != b.width() || a.height() != b.height()) {
			throw new IllegalArgumentException("Images differ in size: " + a.width() + "x" + a.height() + " vs " + b
				.width() + "x" + b.height());
		}
	}

	static double[] gaussianKernel(final double sigma, final int radius) {
		final double[] k = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) {
			k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
			sum += k[i + radius];
		}
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	/**
	 * Separable convolution evaluated only where the window fits inside the image; those are the positions skimage keeps
	 * after cropping, so border handling never matters.
	 */
	private static double[] filterValid(final double[] in, final int w, final int h, final double[] k) {
		final int r = k.length / 2;
		final int vw = w - 2 * r;
		final int vh = h - 2 * r;
		final double[] rows = new double[vw * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < vw; x++) {
				double s = 0;
				for (int i = 0; i < k.length; i++) s += k[i] * in[y * w + x + i];
				rows[y * vw + x] = s;
			}
		}
		final double[] out = new double[vw * vh];
		for (int y = 0; y < vh; y++) {
			for (int x = 0; x < vw; x++) {
				double s = 0;
				for (int i = 0; i < k.length; i++) s += k[i] * rows[(y + i) * vw + x];
				out[y * vw + x] = s;
			}
		}
		return out;
	}
}
