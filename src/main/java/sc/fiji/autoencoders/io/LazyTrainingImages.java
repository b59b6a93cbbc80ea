package sc.fiji.autoencoders.io;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.train.TrainingImages;

/**
 * Training images read block by block ({@link LazyImages}) from images that may be larger than memory: OME-Zarr images
 * ({@link ZarrStack}) and virtual stacks. Planes and Z stacks come in the order {@link AxisImages#planes},
 * {@link AxisImages#planesOfChannel} and {@link AxisImages#volumes} give for images in memory, so that a file trains
 * the same way opened lazily or not (up to the normalization's sample, see {@link TrainingImages#isLazy}).
 */
public final class LazyTrainingImages {

	private LazyTrainingImages() {}

	/** Whether training reads {@code imp} block by block rather than copying it: a virtual stack (an OME-Zarr image). */
	public static boolean isLazy(final ImagePlus imp) {
		return imp != null && imp.getStack().isVirtual();
	}

	/**
	 * The images as training images read block by block: planes (2D) or Z stacks (3D, one per channel and time point)
	 * of {@code channel} (1-based), or of every channel pooled (0); with {@code joint}, each channel one input channel
	 * of the network.
	 *
	 * @throws BadInputException if an image is RGB, has no such channel, or (joint) its channels differ from the first's
	 */
	public static TrainingImages of(final List<ImagePlus> images, final int channel, final boolean threeD,
		final boolean joint)
	{
		final List<List<RandomAccessibleInterval<FloatType>>> perChannel = new ArrayList<>();
		if (!joint) {
			final List<RandomAccessibleInterval<FloatType>> all = new ArrayList<>();
			for (final ImagePlus imp : images)
				all.addAll(images(imp, channel, threeD));
			perChannel.add(all);
		}
		else {
			final int channels = images.get(0).getNChannels();
			for (int c = 1; c <= channels; c++) {
				final List<RandomAccessibleInterval<FloatType>> one = new ArrayList<>();
				for (final ImagePlus imp : images) {
					if (imp.getNChannels() != channels) throw new BadInputException("Image '" + imp.getTitle() + "' has " +
						imp.getNChannels() + " channels but '" + images.get(0).getTitle() + "' has " + channels + ": " +
						"channels joint trains one network on images of the same channels; give images of one channel " +
						"count, or pooled channels.");
					one.addAll(images(imp, c, threeD));
				}
				perChannel.add(one);
			}
		}
		return TrainingImages.lazy(threeD ? 3 : 2, perChannel);
	}

	/** Planes or Z stacks of one image, in the order of {@link ImagePlanes}. */
	private static List<RandomAccessibleInterval<FloatType>> images(final ImagePlus imp, final int channel,
		final boolean threeD)
	{
		ImagePlanes.checkNotRgb(imp);
		final int channels = imp.getNChannels();
		if (channel < 0 || channel > channels) throw new BadInputException("Image '" + imp.getTitle() + "' has " +
			channels + " channel" + (channels == 1 ? "" : "s") + ", so channel " + channel + " does not exist. Choose " +
			"a channel from 1 to " + channels + ".");
		final RandomAccessibleInterval<FloatType>[][] stacks = LazyImages.of(imp); // [channel][frame], X, Y, Z
		final List<RandomAccessibleInterval<FloatType>> out = new ArrayList<>();
		final int first = channel == 0 ? 0 : channel - 1, last = channel == 0 ? channels - 1 : channel - 1;
		for (int t = 0; t < imp.getNFrames(); t++) {
			if (threeD) {
				for (int c = first; c <= last; c++)
					out.add(stacks[c][t]);
				continue;
			}
			// planes in stack order: channel fastest, then slice
			for (int z = 0; z < imp.getNSlices(); z++)
				for (int c = first; c <= last; c++)
					out.add(Views.hyperSlice(stacks[c][t], 2, z));
		}
		return out;
	}
}
