package sc.fiji.autoencoders.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.noise.NoiseModel;

/**
 * Measures a denoiser the way papers do: corrupt clean images with a noise model, denoise, and compare PSNR and SSIM
 * of the noisy and the denoised image to the clean one, on a fixed intensity range with results clipped to it.
 */
public final class Evaluation {

	/** Scores of one image. */
	public static final class Score {

		public final String name;
		public final double noisyPsnr, noisySsim, denoisedPsnr, denoisedSsim;

		Score(final String name, final double noisyPsnr, final double noisySsim, final double denoisedPsnr,
			final double denoisedSsim)
		{
			this.name = name;
			this.noisyPsnr = noisyPsnr;
			this.noisySsim = noisySsim;
			this.denoisedPsnr = denoisedPsnr;
			this.denoisedSsim = denoisedSsim;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s: noisy PSNR %.2f dB, SSIM %.3f; denoised PSNR %.2f dB, SSIM %.3f", name,
				noisyPsnr, noisySsim, denoisedPsnr, denoisedSsim);
		}
	}

	private final List<Score> scores = new ArrayList<>();

	/**
	 * Adds one clean image.
	 *
	 * @param lo lowest valid intensity (0 for 8- and 16-bit)
	 * @param hi highest valid intensity (255 for 8-bit): PSNR is on this range and results are clipped to it
	 */
	public Score add(final String name, final Plane clean, final NoiseModel noise, final Random rng,
		final Denoiser denoiser, final double lo, final double hi)
	{
		final Plane noisy = clean.copy();
		noise.apply(noisy.pixels(), denoiser.model().normalization.high(), rng);
		final Plane noisyClipped = Metrics.clip(noisy, lo, hi);
		final Plane denoised = Metrics.clip(denoiser.denoise(noisy, PredictionMonitor.NONE), lo, hi);
		final double range = hi - lo;
		final Score s = new Score(name, Metrics.psnr(clean, noisyClipped, range), Metrics.ssim(clean, noisyClipped,
			range), Metrics.psnr(clean, denoised, range), Metrics.ssim(clean, denoised, range));
		scores.add(s);
		return s;
	}

	public List<Score> scores() {
		return scores;
	}

	public double meanNoisyPsnr() {
		return scores.stream().mapToDouble(s -> s.noisyPsnr).average().orElse(Double.NaN);
	}

	public double meanNoisySsim() {
		return scores.stream().mapToDouble(s -> s.noisySsim).average().orElse(Double.NaN);
	}

	public double meanDenoisedPsnr() {
		return scores.stream().mapToDouble(s -> s.denoisedPsnr).average().orElse(Double.NaN);
	}

	public double meanDenoisedSsim() {
		return scores.stream().mapToDouble(s -> s.denoisedSsim).average().orElse(Double.NaN);
	}

	public String summary() {
		return String.format(Locale.ROOT,
			"mean over %d images: noisy PSNR %.2f dB, SSIM %.3f; denoised PSNR %.2f dB, SSIM %.3f; PSNR gain %.2f dB",
			scores.size(), meanNoisyPsnr(), meanNoisySsim(), meanDenoisedPsnr(), meanDenoisedSsim(), meanDenoisedPsnr() -
				meanNoisyPsnr());
	}

	/** The intensity range of an ImageJ bit depth: 0-255, 0-65535, or for 32-bit the clean plane's own range. */
	public static double[] range(final int bitDepth, final Plane clean) {
		if (bitDepth == 8) return new double[] { 0, 255 };
		if (bitDepth == 16) return new double[] { 0, 65535 };
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final float v : clean.pixels()) {
			if (Float.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		return new double[] { min, max };
	}

	/** One row per plane: its name, and PSNR and SSIM of the noisy and the denoised plane. */
	public ij.measure.ResultsTable table() {
		final ij.measure.ResultsTable results = new ij.measure.ResultsTable();
		for (final Score s : scores()) {
			results.incrementCounter();
			results.addLabel(s.name);
			results.addValue("noisy_psnr", s.noisyPsnr);
			results.addValue("noisy_ssim", s.noisySsim);
			results.addValue("denoised_psnr", s.denoisedPsnr);
			results.addValue("denoised_ssim", s.denoisedSsim);
		}
		return results;
	}
}
