package sc.fiji.autoencoders.op.denoising;

import java.util.Locale;

import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.SpreadCalibration;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/**
 * Calibrates a DivNoising model's spread against a ground truth ({@link SpreadCalibration}): the model samples each noisy
 * image, its MMSE is fitted to the truth (gain and offset, since a truth such as a frame average may be scaled
 * otherwise), and the calibration {@code a * sd^b} that makes the spread predict the MMSE's error in every range of
 * spread is written into a copy of the model. Without it, the spread is the samples' one times a scale fitted on the
 * training images' validation patches through the noise model, which cannot tell how the error varies with the spread.
 */
@Plugin(type = Operation.class, name = "calibrate-uncertainty", label = "Calibrate Uncertainty...", priority = 84,
	menuPath = "Plugins>Autoencoders>Denoise>Calibrate Uncertainty...", description = "Fit a DivNoising model's " +
		"spread to the errors a ground truth shows (noisy images and their clean versions), so that the spread " +
		"predicts the MMSE's error at every level; writes the calibrated model.")
public final class CalibrateUncertainty implements Operation<CalibrateUncertaintySettings, String> {

	/** Pixels the fit uses at most (a regular subsample beyond): enough for 15 bins, and bounded memory. */
	static final long MAX_PIXELS = 4_000_000;

	@Override
	public Class<CalibrateUncertaintySettings> settingsType() {
		return CalibrateUncertaintySettings.class;
	}

	@Override
	public void check(final CalibrateUncertaintySettings s) {
		if (s.samples < 2) throw new BadInputException("A spread needs 2 or more samples, not " + s.samples + ": e.g. " +
			"32 samples.");
		if (s.model == null) throw new BadInputException("No model given: choose a DivNoising model file (.aemodel), " +
			"trained with noisy method divnoising.");
		if (s.calibrated == null) throw new BadInputException("No file for the calibrated model: give one (--out), " +
			"which may be the model file itself.");
		ModelFile.checkWritable(s.calibrated);
	}

	@Override
	public String run(final CalibrateUncertaintySettings s, final Task task) {
		final AutoencoderModel m = ModelFile.load(s.model, AutoencoderModel.DENOISER);
		if (m.divNoising() == null) throw new BadInputException(s.model + " is not a DivNoising model: the spread to " +
			"calibrate is that of a denoiser trained with noisy method divnoising.");
		if (s.input == null || s.input.isEmpty() || s.target == null) throw new BadInputException("Give the noisy " +
			"images (--input) and their ground truth (--target), in the same order.");
		if (s.input.size() != s.target.size()) throw new BadInputException(s.input.size() + " noisy images but " + s
			.target.size() + " ground truth images: give one ground truth per noisy image, in the same order.");
		long total = 0, planes = 0;
		for (int i = 0; i < s.input.size(); i++) {
			final ImagePlus in = s.input.get(i), gt = s.target.get(i);
			if (in.getWidth() != gt.getWidth() || in.getHeight() != gt.getHeight() || in.getStackSize() != gt
				.getStackSize()) throw new BadInputException("Noisy image " + in.getTitle() + " is " + size(in) +
					" but its ground truth " + gt.getTitle() + " is " + size(gt) + ": give images of the same size, in " +
					"the same order.");
			total += (long) in.getWidth() * in.getHeight() * in.getStackSize();
			planes += in.getStackSize();
		}
		final int stride = (int) Math.max(1, (total + MAX_PIXELS - 1) / MAX_PIXELS);
		final float[] sds = new float[(int) (total / stride + planes)], errors = new float[sds.length];
		int n = 0;
		final DivNoisingSpec original = m.divNoising();
		m.network = original.withCalibration(1, 1); // the samples' own spread, in image units
		for (int i = 0; i < s.input.size(); i++) {
			task.log("[" + (i + 1) + "/" + s.input.size() + "] " + s.input.get(i).getTitle() + ": " + s.samples +
				" samples per plane");
			final UncertainImages.Result r = UncertainImages.sample(s.input.get(i), m, s.samples, false, s.seed, s
				.tileSize, s.threads, task);
			for (int p = 1; p <= r.mmse.getStackSize(); p++)
				n = errors((float[]) r.mmse.getStack().getPixels(p), (float[]) r.spread.getStack().getPixels(p), s.target
					.get(i).getStack().getProcessor(p).convertToFloatProcessor().getPixels(), stride, sds, errors, n, s
						.target.get(i).getTitle());
		}
		final SpreadCalibration fit = SpreadCalibration.fit(sds, errors, n);
		final double[] before = fit.ratios(original.spreadScale(), original.spreadPower()), after = fit.ratios(fit
			.scale(), fit.power());
		m.network = original.withCalibration(fit.scale(), fit.power()).validate();
		ModelFile.save(m, s.calibrated);
		return String.format(Locale.ROOT, "Calibrated spread = %.4g * sd^%.3f of the samples' sd (%d pixels, %d " +
			"samples per plane). Observed RMSE of the MMSE / predicted spread in %d bins of spread (1: calibrated): " +
			"before %s (%d within 25 %%), after %s (%d within 25 %%). Wrote %s", fit.scale(), fit.power(), n, s.samples,
			SpreadCalibration.BINS, SpreadCalibration.format(before), SpreadCalibration.within25(before),
			SpreadCalibration.format(after), SpreadCalibration.within25(after), s.calibrated);
	}

	/**
	 * Appends every {@code stride}-th pixel's spread and the error of the MMSE fitted to the truth, in the noisy image's
	 * units: with truth y = g x + c of the MMSE x (least squares), the error of x is (g x + c - y) / g.
	 */
	private static int errors(final float[] mmse, final float[] spread, final Object truth, final int stride,
		final float[] sds, final float[] errors, int n, final String title)
	{
		final float[] y = (float[]) truth;
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		final int len = mmse.length;
		for (int i = 0; i < len; i++) {
			sx += mmse[i];
			sy += y[i];
			sxx += (double) mmse[i] * mmse[i];
			sxy += (double) mmse[i] * y[i];
		}
		final double var = sxx - sx * sx / len, g = var > 0 ? (sxy - sx * sy / len) / var : 0, c = (sy - g * sx) / len;
		if (!(g > 0)) throw new BadInputException("Ground truth " + title + " does not follow the denoised image (its " +
			"fitted gain is " + String.format(Locale.ROOT, "%.3g", g) + "): give the clean version of each noisy image, " +
			"in the same order.");
		for (int i = 0; i < len && n < sds.length; i += stride, n++) {
			sds[n] = spread[i];
			errors[n] = (float) ((g * mmse[i] + c - y[i]) / g);
		}
		return n;
	}

	private static String size(final ImagePlus imp) {
		return imp.getWidth() + "x" + imp.getHeight() + "x" + imp.getStackSize();
	}
}
