package sc.fiji.autoencoders.io;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/**
 * Conversions between ImageJ images and the float planes and volumes the networks work on: planes in stack order,
 * the planes of one channel, Z volumes, and 32-bit images or hyperstacks made from planes.
 */
public final class ImagePlanes {

	private ImagePlanes() {}

	/**
	 * Every 2D plane of the image as floats, in stack order (for hyperstacks: channel fastest, then slice, then frame).
	 * Values are the raw pixel values (0-255, 0-65535 or float); calibration functions are not applied.
	 *
	 * @throws BadInputException if the image is RGB
	 */
	public static List<Plane> planes(final ImagePlus imp) {
		checkNotRgb(imp);
		final ImageStack stack = imp.getStack();
		final List<Plane> out = new ArrayList<>(stack.getSize());
		for (int i = 1; i <= stack.getSize(); i++) out.add(toPlane(stack.getProcessor(i)));
		return out;
	}

	/**
	 * The planes of one channel (1-based) in slice-then-frame order.
	 *
	 * @throws BadInputException if the image is RGB or has no such channel
	 */
	public static List<Plane> planesOfChannel(final ImagePlus imp, final int channel) {
		checkChannel(imp, channel);
		final ImageStack stack = imp.getStack();
		final List<Plane> out = new ArrayList<>();
		for (int t = 1; t <= imp.getNFrames(); t++) {
			for (int z = 1; z <= imp.getNSlices(); z++) {
				out.add(toPlane(stack.getProcessor(imp.getStackIndex(channel, z, t))));
			}
		}
		return out;
	}

	/**
	 * Throws unless the image is grayscale and has channel {@code channel} (1-based).
	 *
	 * @throws BadInputException if the image is RGB or has no such channel
	 */
	static void checkChannel(final ImagePlus imp, final int channel) {
		checkNotRgb(imp);
		final int channels = imp.getNChannels();
		if (channel < 1 || channel > channels) {
			throw new BadInputException("Image '" + imp.getTitle() + "' has " + channels + " channel" + (channels == 1
				? "" : "s") + ", so channel " + channel + " does not exist. Choose a channel from 1 to " + channels + ".");
		}
	}

	/**
	 * The Z stacks of the image for a 3D network: one volume per channel and time point (channel {@code channel}'s only,
	 * 1-based, or every channel's for 0), channel fastest, then frame. The planes are copies as floats.
	 *
	 * @throws BadInputException if the image is RGB or has no such channel
	 */
	public static List<Volume> volumes(final ImagePlus imp, final int channel) {
		checkNotRgb(imp);
		final List<Volume> out = new ArrayList<>();
		final int slices = imp.getNSlices();
		if (channel != 0) return Volume.of(planesOfChannel(imp, channel), slices);
		final List<List<Volume>> perChannel = new ArrayList<>();
		for (int c = 1; c <= imp.getNChannels(); c++)
			perChannel.add(Volume.of(planesOfChannel(imp, c), slices));
		for (int t = 0; t < imp.getNFrames(); t++)
			for (final List<Volume> c : perChannel)
				out.add(c.get(t));
		return out;
	}

	/**
	 * The voxel depth divided by the pixel width, from the calibration: how much coarser Z is than X. 1 when the image
	 * is not spatially calibrated or Z and X have different units (nothing is known).
	 */
	public static double zAnisotropy(final ImagePlus imp) {
		final ij.measure.Calibration cal = imp.getCalibration();
		if (cal == null || !(cal.pixelWidth > 0) || !(cal.pixelDepth > 0)) return 1;
		final String x = cal.getXUnit(), z = cal.getZUnit();
		if (x == null || z == null || !x.equals(z) || x.equals("pixel") || x.isEmpty()) return 1;
		final double a = cal.pixelDepth / cal.pixelWidth;
		return Double.isFinite(a) && a > 0 ? a : 1;
	}

	public static void checkNotRgb(final ImagePlus imp) {
		if (imp == null) throw new BadInputException("No image given: open an image first.");
		if (imp.getStackSize() == 0 || imp.getStack().getSize() == 0) throw new BadInputException((imp.getTitle() ==
			null || imp.getTitle().isEmpty() || imp.getTitle().equals("null") ? "The image" : "Image '" + imp.getTitle() + "'") +
			" holds no pixels (an empty image or stack): open or create an image with content first.");
		if (imp.getBitDepth() == 24) {
			throw new BadInputException("Image '" + imp.getTitle() + "' is RGB; convert it to 8-bit grayscale or split " +
				"channels (Image > Type / Image > Color > Split Channels) first.");
		}
	}

	private static Plane toPlane(final ImageProcessor ip) {
		final int n = ip.getWidth() * ip.getHeight();
		final float[] out = new float[n];
		final Object pixels = ip.getPixels();
		if (pixels instanceof float[]) System.arraycopy(pixels, 0, out, 0, n);
		else for (int i = 0; i < n; i++) out[i] = ip.getf(i); // unsigned values for 8 and 16 bit
		return new Plane(ip.getWidth(), ip.getHeight(), out);
	}

	/**
	 * A 32-bit image or hyperstack from planes in stack order (channel fastest, then slice, then frame). The image shares
	 * the planes' pixel arrays. Its display range spans all finite values.
	 *
	 * @throws IllegalArgumentException if the number of planes is not {@code channels * slices * frames} or sizes differ
	 */
	public static ImagePlus toImagePlus(final String title, final List<Plane> planes, final int channels,
		final int slices, final int frames)
	{
		if (channels < 1 || slices < 1 || frames < 1 || planes.size() != (long) channels * slices * frames) {
			throw new IllegalArgumentException(planes.size() + " planes do not fill " + channels + " channels x " +
				slices + " slices x " + frames + " frames");
		}
		final int w = planes.get(0).width();
		final int h = planes.get(0).height();
		final ImageStack stack = new ImageStack(w, h);
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (final Plane p : planes) {
			if (p.width() != w || p.height() != h) {
				throw new IllegalArgumentException("Planes differ in size: " + w + "x" + h + " vs " + p.width() + "x" + p
					.height());
			}
			for (final float v : p.pixels()) {
				if (Float.isFinite(v)) {
					if (v < min) min = v;
					if (v > max) max = v;
				}
			}
			stack.addSlice(new FloatProcessor(w, h, p.pixels()));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(channels, slices, frames);
		if (channels > 1 || (slices > 1 && frames > 1)) imp.setOpenAsHyperStack(true);
		if (min <= max) imp.setDisplayRange(min, max);
		return imp;
	}

	/** Copies pixel size, units, origin and frame interval from one image to another (no-op if {@code from} is null). */
	public static void copyCalibration(final ImagePlus from, final ImagePlus to) {
		if (from == null || to == null) return;
		to.setCalibration(from.getCalibration().copy());
	}
}
