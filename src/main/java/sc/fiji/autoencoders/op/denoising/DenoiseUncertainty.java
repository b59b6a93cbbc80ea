package sc.fiji.autoencoders.op.denoising;

import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/**
 * Denoising with uncertainty by a DivNoising model: one hyperstack whose channel 1 is the MMSE estimate (the mean of K
 * posterior samples), channel 2 the spread (the per-pixel standard deviation of the clean signal, in image units,
 * calibrated on the model's validation patches so that it predicts the MMSE's root mean squared error), then the
 * samples when kept.
 */
@Plugin(type = Operation.class, name = "denoise-uncertainty", label = "Denoise with Uncertainty...", priority = 85,
	menuPath = "Plugins>Autoencoders>Denoise>Denoise with Uncertainty...",
	description = "Denoise an image or stack with a DivNoising model and show how sure it is: channel 1 the MMSE " +
		"estimate of K posterior samples, channel 2 the calibrated spread (standard deviation of the clean signal, " +
		"image units), then the samples if kept.")
public final class DenoiseUncertainty implements Operation<DenoiseUncertaintySettings, ImagePlus> {

	@Override
	public Class<DenoiseUncertaintySettings> settingsType() {
		return DenoiseUncertaintySettings.class;
	}

	@Override
	public void check(final DenoiseUncertaintySettings s) {
		UncertainImages.checkSamples(s.samples);
		if (s.model == null) throw new BadInputException("No model given: choose a DivNoising model file (.aemodel), " +
			"trained with noisy method divnoising.");
	}

	@Override
	public ImagePlus run(final DenoiseUncertaintySettings s, final Task task) {
		if (s.image == null) throw new BadInputException("No image to denoise: open a noisy image or stack first.");
		final long t0 = System.nanoTime();
		final AutoencoderModel model = ModelFile.load(s.model, AutoencoderModel.DENOISER);
		final UncertainImages.Result r = UncertainImages.sample(s.image, model, s.samples, s.keepSamples, s.seed,
			s.tileSize, s.threads, task);
		final int planes = s.image.getStackSize(), k = s.keepSamples ? s.samples : 0, c = 2 + k;
		final ImageStack st = new ImageStack(s.image.getWidth(), s.image.getHeight());
		for (int p = 1; p <= planes; p++) { // channels fastest, as ImageJ orders a hyperstack
			st.addSlice("MMSE", r.mmse.getStack().getProcessor(p));
			st.addSlice("spread", r.spread.getStack().getProcessor(p));
			for (int i = 1; i <= k; i++)
				st.addSlice("sample " + i, r.samples.getStack().getProcessor((p - 1) * k + i));
		}
		final ImagePlus out = new ImagePlus(r.mmse.getTitle().replaceFirst("-mmse$", "") + "-uncertainty", st);
		out.setCalibration(s.image.getCalibration().copy());
		out.setDimensions(c, s.image.getNSlices(), s.image.getNFrames());
		out.setOpenAsHyperStack(true);
		task.log(String.format("Denoised %s with %d samples per plane in %.1f s (channel 1: MMSE, 2: spread%s)", s.image
			.getTitle(), s.samples, (System.nanoTime() - t0) / 1e9, k > 0 ? ", then the samples" : ""));
		return out;
	}
}
