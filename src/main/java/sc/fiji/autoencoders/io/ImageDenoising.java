package sc.fiji.autoencoders.io;

import sc.fiji.autoencoders.predict.PredictionMonitor;

import sc.fiji.autoencoders.predict.Denoiser;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;

/**
 * Denoises whole ImageJ images: single planes, stacks and hyperstacks, plane by plane. The result is 32-bit, in the
 * input's intensity units, with the same dimensions and calibration and the title with a suffix.
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
		final List<Plane> planes = ImageFiles.planes(imp);
		final Denoiser first = denoisers.get(0);
		final long tilesPerPlane = first.tiler().tileCount(imp.getWidth(), imp.getHeight());
		final long total = tilesPerPlane * planes.size();
		final List<Plane> out = new ArrayList<>(planes.size());
		for (int i = 0; i < planes.size(); i++) {
			// stack order is channel fastest, so plane i belongs to channel i % channels
			final Denoiser d = denoisers.size() == 1 ? first : denoisers.get(i % channels);
			final long base = i * tilesPerPlane;
			out.add(d.denoise(planes.get(i), new PredictionMonitor() {

				@Override
				public void progress(final long done, final long t) {
					monitor.progress(base + done, total);
				}

				@Override
				public boolean isCancelled() {
					return monitor.isCancelled();
				}
			}));
		}
		final ImagePlus result = ImageFiles.toImagePlus(title(imp.getTitle()), out, channels, imp.getNSlices(), imp
			.getNFrames());
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
