package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.plugin.FileInfoVirtualStack;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.TiffStackWriter;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Denoising;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Denoises whole ImageJ images: single planes, stacks and hyperstacks, plane by plane ({@link Denoising} on the
 * image's {@link AxisImages#wrap wrapped} pixels, no copies). The result is 32-bit, in the input's intensity units,
 * with the same dimensions and calibration and the title with a suffix.
 * <p>
 * Stacks of any size: {@link #denoisePlanes} reads one plane at a time (a virtual stack reads it from disk then) and
 * hands each result on before reading the next, and {@link #denoiseToTiff} writes them to a TIFF as they come, so
 * memory holds a few planes whatever the stack's length. A virtual stack given to {@link #denoise} is denoised that way
 * into a TIFF file, which comes back opened as a virtual stack.
 */
public final class ImageDenoising {

	public static final String SUFFIX = "-denoised";

	private ImageDenoising() {}

	/**
	 * The denoised image. A virtual stack (more than one plane) is never read into memory: its planes are denoised one
	 * at a time into a 32-bit TIFF file ({@link #resultFile}: beside the stack's file, or in the temporary folder)
	 * that comes back as a virtual stack; its file is {@code getOriginalFileInfo()}'s.
	 *
	 * @param denoisers one denoiser for all channels, or one per channel (in channel order)
	 * @param monitor progress counts tiles over the whole image; cancellation is checked between tiles
	 */
	public static ImagePlus denoise(final ImagePlus imp, final List<Denoiser> denoisers,
		final PredictionMonitor monitor)
	{
		checkChannels(imp, denoisers);
		if (imp.getStack().isVirtual() && imp.getStackSize() > 1 && !volumetric(denoisers)) {
			final File file = resultFile(imp);
			denoiseToTiff(imp, denoisers, file, monitor);
			final ImagePlus result = ImageFiles.openVirtual(file);
			result.setTitle(title(imp.getTitle()));
			return result;
		}
		return inMemory(imp, denoisers, monitor);
	}

	/** The whole image denoised at once: 3D networks need whole Z stacks (XYZ blocks), not planes. */
	private static ImagePlus inMemory(final ImagePlus imp, final List<Denoiser> denoisers,
		final PredictionMonitor monitor)
	{
		final AxisImage<FloatType> out = Denoising.denoise(AxisImages.wrap(imp), denoisers, monitor);
		final ImagePlus result = AxisImages.toImagePlus(title(imp.getTitle()), out);
		ImagePlanes.copyCalibration(imp, result);
		return result;
	}

	/** True when a denoiser is a 3D network, which sees Z stacks whole and so cannot stream plane by plane. */
	private static boolean volumetric(final List<Denoiser> denoisers) {
		return denoisers.stream().anyMatch(d -> d.axes().contains(sc.fiji.autoencoders.image.Axis.Z));
	}

	/**
	 * Denoises the image plane by plane into a 32-bit TIFF (stack or hyperstack) with its dimensions and calibration,
	 * written as the planes come ({@link TiffStackWriter}); the file appears under its name when complete.
	 *
	 * @return the number of pixels written
	 * @throws PredictionMonitor.CancelledException if cancelled (no file is left)
	 */
	public static long denoiseToTiff(final ImagePlus imp, final List<Denoiser> denoisers, final File out,
		final PredictionMonitor monitor)
	{
		checkChannels(imp, denoisers);
		try (TiffStackWriter writer = new TiffStackWriter(out, imp.getWidth(), imp.getHeight(), 32, imp
			.getNChannels(), imp.getNSlices(), imp.getNFrames(), imp.getCalibration()))
		{
			if (volumetric(denoisers)) {
				final ImageStack planes = inMemory(imp, denoisers, monitor).getStack();
				for (int i = 1; i <= planes.getSize(); i++)
					writer.write((float[]) planes.getPixels(i));
			}
			else denoisePlanes(imp, denoisers, writer::write, monitor);
			return pixels(imp);
		}
	}

	/**
	 * Denoises every plane in stack order (for hyperstacks: channel fastest, then slice, then frame), each with its
	 * channel's denoiser, handing each result to {@code planes} before the next plane is read. The array handed on is
	 * reused for the next plane: copy it to keep it.
	 *
	 * @throws BadInputException if the image is RGB or empty, or the denoisers fit neither all channels nor each
	 * @throws PredictionMonitor.CancelledException if cancelled
	 */
	public static void denoisePlanes(final ImagePlus imp, final List<Denoiser> denoisers,
		final Consumer<float[]> planes, final PredictionMonitor monitor)
	{
		checkChannels(imp, denoisers);
		ImagePlanes.checkNotRgb(imp);
		if (denoisers.get(0).channels() > 1) {
			denoiseChannelGroups(imp, denoisers.get(0), planes, monitor);
			return;
		}
		final ImageStack stack = imp.getStack();
		final int n = stack.getSize(), w = imp.getWidth(), h = imp.getHeight(), channels = imp.getNChannels();
		final long[] units = new long[denoisers.size()];
		for (int k = 0; k < units.length; k++)
			units[k] = denoisers.get(k).workUnits(w, h);
		final long total = totalWork(units, channels, n);
		final float[] out = new float[w * h];
		long base = 0;
		for (int i = 1; i <= n; i++) {
			if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
			final ImageProcessor ip = stack.getProcessor(i);
			if (ip.getWidth() != w || ip.getHeight() != h) {
				throw new BadInputException("Plane " + i + " of '" + imp.getTitle() + "' is " + ip.getWidth() + "x" + ip
					.getHeight() + ", not " + w + "x" + h + " like the image.");
			}
			final int k = channelOf(i, channels, denoisers.size());
			denoise(denoisers.get(k), AxisImages.wrapPlane(ip), out, w, h, offset(monitor, base, total));
			planes.accept(out);
			base += units[k];
		}
	}

	/**
	 * {@link #denoisePlanes} for a model of channels trained jointly: the planes of all channels of one slice and frame
	 * (consecutive in stack order) are read, denoised together and handed on in channel order before the next are
	 * read. Each array handed on is reused for the next group.
	 */
	private static void denoiseChannelGroups(final ImagePlus imp, final Denoiser d, final Consumer<float[]> planes,
		final PredictionMonitor monitor)
	{
		final ImageStack stack = imp.getStack();
		final int n = stack.getSize(), w = imp.getWidth(), h = imp.getHeight(), c = imp.getNChannels();
		final long units = d.workUnits(w, h, c), total = units * (n / c);
		final float[][] out = new float[c][w * h];
		final List<RandomAccessibleInterval<FloatType>> outs = new java.util.ArrayList<>();
		for (final float[] o : out)
			outs.add(ArrayImgs.floats(o, w, h));
		long base = 0;
		for (int i = 1; i <= n; i += c) {
			if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
			final List<RandomAccessibleInterval<FloatType>> ins = new java.util.ArrayList<>();
			for (int k = 0; k < c; k++) {
				final ImageProcessor ip = stack.getProcessor(i + k);
				if (ip.getWidth() != w || ip.getHeight() != h) throw new BadInputException("Plane " + (i + k) + " of '" +
					imp.getTitle() + "' is " + ip.getWidth() + "x" + ip.getHeight() + ", not " + w + "x" + h +
					" like the image.");
				ins.add(floats(AxisImages.wrapPlane(ip)));
			}
			d.denoise(Views.stack(ins), Views.stack(outs), offset(monitor, base, total));
			for (final float[] o : out)
				planes.accept(o);
			base += units;
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<FloatType> floats(final AxisImage<?> plane) {
		final RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>> data = (RandomAccessibleInterval)
			plane.data();
		return net.imglib2.converter.Converters.convert((RandomAccessibleInterval) data, (a, b) -> ((FloatType) b).set(
			((net.imglib2.type.numeric.RealType<?>) a).getRealFloat()), new FloatType());
	}

	/** Pixels of the whole image (long: stacks may hold 2^31 pixels and more). */
	public static long pixels(final ImagePlus imp) {
		return (long) imp.getWidth() * imp.getHeight() * imp.getStackSize();
	}

	/**
	 * The index (0-based) of the denoiser for stack position {@code index} (1-based, ImageJ's order: channel fastest)
	 * of an image with {@code channels} channels, given {@code denoisers} models (one for all, or one per channel).
	 */
	static int channelOf(final int index, final int channels, final int denoisers) {
		return denoisers == 1 ? 0 : (index - 1) % channels;
	}

	/**
	 * Progress units of a whole stack of {@code planes} planes (in channel order) whose planes cost {@code units[k]}
	 * with denoiser {@code k}: long, whatever the stack's length.
	 */
	static long totalWork(final long[] units, final int channels, final int planes) {
		long total = 0;
		for (int i = 1; i <= planes; i++)
			total += units[channelOf(i, channels, units.length)];
		return total;
	}

	/**
	 * Where {@link #denoise} writes the result of a virtual stack: {@code NAME-denoised.tif} beside the stack's TIFF
	 * file, or beside the folder of a stack of one file per plane (not into it, where it would join the planes), when
	 * that folder is known and writable ({@code NAME-denoised-2.tif} and so on if taken); else a new file in the
	 * temporary folder that is deleted when Java exits.
	 */
	static File resultFile(final ImagePlus imp) {
		final String name = title(baseTitle(imp.getTitle()) + ".tif");
		final ImageStack stack = imp.getStack();
		final String dir = stack instanceof VirtualStack ? ((VirtualStack) stack).getDirectory() : null;
		if (dir != null && !dir.isEmpty()) {
			File folder = new File(dir).getAbsoluteFile();
			if (!(stack instanceof FileInfoVirtualStack)) folder = folder.getParentFile();
			if (folder != null && folder.isDirectory() && folder.canWrite()) {
				final String stem = name.substring(0, name.length() - 4);
				File f = new File(folder, name);
				for (int i = 2; f.exists(); i++)
					f = new File(folder, stem + "-" + i + ".tif");
				return f;
			}
		}
		try {
			final File f = File.createTempFile(name.substring(0, name.length() - 4) + "-", ".tif");
			f.deleteOnExit();
			return f;
		}
		catch (final java.io.IOException e) {
			throw new BadInputException("Cannot create a file for the denoised stack in the temporary folder " + System
				.getProperty("java.io.tmpdir") + " (" + e.getMessage() + "): free some disk space, or save the stack " +
				"into a writable folder and open it as a virtual stack from there.", e);
		}
	}

	/** "cells.tif" becomes "cells-denoised.tif". */
	public static String title(final String title) {
		final String t = title == null || title.isEmpty() ? "image" : title;
		final int dot = t.lastIndexOf('.');
		if (dot > 0 && t.length() - dot <= 5) return t.substring(0, dot) + SUFFIX + t.substring(dot);
		return t + SUFFIX;
	}

	// -- Helper methods --

	private static String baseTitle(final String title) {
		final String t = title == null || title.isEmpty() ? "image" : title.replaceAll("[/\\\\:]", "_");
		final int dot = t.lastIndexOf('.');
		return dot > 0 && t.length() - dot <= 5 ? t.substring(0, dot) : t;
	}

	private static void checkChannels(final ImagePlus imp, final List<Denoiser> denoisers) {
		if (imp == null) throw new BadInputException("No image to denoise: open an image first, or name one.");
		final int channels = imp.getNChannels();
		final int joint = denoisers.stream().mapToInt(Denoiser::channels).max().orElse(1);
		if (joint > 1 && (denoisers.size() != 1 || channels != joint)) throw new BadInputException("Image '" + imp
			.getTitle() + "' has " + channels + " channel" + (channels == 1 ? "" : "s") + " but the model denoises " +
			joint + " channels jointly (trained with channels joint): give it an image of " + joint + " channels, in " +
			"the order it was trained on (Image > Color > Merge Channels...), with no other model, or use a " +
			"single-channel model.");
		if (denoisers.size() != 1 && denoisers.size() != channels) {
			throw new BadInputException("Image '" + imp.getTitle() + "' has " + channels + " channels but " + denoisers
				.size() + " models were given: give one model for all channels or one per channel.");
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void denoise(final Denoiser d, final AxisImage<?> in, final float[] out, final int w, final int h,
		final PredictionMonitor monitor)
	{
		d.denoise((RandomAccessibleInterval) in.data(), ArrayImgs.floats(out, w, h), monitor);
	}

	private static PredictionMonitor offset(final PredictionMonitor monitor, final long base, final long total) {
		return new PredictionMonitor() {

			@Override
			public void progress(final long done, final long t) {
				monitor.progress(base + done, total);
			}

			@Override
			public boolean isCancelled() {
				return monitor.isCancelled();
			}
		};
	}
}
