package sc.fiji.autoencoders.predict;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;

/**
 * Denoises whole {@link AxisImage}s block by block: a 2D network sees every XY plane (each channel, slice and frame),
 * a 3D network every XYZ volume; a network of channels trained jointly sees all channels of each plane (XYC) or volume
 * (XYZC) at once. Blocks are views of the image, and results are written through views of the output,
 * so nothing is copied but the tiles.
 */
public final class Denoising {

	private Denoising() {}

	/**
	 * Denoises {@code image} into a new 32-bit image with the same axes, dimensions and spacings, in the input's
	 * intensity units.
	 *
	 * @param denoisers one denoiser for all channels, or one per channel (in channel order); all for the same axes
	 * @param monitor progress counts tiles over the whole image; cancellation is checked between tiles
	 * @throws BadInputException if the image lacks an axis the network needs, or the number of denoisers fits
	 *           neither one for all channels nor one per channel
	 */
	public static <T extends RealType<T>> AxisImage<FloatType> denoise(final AxisImage<T> image,
		final List<Denoiser> denoisers, final PredictionMonitor monitor)
	{
		final RandomAccessibleInterval<T> in = image.data();
		RandomAccessibleInterval<FloatType> out = PlanarImgs.floats(in.dimensionsAsLongArray());
		if (!Views.isZeroMin(in)) out = Views.translate(out, in.minAsLongArray());
		final AxisImage<FloatType> result = image.withData(out);
		denoise(image, denoisers, result, monitor);
		return result;
	}

	/**
	 * As above, into {@code out} (the same axes and dimensions as {@code image}; its previous content is overwritten).
	 */
	public static <T extends RealType<T>> void denoise(final AxisImage<T> image, final List<Denoiser> denoisers,
		final AxisImage<FloatType> out, final PredictionMonitor monitor)
	{
		if (denoisers == null || denoisers.isEmpty()) throw new IllegalArgumentException("No denoiser given");
		if (!image.axes().equals(out.axes()) || !Intervals.equalDimensions(image.data(), out.data())) {
			throw new IllegalArgumentException("Output " + out + " does not match input " + image);
		}
		final long channels = image.size(Axis.C);
		final int joint = denoisers.stream().mapToInt(Denoiser::channels).max().orElse(1);
		if (joint > 1 && (denoisers.size() != 1 || channels != joint)) throw new BadInputException("The image has " +
			channels + " channel" + (channels == 1 ? "" : "s") + " but the model denoises " + joint + " channels " +
			"jointly (trained with channels joint): give it an image of " + joint + " channels, in the order it was " +
			"trained on (Image > Color > Merge Channels...), with no other model, or use a single-channel model.");
		final List<Axis> blockAxes = denoisers.get(0).axes();
		for (final Denoiser d : denoisers)
			if (!d.axes().equals(blockAxes)) throw new IllegalArgumentException("Denoisers for different axes");
		for (final Axis a : blockAxes) {
			if (!image.has(a)) {
				throw new BadInputException("The image " + image.axes() + " has no " + a + " axis, which the " +
					(blockAxes.contains(Axis.Z) ? 3 : 2) + "D denoiser needs " + blockAxes + (a == Axis.Z ? ": give it a Z stack (Image > " +
						"Properties... tells slices from frames), or use a 2D model." : "."));
			}
		}
		if (denoisers.size() != 1 && denoisers.size() != channels) {
			throw new BadInputException("The image has " + channels + " channels but " + denoisers.size() + " models " +
				"were given: give one model for all channels or one per channel.");
		}

		// the other dimensions, lowest first: their positions enumerate the blocks (for XYCZT: channel fastest)
		final List<Integer> outer = new ArrayList<>();
		for (int d = 0; d < image.numDimensions(); d++)
			if (!blockAxes.contains(image.axes().get(d))) outer.add(d);
		final long[] counts = new long[outer.size()];
		long blocks = 1;
		for (int i = 0; i < counts.length; i++)
			blocks *= counts[i] = image.data().dimension(outer.get(i));
		final int channelIndex = outer.indexOf(image.dimensionOf(Axis.C));

		final long[] blockDims = new long[blockAxes.size()];
		for (int i = 0; i < blockDims.length; i++)
			blockDims[i] = image.size(blockAxes.get(i));
		long total = 0;
		final long[] units = new long[denoisers.size()];
		if (joint > 1) total = (units[0] = denoisers.get(0).workUnits(blockDims)) * blocks;
		else for (int c = 0; c < channels; c++) {
			final int k = denoisers.size() == 1 ? 0 : c;
			units[k] = denoisers.get(k).workUnits(blockDims);
			total += units[k] * (blocks / channels);
		}
		final long sum = total;

		final long[] position = new long[outer.size()];
		long base = 0;
		for (long b = 0; b < blocks; b++) {
			final int k = denoisers.size() == 1 || channelIndex < 0 ? 0 : (int) position[channelIndex];
			final long offset = base;
			denoisers.get(k).denoise(block(image.data(), image.axes(), outer, position, blockAxes), block(out.data(), out
				.axes(), outer, position, blockAxes), new PredictionMonitor() {

					@Override
					public void progress(final long done, final long t) {
						monitor.progress(offset + done, sum);
					}

					@Override
					public boolean isCancelled() {
						return monitor.isCancelled();
					}
				});
			base += units[k];
			for (int i = 0; i < position.length; i++) {
				if (++position[i] < counts[i]) break;
				position[i] = 0;
			}
		}
	}

	// -- Helper methods --

	/**
	 * The block at {@code position} (along the {@code outer} dimensions), its dimensions in the order of
	 * {@code blockAxes}: a view, not a copy.
	 */
	private static <U> RandomAccessibleInterval<U> block(final RandomAccessibleInterval<U> data, final List<Axis> axes,
		final List<Integer> outer, final long[] position, final List<Axis> blockAxes)
	{
		RandomAccessibleInterval<U> v = data;
		// highest dimension first, so that the lower ones keep their index
		for (int i = outer.size() - 1; i >= 0; i--) {
			final int d = outer.get(i);
			v = Views.hyperSlice(v, d, data.min(d) + position[i]);
		}
		final List<Axis> order = new ArrayList<>();
		for (final Axis a : axes)
			if (blockAxes.contains(a)) order.add(a);
		// swap dimensions into the network's order
		for (int i = 0; i < blockAxes.size(); i++) {
			final int j = order.indexOf(blockAxes.get(i));
			if (j != i) {
				v = Views.permute(v, i, j);
				order.set(j, order.get(i));
				order.set(i, blockAxes.get(i));
			}
		}
		return v;
	}
}
