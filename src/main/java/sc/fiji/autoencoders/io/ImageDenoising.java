package sc.fiji.autoencoders.io;

import java.util.List;

import ij.ImagePlus;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Denoising;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Denoises whole ImageJ images: single planes, stacks and hyperstacks, plane by plane ({@link Denoising} on the
 * image's {@link AxisImages#wrap wrapped} pixels, no copies). The result is 32-bit, in the input's intensity units,
 * with the same dimensions and calibration and the title with a suffix.
 */
public final class ImageDenoising {

	public static final String SUFFIX = "-denoised";

	private ImageDenoising() {}

	/**
	 * @param denoisers one denoiser for all channels, or one per channel (in channel order)
	 * @param monitor progress counts tiles over the whole image; cancellation is checked between tiles
	 */
	public static ImagePlus denoise(final ImagePlus imp, final List<Denoiser> denoisers,
		final PredictionMonitor monitor)
	{
		if (imp == null) throw new BadInputException("No image to denoise: open an image first, or name one.");
		final int channels = imp.getNChannels();
		if (denoisers.size() != 1 && denoisers.size() != channels) {
			throw new BadInputException("Image '" + imp.getTitle() + "' has " + channels + " channels but " + denoisers
				.size() + " models were given: give one model for all channels or one per channel.");
		}
		final AxisImage<FloatType> out = Denoising.denoise(AxisImages.wrap(imp), denoisers, monitor);
		final ImagePlus result = AxisImages.toImagePlus(title(imp.getTitle()), out);
		ImageFiles.copyCalibration(imp, result);
		return result;
	}

	/** "cells.tif" becomes "cells-denoised.tif". */
	public static String title(final String title) {
		final String t = title == null || title.isEmpty() ? "image" : title;
		final int dot = t.lastIndexOf('.');
		if (dot > 0 && t.length() - dot <= 5) return t.substring(0, dot) + SUFFIX + t.substring(dot);
		return t + SUFFIX;
	}
}
