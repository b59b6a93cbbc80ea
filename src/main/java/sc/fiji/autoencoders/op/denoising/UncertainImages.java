package sc.fiji.autoencoders.op.denoising;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.DivNoisingDenoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Denoising with uncertainty of an image or stack by a DivNoising model, plane by plane: the MMSE, the calibrated spread
 * and (on request) the samples, each a 32-bit image of the input's calibration. Plane {@code i} of the input is sampled
 * with the seed {@code seed + i}, so a seed reproduces every output.
 */
final class UncertainImages {

	/** The MMSE and spread stacks (the input's dimensions) and the samples (null unless kept: K frames per plane). */
	static final class Result {

		final ImagePlus mmse, spread, samples;

		Result(final ImagePlus mmse, final ImagePlus spread, final ImagePlus samples) {
			this.mmse = mmse;
			this.spread = spread;
			this.samples = samples;
		}
	}

	private UncertainImages() {}

	/** Refuses what cannot be sampled, naming the fix. */
	static void checkSamples(final int samples) {
		if (samples < 1) throw new BadInputException("The number of samples must be at least 1 (2 or more for a " +
			"spread), not " + samples + ": e.g. 100 samples.");
	}

	static Result sample(final ImagePlus image, final AutoencoderModel model, final int samples, final boolean keep,
		final long seed, final int tileSize, final int threads, final PredictionMonitor monitor)
	{
		checkSamples(samples);
		if (image.getNChannels() > 1) throw new BadInputException(image.getTitle() + " has " + image.getNChannels() +
			" channels; a DivNoising model samples one: split the channels (Image > Color > Split Channels) and denoise " +
			"each with its own model.");
		final int w = image.getWidth(), h = image.getHeight(), n = image.getStackSize();
		final ImageStack mm = new ImageStack(w, h), sp = new ImageStack(w, h), sa = keep ? new ImageStack(w, h) : null;
		try (DivNoisingDenoiser d = new DivNoisingDenoiser(model, tileSize, threads)) {
			for (int i = 1; i <= n; i++) {
				if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
				final float[] px = (float[]) image.getStack().getProcessor(i).convertToFloatProcessor().getPixels();
				final DivNoisingDenoiser.Result r = d.sample(ArrayImgs.floats(px, w, h), samples, seed + i - 1, keep,
					PredictionMonitor.NONE);
				mm.addSlice(image.getStack().getSliceLabel(i), new FloatProcessor(w, h, storage(r.mmse)));
				sp.addSlice(image.getStack().getSliceLabel(i), new FloatProcessor(w, h, storage(r.spread)));
				if (sa != null) {
					final float[] all = storage(r.samples);
					for (int k = 0; k < samples; k++)
						sa.addSlice("sample " + (k + 1), new FloatProcessor(w, h, java.util.Arrays.copyOfRange(all, k * w * h,
							(k + 1) * w * h)));
				}
				monitor.progress(i, n);
			}
		}
		final String base = title(image);
		final ImagePlus mmse = like(image, base + "-mmse", mm), spread = like(image, base + "-spread", sp);
		ImagePlus kept = null;
		if (sa != null) {
			kept = new ImagePlus(base + "-samples", sa);
			kept.setCalibration(image.getCalibration().copy());
			kept.setDimensions(1, samples, n); // each plane's K samples as Z, the planes as frames
			if (n > 1) kept.setOpenAsHyperStack(true);
		}
		return new Result(mmse, spread, kept);
	}

	private static ImagePlus like(final ImagePlus image, final String title, final ImageStack stack) {
		final ImagePlus out = new ImagePlus(title, stack);
		out.setCalibration(image.getCalibration().copy());
		out.setDimensions(1, image.getNSlices(), image.getNFrames());
		if (image.isHyperStack()) out.setOpenAsHyperStack(true);
		return out;
	}

	private static String title(final ImagePlus image) {
		final String t = image.getTitle();
		final int dot = t.lastIndexOf('.');
		return dot > 0 ? t.substring(0, dot) : t;
	}

	private static float[] storage(final Img<FloatType> img) {
		return ((ArrayImg<FloatType, FloatArray>) img).update(null).getCurrentStorageArray();
	}
}
