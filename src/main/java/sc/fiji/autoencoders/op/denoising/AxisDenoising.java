package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Spacing;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Crossing;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Denoising;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** Denoising ImgLib2 images with their axes, crossing into the isolated engine in Fiji (see {@link Engine#apply}). */
public final class AxisDenoising {

	private AxisDenoising() {}

	/**
	 * Denoises an n-dimensional image with one model: every XY plane (each channel, Z slice and time point), with the
	 * default tile size and no ensemble. See {@link #denoise(AxisImage, List, int, boolean, PredictionMonitor)}.
	 */
	public static <T extends RealType<T>> AxisImage<FloatType> denoise(final AxisImage<T> image, final File model) {
		return denoise(image, List.of(model), Denoiser.DEFAULT_TILE, false, PredictionMonitor.NONE);
	}

	/**
	 * Denoises an n-dimensional image: every block of the axes the models' networks convolve over (XY planes: each
	 * channel, Z slice and time point separately). The input is only read; the result is a new 32-bit image with the
	 * same axes, dimensions and spacings, in the input's intensity units. Non-finite pixels stay as they are. In
	 * Fiji, where TensorFlow runs in its own class loader (see {@link Engine}), the call crosses into it; the pixels
	 * are not copied either way.
	 *
	 * @param image e.g. {@code AxisImages.wrap(imagePlus)}, or any ImgLib2 image with its axes
	 * @param models one denoiser model file for all channels, or one per channel in channel order
	 * @param tileSize largest tile side in pixels (smaller uses less memory; {@link Denoiser#DEFAULT_TILE})
	 * @param ensemble average the predictions of the 8 flips and quarter turns (8 times the work, slightly better)
	 * @param monitor progress in tiles over the whole image, and cancellation ({@link PredictionMonitor#NONE})
	 * @throws BadInputException if a model file is missing or not a denoiser, the image has no X or Y axis, or the
	 *           number of models fits neither one for all channels nor one per channel
	 * @throws PredictionMonitor.CancelledException if cancelled
	 */
	public static <T extends RealType<T>> AxisImage<FloatType> denoise(final AxisImage<T> image,
		final List<File> models, final int tileSize, final boolean ensemble, final PredictionMonitor monitor)
	{
		if (image == null) throw new BadInputException("No image to denoise: give an image first.");
		if (models == null || models.isEmpty() || models.stream().anyMatch(f -> f == null)) {
			throw new BadInputException("No model file given: choose a denoiser .aemodel file.");
		}
		final PredictionMonitor m = monitor == null ? PredictionMonitor.NONE : monitor;
		final List<String> axes = image.axes().stream().map(Axis::name).collect(Collectors.toList());
		final BiConsumer<Long, Long> progress = m::progress;
		final BooleanSupplier cancelled = m::isCancelled;
		final Object out;
		if (Engine.loader() == null) {
			out = denoiseBlocks(image.data(), axes, new ArrayList<>(models), tileSize, ensemble, progress, cancelled);
		}
		else {
			// in Fiji, TensorFlow lives in the engine's class loader: only ImgLib2 and JDK types cross over
			try {
				out = Engine.apply(BlockDenoising.class, new Object[] { image.data(), axes, new ArrayList<>(models), tileSize,
					ensemble, progress, cancelled });
			}
			catch (final RuntimeException e) {
				throw Crossing.sameKind(e);
			}
		}
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<FloatType> result = (RandomAccessibleInterval<FloatType>) out;
		return image.withData(result);
	}

	/**
	 * The work of {@link #denoise(AxisImage, List, int, boolean, PredictionMonitor)} where TensorFlow is, with input
	 * and result of types every class loader shares (see {@link Engine#apply}): {data, axes, models, tile size,
	 * ensemble, progress, cancelled}.
	 */
	public static final class BlockDenoising implements java.util.function.Function<Object[], Object> {

		@Override
		@SuppressWarnings("unchecked")
		public Object apply(final Object[] a) {
			return denoiseBlocks((RandomAccessibleInterval<?>) a[0], (List<String>) a[1], (List<File>) a[2], (Integer) a[3],
				(Boolean) a[4], (BiConsumer<Long, Long>) a[5], (BooleanSupplier) a[6]);
		}
	}

	/** See {@link BlockDenoising}. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RandomAccessibleInterval<FloatType> denoiseBlocks(final RandomAccessibleInterval<?> data,
		final List<String> axes, final List<File> models, final int tileSize, final boolean ensemble,
		final BiConsumer<Long, Long> progress, final BooleanSupplier cancelled)
	{
		if (!(data.getType() instanceof RealType)) {
			throw new BadInputException("Only images of real numbers can be denoised, not " + data.getType().getClass()
				.getSimpleName() + ".");
		}
		final List<Axis> a = axes.stream().map(Axis::valueOf).collect(Collectors.toList());
		final AxisImage<?> image = AxisImage.of((RandomAccessibleInterval) data, a, Collections.nCopies(a.size(),
			Spacing.UNCALIBRATED));
		final List<Denoiser> denoisers = load(models, tileSize, ensemble);
		try {
			return Denoising.denoise(image, denoisers, new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					progress.accept(done, total);
				}

				@Override
				public boolean isCancelled() {
					return cancelled.getAsBoolean();
				}
			}).data();
		}
		finally {
			denoisers.forEach(Denoiser::close);
		}
	}

	private static List<Denoiser> load(final List<File> models, final int tileSize, final boolean ensemble) {
		final List<Denoiser> denoisers = new ArrayList<>();
		try {
			for (final File f : models)
				denoisers.add(new Denoiser(ModelFile.load(f, AutoencoderModel.DENOISER), tileSize, 0).setEnsemble(
					ensemble));
			return denoisers;
		}
		catch (final RuntimeException e) {
			denoisers.forEach(Denoiser::close);
			throw e;
		}
	}
}
