package sc.fiji.autoencoders;

import sc.fiji.autoencoders.base.BadInputException;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Spacing;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.io.LatentTable;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.io.bioimageio.BioImageIoExport;
import sc.fiji.autoencoders.io.bioimageio.PackageInfo;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Pca;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Anomaly;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Denoising;
import sc.fiji.autoencoders.predict.Evaluation;
import sc.fiji.autoencoders.io.ImageDenoising;
import sc.fiji.autoencoders.predict.Montage;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.predict.ReceptiveFields;
import sc.fiji.autoencoders.predict.TileBudget;
import sc.fiji.autoencoders.predict.Sampling;
import sc.fiji.autoencoders.predict.Vae;
import sc.fiji.autoencoders.predict.VaeScores;
import sc.fiji.autoencoders.train.AbstractTrainer;
import sc.fiji.autoencoders.train.Corruption;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.TrainingListener;
import sc.fiji.autoencoders.train.TrainingMethod;
import sc.fiji.autoencoders.train.VaeTrainer;

/**
 * The operations behind every user-facing command, on ImageJ images and model files. The SciJava commands and the
 * ImageJ 1 commands are thin wrappers around these, so GUI, macro and headless runs share one code path. All methods
 * throw {@link BadInputException} for bad input.
 */
public final class Autoencoders {

	private Autoencoders() {}

	/**
	 * Trains a denoiser on every plane (or the planes of {@link TrainDenoiserSettings#channel}) of the images, in the
	 * settings' mode (clean images with the settings' noise, or noisy images by Noise2Void), and writes it to
	 * {@code out} after every improving epoch and at the end. Every front end trains through here.
	 *
	 * @param cancelHook receives the action that stops training and keeps the best model (Esc, Ctrl-C, a button)
	 */
	public static AutoencoderModel trainDenoiser(final List<ImagePlus> images, final TrainDenoiserSettings settings,
		final File out, final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		return trainDenoiser(images, null, settings, out, listener, cancelHook);
	}

	/**
	 * As above; in mode {@code pairs}, {@code targets.get(i)} is the target of {@code images.get(i)} (same size), and
	 * in the other modes {@code targets} must be null or empty.
	 */
	public static AutoencoderModel trainDenoiser(final List<ImagePlus> images, final List<ImagePlus> targets,
		final TrainDenoiserSettings settings, final File out, final TrainingListener listener,
		final Consumer<Runnable> cancelHook)
	{
		final TrainingMode mode = settings.trainingMode();
		if (images == null || images.isEmpty() || images.stream().anyMatch(i -> i == null)) throw new BadInputException(
			mode == TrainingMode.NOISY ? "No training image: open a noisy image or stack first, or name the files."
				: mode == TrainingMode.PAIRS ? "No training pairs: give the input images and their targets."
					: "No training image: open a clean image or stack first, or name the files.");
		if (out == null) throw new BadInputException("No model file to write: choose where to save the model.");
		final TrainingConfig config = settings.config();
		final TrainingMethod method = settings.method();
		final boolean joint = settings.jointChannels();
		final boolean hasTargets = targets != null && !targets.isEmpty();
		if (mode != TrainingMode.PAIRS && hasTargets) throw new BadInputException("Target images were given but the " +
			"mode is '" + mode + "': choose mode pairs to train on input/target pairs, or give no targets.");
		if (mode == TrainingMode.PAIRS) checkPairs(images, targets);
		final TrainingImages in = trainingImages(images, settings, joint);
		final NetworkSpec spec = settings.network(settings.dims == 3 ? ImageFiles.zAnisotropy(images.get(0)) : 1, in
			.channels());
		final AbstractTrainer<?> trainer = method.trainer(in, mode == TrainingMode.PAIRS ? trainingImages(targets,
			settings, joint) : null, spec, config, new MethodOptions(settings));
		return train(trainer, ModelKind.DENOISER, out, settings.resumeFrom, listener, cancelHook);
	}

	/**
	 * What the images give a trainer: planes (2D) or Z stacks (3D, one per channel and time point, see
	 * {@link ImageFiles#volumes}) of the settings' channel, or of all channels pooled into one; with {@code joint},
	 * each channel one input channel of the network (the images must then have the same channels).
	 */
	private static TrainingImages trainingImages(final List<ImagePlus> images, final TrainDenoiserSettings settings,
		final boolean joint)
	{
		final boolean threeD = settings.dims == 3;
		if (!joint) {
			final List<Plane> planes = new ArrayList<>();
			final List<Volume> volumes = new ArrayList<>();
			for (final ImagePlus imp : images)
				if (threeD) volumes.addAll(ImageFiles.volumes(imp, settings.channel));
				else planes.addAll(planes(imp, settings.channel));
			return threeD ? TrainingImages.volumes(volumes) : TrainingImages.planes(planes);
		}
		final int channels = images.get(0).getNChannels();
		final List<List<Plane>> planes = new ArrayList<>();
		final List<List<Volume>> volumes = new ArrayList<>();
		for (int c = 1; c <= channels; c++) {
			final List<Plane> p = new ArrayList<>();
			final List<Volume> v = new ArrayList<>();
			for (final ImagePlus imp : images) {
				if (imp.getNChannels() != channels) throw new BadInputException("Image '" + imp.getTitle() + "' has " +
					imp.getNChannels() + " channel" + (imp.getNChannels() == 1 ? "" : "s") + " but '" + images.get(0)
						.getTitle() + "' has " + channels + ": channels joint trains one network on images of the same " +
					"channels; give images of one channel count, or channels " + TrainDenoiserSettings.POOLED + ".");
				if (threeD) v.addAll(Volume.of(ImageFiles.planesOfChannel(imp, c), imp.getNSlices()));
				else p.addAll(ImageFiles.planesOfChannel(imp, c));
			}
			planes.add(p);
			volumes.add(v);
		}
		return threeD ? TrainingImages.jointVolumes(volumes) : TrainingImages.jointPlanes(planes);
	}

	private static List<Plane> planes(final ImagePlus imp, final int channel) {
		return channel == 0 ? ImageFiles.planes(imp) : ImageFiles.planesOfChannel(imp, channel);
	}

	/**
	 * One target per input, each of its input's size (width, height, channels, slices, frames).
	 *
	 * @throws BadInputException naming the first pair that does not match
	 */
	static void checkPairs(final List<ImagePlus> inputs, final List<ImagePlus> targets) {
		if (targets == null || targets.isEmpty() || targets.stream().anyMatch(t -> t == null)) throw new BadInputException(
			"No target images: mode pairs needs a target image or stack for each input (the clean or second noisy " +
				"acquisition of the same scene, the same size).");
		if (targets.size() != inputs.size()) throw new BadInputException("There are " + inputs.size() + " input " +
			"images but " + targets.size() + " target images: give exactly one target per input.");
		for (int i = 0; i < inputs.size(); i++) {
			final ImagePlus a = inputs.get(i), b = targets.get(i);
			if (!size(a).equals(size(b))) throw new BadInputException("Input image '" + a.getTitle() + "' is " + size(a) +
				" but its target '" + b.getTitle() + "' is " + size(b) + ": pairs must be registered images (or stacks) " +
				"of the same size.");
		}
	}

	/** e.g. "512x512" or "512x512, 2 channels, 10 slices". */
	private static String size(final ImagePlus imp) {
		return imp.getWidth() + "x" + imp.getHeight() + (imp.getNChannels() > 1 ? ", " + imp.getNChannels() +
			" channels" : "") + (imp.getNSlices() > 1 ? ", " + imp.getNSlices() + " slices" : "") + (imp
				.getNFrames() > 1 ? ", " + imp.getNFrames() + " frames" : "");
	}

	/**
	 * One-click denoising: trains Noise2Void on the noisy images themselves for the settings' time budget, then denoises
	 * each of them with that model, handing each result to {@code results}. The model goes to
	 * {@link SelfSupervisedSettings#saveModel}, or to a temporary file deleted afterwards. Cancelling training (the
	 * action given to {@code cancelHook}) keeps the best model so far and still denoises.
	 */
	public static void denoiseSelfSupervised(final List<ImagePlus> images, final SelfSupervisedSettings settings,
		final DenoiseSettings denoising, final TrainingListener listener, final Consumer<Runnable> cancelHook,
		final Consumer<ImagePlus> results, final PredictionMonitor monitor)
	{
		final File model = trainSelfSupervised(images, settings, listener, cancelHook);
		try {
			denoise(images, model, denoising, results, monitor);
		}
		finally {
			discardSelfSupervised(model, settings);
		}
	}

	/**
	 * The training half of {@link #denoiseSelfSupervised}: returns the model file, {@link SelfSupervisedSettings#saveModel}
	 * or a temporary one, which {@link #discardSelfSupervised} deletes once the images are denoised.
	 */
	public static File trainSelfSupervised(final List<ImagePlus> images, final SelfSupervisedSettings settings,
		final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		final File model = settings.saveModel != null ? settings.saveModel : temporaryModel();
		try {
			trainDenoiser(images, settings.training(), model, listener, cancelHook);
			return model;
		}
		catch (final RuntimeException e) {
			discardSelfSupervised(model, settings);
			throw e;
		}
	}

	/** Deletes the model of {@link #trainSelfSupervised} unless the settings asked to keep it. */
	public static void discardSelfSupervised(final File model, final SelfSupervisedSettings settings) {
		if (settings.saveModel != null || model == null) return;
		model.delete();
		model.getParentFile().delete();
	}

	/** As above for one image, stack or hyperstack, with the default denoising settings. */
	public static ImagePlus denoiseSelfSupervised(final ImagePlus image, final SelfSupervisedSettings settings,
		final TrainingListener listener, final Consumer<Runnable> cancelHook, final PredictionMonitor monitor)
	{
		if (image == null) throw new BadInputException("No image to denoise: open a noisy image or stack first.");
		final ImagePlus[] out = new ImagePlus[1];
		denoiseSelfSupervised(Collections.singletonList(image), settings, new DenoiseSettings(), listener, cancelHook,
			r -> out[0] = r, monitor);
		return out[0];
	}

	/** A model path in a new private temporary folder (no other process can race for the name). */
	private static File temporaryModel() {
		try {
			return new File(java.nio.file.Files.createTempDirectory("noise2void-").toFile(), "model.aemodel");
		}
		catch (final java.io.IOException e) {
			throw new BadInputException("Cannot create a temporary model file (" + e.getMessage() + "): choose where " +
				"to save the model (save_model).", e);
		}
	}

	/**
	 * Trains a denoiser on every plane of {@code clean} and writes it to {@code out} (also after every improving epoch).
	 *
	 * @param cancelHook receives the action that stops training (e.g. to bind it to Esc or a button)
	 */
	public static AutoencoderModel trainDenoiser(final ImagePlus clean, final String noise, final NetworkSpec spec,
		final TrainingConfig config, final File out, final File resume, final TrainingListener listener,
		final Consumer<Runnable> cancelHook)
	{
		return trainDenoiser(clean, 0, noise, spec, config, out, resume, listener, cancelHook);
	}

	/**
	 * As above, on the planes of one channel of a multichannel image ({@code channel} 1, 2, ...), so that each channel
	 * gets its own model (give them to {@link #denoise} as channel models); {@code channel} 0 trains one model on the
	 * planes of all channels.
	 */
	public static AutoencoderModel trainDenoiser(final ImagePlus clean, final int channel, final String noise,
		final NetworkSpec spec, final TrainingConfig config, final File out, final File resume,
		final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		if (clean == null) throw new BadInputException("No training image: open a clean image or stack first.");
		if (out == null) throw new BadInputException("No model file to write: choose where to save the model.");
		final DenoiserTrainer trainer = spec != null && spec.dims() == 3 ? DenoiserTrainer.volumes(ImageFiles.volumes(
			clean, channel), NoiseModels.parse(noise), spec, config) : new DenoiserTrainer(channel == 0 ? ImageFiles
				.planes(clean) : ImageFiles.planesOfChannel(clean, channel), NoiseModels.parse(noise), spec, config);
		return train(trainer, ModelKind.DENOISER, out, resume, listener, cancelHook);
	}

	/**
	 * Denoises an image, stack or hyperstack.
	 *
	 * @param channelModels comma-separated model files for channels 2, 3, ...; empty: {@code model} for all channels
	 */
	public static ImagePlus denoise(final ImagePlus image, final File model, final String channelModels,
		final int tileSize, final PredictionMonitor monitor)
	{
		final DenoiseSettings settings = new DenoiseSettings();
		settings.channelModels = channelModels == null ? "" : channelModels;
		settings.tileSize = tileSize;
		return denoise(image, model, settings, monitor);
	}

	/**
	 * Denoises each image with the model (and the settings' channel models), handing each result to {@code results}
	 * before the next image is read, so a folder of any size needs the memory of one image. The models are loaded once.
	 *
	 * @param images read lazily, one at a time
	 */
	public static void denoise(final Iterable<ImagePlus> images, final File model, final DenoiseSettings settings,
		final Consumer<ImagePlus> results, final PredictionMonitor monitor)
	{
		final List<Denoiser> denoisers = new ArrayList<>();
		try {
			for (final File f : modelFiles(model, settings.channelModels))
				denoisers.add(new Denoiser(ModelFile.load(f, AutoencoderModel.DENOISER), settings.tileSize,
					settings.threads).setEnsemble(settings.ensemble));
			for (final ImagePlus image : images)
				results.accept(ImageDenoising.denoise(image, denoisers, monitor));
		}
		finally {
			denoisers.forEach(Denoiser::close);
		}
	}

	/**
	 * Denoises each image into a 32-bit TIFF file, plane by plane: each plane is read (from disk, for a virtual stack
	 * such as {@link ImageFiles#openVirtual} or {@link ImageFiles#openFolderAsStack} give), denoised and written before
	 * the next is read, so a stack of any length, beyond 2^31 pixels or larger than memory, needs the memory of a few
	 * planes. The files open in ImageJ with the images' dimensions and calibration. The models are loaded once.
	 *
	 * @param images read lazily, one at a time
	 * @param target the output file of each image
	 * @param written told of each file once it is complete
	 * @param monitor progress in tiles of the current image, and cancellation (no partial file is left)
	 */
	public static void denoiseToTiff(final Iterable<ImagePlus> images, final File model,
		final DenoiseSettings settings, final Function<ImagePlus, File> target, final BiConsumer<ImagePlus, File> written,
		final PredictionMonitor monitor)
	{
		final List<Denoiser> denoisers = new ArrayList<>();
		try {
			for (final File f : modelFiles(model, settings.channelModels))
				denoisers.add(new Denoiser(ModelFile.load(f, AutoencoderModel.DENOISER), settings.tileSize,
					settings.threads).setEnsemble(settings.ensemble));
			for (final ImagePlus image : images) {
				final File out = target.apply(image);
				ImageDenoising.denoiseToTiff(image, denoisers, out, monitor);
				written.accept(image, out);
			}
		}
		finally {
			denoisers.forEach(Denoiser::close);
		}
	}

	/** Denoises one image, stack or hyperstack. */
	public static ImagePlus denoise(final ImagePlus image, final File model, final DenoiseSettings settings,
		final PredictionMonitor monitor)
	{
		if (image == null) throw new BadInputException("No image to denoise: open an image first, or name one.");
		final ImagePlus[] out = new ImagePlus[1];
		denoise(Collections.singletonList(image), model, settings, r -> out[0] = r, monitor);
		return out[0];
	}

	/** The model for channel 1 (or all channels), then those for channels 2, 3, ... */
	static List<File> modelFiles(final File model, final String channelModels) {
		if (model == null) throw new BadInputException("No model file given: choose a denoiser .aemodel file.");
		final List<File> files = new ArrayList<>();
		files.add(model);
		if (channelModels != null) for (final String s : channelModels.split(","))
			if (!s.trim().isEmpty()) files.add(new File(s.trim()));
		return files;
	}

	/** Trains a VAE on every plane of the images (all of one size) and writes it to {@code out}. */
	public static AutoencoderModel trainVae(final List<ImagePlus> images, final TrainVaeSettings settings,
		final File out, final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		final List<Plane> planes = trainingPlanes(images, out);
		final TrainingConfig config = settings.config();
		VaeSpec spec = VaeTrainer.spec(planes.get(0), settings.latent, settings.depth, settings.filters,
			settings.likelihood, settings.beta);
		final List<String> labels = Labels.of(images, settings.labels, settings.labelsFile);
		int[] classIndex = null;
		if (labels != null) {
			final List<String> classes = labels.stream().distinct().sorted().collect(Collectors.toList());
			if (classes.size() < 2) throw new BadInputException("The labels name only one class (" + classes + "): a " +
				"class-conditional VAE needs at least 2 classes; train without labels (labels none) for one.");
			spec = spec.withClasses(classes);
			classIndex = labels.stream().mapToInt(classes::indexOf).toArray();
		}
		final VaeTrainer trainer = new VaeTrainer(planes, spec, config, settings.klWarmup).labels(classIndex);
		return train(trainer, ModelKind.VAE, out, settings.resumeFrom, listener, cancelHook);
	}

	/**
	 * Trains a feature autoencoder (code size and regularizer from the settings) on every plane of the images (all of
	 * one size) and writes it to {@code out}; the model file ends with a Gaussian fitted to the training codes.
	 */
	public static AutoencoderModel trainAutoencoder(final List<ImagePlus> images,
		final TrainAutoencoderSettings settings, final File out, final TrainingListener listener,
		final Consumer<Runnable> cancelHook)
	{
		final List<Plane> planes = trainingPlanes(images, out);
		final VaeTrainer trainer = new VaeTrainer(planes, VaeTrainer.autoencoderSpec(planes.get(0), settings.code,
			settings.depth, settings.filters, settings.regularizer, settings.weight), settings.config(), 0).corruption(
				Corruption.parse(settings.corruption));
		return train(trainer, ModelKind.AUTOENCODER, out, settings.resumeFrom, listener, cancelHook);
	}

	/**
	 * Trains the model the settings describe: a VAE for {@link TrainVaeSettings} ({@link #trainVae}), a feature
	 * autoencoder for {@link TrainAutoencoderSettings} ({@link #trainAutoencoder}). The front ends these two share call
	 * this.
	 */
	public static AutoencoderModel trainCodeModel(final List<ImagePlus> images,
		final CodeModelTrainingSettings settings, final File out, final TrainingListener listener,
		final Consumer<Runnable> cancelHook)
	{
		if (settings instanceof TrainVaeSettings) return trainVae(images, (TrainVaeSettings) settings, out, listener,
			cancelHook);
		return trainAutoencoder(images, (TrainAutoencoderSettings) settings, out, listener, cancelHook);
	}

	/** Every plane of the images, checked to be there, and the output named. */
	private static List<Plane> trainingPlanes(final List<ImagePlus> images, final File out) {
		if (images == null || images.isEmpty() || images.stream().anyMatch(i -> i == null)) throw new BadInputException(
			"No training stack: open a stack of same-size images first, or name the files.");
		if (out == null) throw new BadInputException("No model file to write: choose where to save the model.");
		final List<Plane> planes = new ArrayList<>();
		for (final ImagePlus imp : images)
			planes.addAll(ImageFiles.planes(imp));
		if (planes.isEmpty()) throw new BadInputException("Image '" + images.get(0).getTitle() + "' has no slices: " +
			"open a stack of same-size images first.");
		return planes;
	}

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
				out = Engine.invokeStatic(Autoencoders.class.getName(), "denoiseBlocks", new Class<?>[] {
					RandomAccessibleInterval.class, List.class, List.class, int.class, boolean.class, BiConsumer.class,
					BooleanSupplier.class }, image.data(), axes, new ArrayList<>(models), tileSize, ensemble, progress,
					cancelled);
			}
			catch (final RuntimeException e) {
				throw FijiAutoencoders.sameKind(e);
			}
		}
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<FloatType> result = (RandomAccessibleInterval<FloatType>) out;
		return image.withData(result);
	}

	/**
	 * The work of {@link #denoise(AxisImage, List, int, boolean, PredictionMonitor)} with arguments and result of types
	 * every class loader shares, so that the engine's copy of this class can do it (see {@link Engine#invokeStatic}).
	 */
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

	/** Trains a VAE on every plane of {@code images} (same size) and writes it to {@code out}. */
	public static AutoencoderModel trainVae(final ImagePlus images, final VaeSpecBuilder spec,
		final TrainingConfig config, final int klWarmup, final File out, final File resume,
		final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		if (images == null) throw new BadInputException("No training stack: open a stack of same-size images first.");
		if (out == null) throw new BadInputException("No model file to write: choose where to save the model.");
		final List<Plane> planes = ImageFiles.planes(images);
		if (planes.isEmpty()) throw new BadInputException("Image '" + images.getTitle() + "' has no slices: open a " +
			"stack of same-size images first.");
		final VaeTrainer trainer = new VaeTrainer(planes, spec.build(planes.get(0)), config, klWarmup);
		return train(trainer, ModelKind.VAE, out, resume, listener, cancelHook);
	}

	/** VAE architecture settings; the image size comes from the training images. */
	public static final class VaeSpecBuilder {

		public int latent = 16, depth = 2, filters = 32;
		/** A {@link sc.fiji.autoencoders.model.Likelihood} id, as chosen in a dialog. */
		public String likelihood = VaeSpec.BERNOULLI;
		public float beta = 1;

		VaeSpec build(final Plane first) {
			return VaeTrainer.spec(first, latent, depth, filters, likelihood, beta);
		}
	}

	/**
	 * New images from the decoder of a VAE or feature autoencoder, as a stack: codes from the VAE's prior or from the
	 * Gaussian fitted to the training codes (the settings' sampling).
	 */
	public static ImagePlus generate(final File model, final GenerateSettings settings) {
		final Sampling sampling = Sampling.parse(settings.sampling);
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final List<Plane> planes = vae.generate(settings.count, settings.seed, settings.temperature, sampling,
				settings.label);
			final ImagePlus imp = ImageFiles.toImagePlus((vae.isVae() ? "VAE" : "Autoencoder") + " samples (" + (settings
				.label.trim().isEmpty() ? "" : settings.label.trim() + ", ") + "seed " + settings.seed + ")", planes, 1,
				planes.size(), 1);
			if (!settings.label.trim().isEmpty()) for (int i = 1; i <= imp.getStackSize(); i++)
				imp.getStack().setSliceLabel(settings.label.trim(), i); // generated images keep their class
			return imp;
		}
	}

	public static ImagePlus generate(final File model, final int count, final long seed, final double temperature) {
		final GenerateSettings settings = new GenerateSettings();
		settings.count = count;
		settings.seed = seed;
		settings.temperature = temperature;
		return generate(model, settings);
	}

	/**
	 * Interpolates between slice {@code fromSlice} of {@code from} and slice {@code toSlice} of {@code to} (1-based).
	 * A class-conditional VAE takes the class of each end from the settings' labels, else from the slice's label;
	 * its strip moves the condition from the first class to the second along with the code.
	 */
	public static ImagePlus interpolate(final ImagePlus from, final int fromSlice, final ImagePlus to,
		final int toSlice, final File model, final InterpolateSettings settings)
	{
		final Plane a = slice(from, fromSlice), b = slice(to, toSlice);
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final boolean conditional = !vae.classes().isEmpty();
			final String la = conditional ? classOf(from, fromSlice, settings.fromLabel, "from_label", vae.classes())
				: settings.fromLabel;
			final String lb = conditional ? classOf(to, toSlice, settings.toLabel, "to_label", vae.classes())
				: settings.toLabel;
			final List<Plane> strip = vae.interpolate(a, la, b, lb, settings.steps);
			final ImagePlus imp = ImageFiles.toImagePlus("Interpolation " + fromSlice + "-" + toSlice + (conditional ?
				" (" + la + (la.equals(lb) ? "" : " to " + lb) + ")" : ""), strip, 1, strip.size(), 1);
			if (conditional) { // the ends keep their classes
				imp.getStack().setSliceLabel(la, 1);
				imp.getStack().setSliceLabel(lb, strip.size());
			}
			return imp;
		}
	}

	/**
	 * The class of slice {@code n} of the image for a class-conditional VAE: {@code given} if not empty, else the slice's
	 * label if it is one of the classes.
	 *
	 * @throws BadInputException naming the setting to give when neither is a class
	 */
	private static String classOf(final ImagePlus image, final int n, final String given, final String key,
		final List<String> classes)
	{
		if (given != null && !given.trim().isEmpty()) return given.trim(); // checked against the classes by Vae
		final String own = Labels.ofSlice(image, n);
		if (classes.contains(own)) return own;
		throw new BadInputException("This class-conditional VAE needs the class of slice " + n + " of '" + image
			.getTitle() + "' (" + (own.isEmpty() ? "it has no slice label" : "its slice label '" + own + "' is not one " +
				"of them") + "): give " + key + ", one of " + classes + " (--" + key.replace('_', '-') +
			" on the command line).");
	}

	/** Interpolates between two slices (1-based) of a stack. */
	public static ImagePlus interpolate(final ImagePlus image, final File model, final int fromSlice,
		final int toSlice, final int steps)
	{
		final InterpolateSettings settings = new InterpolateSettings();
		settings.steps = steps;
		return interpolate(image, fromSlice, image, toSlice, model, settings);
	}

	/** A grid sweeping two latent dimensions: one montage image of grid x grid decoded images. */
	public static ImagePlus walk(final File model, final WalkSettings settings) {
		return walk(model, settings.dimI, settings.dimJ, settings.range, settings.grid, settings.label);
	}

	public static ImagePlus walk(final File model, final int dimI, final int dimJ, final double range, final int grid) {
		return walk(model, dimI, dimJ, range, grid, "");
	}

	/** As above; a class-conditional VAE draws the grid in class {@code label}. */
	public static ImagePlus walk(final File model, final int dimI, final int dimJ, final double range, final int grid,
		final String label)
	{
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final String l = label == null ? "" : label.trim();
			return ImageFiles.toImagePlus("Latent walk " + dimI + "," + dimJ + (l.isEmpty() ? "" : " (" + l + ")"), List
				.of(Montage.grid(vae.walk(dimI, dimJ, range, grid, l), grid)), 1, 1, 1);
		}
	}

	/**
	 * Latent means and log-variances (a VAE) or codes (an autoencoder) of every plane, one row per plane (columns of
	 * {@link LatentTable}).
	 */
	public static ResultsTable encode(final ImagePlus image, final File model) {
		if (image == null) throw new BadInputException("No image: open the images to encode first.");
		return encode(Collections.singletonList(image), model);
	}

	/** As {@link #encode(ImagePlus, File)}, numbering the planes of all images in order. */
	public static ResultsTable encode(final List<ImagePlus> images, final File model) {
		return encode(images, model, new EncodeSettings());
	}

	/**
	 * As {@link #encode(ImagePlus, File)}, numbering the planes of all images in order, with a {@code label} column
	 * last when the settings give labels (ready for Weka or a classifier).
	 */
	public static ResultsTable encode(final List<ImagePlus> images, final File model, final EncodeSettings settings) {
		if (images == null || images.isEmpty()) throw new BadInputException("No image: open the images to encode first.");
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final List<Plane> planes = new ArrayList<>();
			for (final ImagePlus image : images) {
				if (image == null) throw new BadInputException("No image: open the images to encode first.");
				planes.addAll(ImageFiles.planes(image));
			}
			final List<String> labels = Labels.of(images, settings.labels, settings.labelsFile);
			final float[][] codes = vae.encode(planes, labels); // a class-conditional VAE encodes given each class
			final int l = vae.spec().latent();
			final List<String> headings = LatentTable.headings(l, vae.isVae());
			final ResultsTable table = new ResultsTable();
			for (int i = 0; i < planes.size(); i++) {
				table.incrementCounter();
				table.addValue(headings.get(0), i + 1);
				for (int j = 0; j < l; j++)
					table.addValue(headings.get(1 + j), codes[0][i * l + j]);
				if (codes[1] != null) for (int j = 0; j < l; j++)
					table.addValue(headings.get(1 + l + j), codes[1][i * l + j]);
				if (labels != null) table.addValue("label", labels.get(i));
			}
			return table;
		}
	}

	/**
	 * Latent arithmetic: decodes code(A) + strength (mean code(B) - mean code(C)) for every plane A of {@code image},
	 * with the planes of {@code add} as B and of {@code subtract} as C (e.g. to add a phenotype to a cell).
	 */
	public static ImagePlus arithmetic(final ImagePlus image, final ImagePlus add, final ImagePlus subtract,
		final File model, final LatentArithmeticSettings settings)
	{
		return arithmetic(image, Collections.singletonList(add), Collections.singletonList(subtract), model, settings);
	}

	/** As above, B and C being the planes of several images each. */
	public static ImagePlus arithmetic(final ImagePlus image, final List<ImagePlus> add,
		final List<ImagePlus> subtract, final File model, final LatentArithmeticSettings settings)
	{
		if (image == null || add == null || subtract == null || add.contains(null) || subtract.contains(null) || add
			.isEmpty() || subtract.isEmpty()) throw new BadInputException("Latent arithmetic needs three images or " +
				"stacks: the images to change, the set whose mean code is added, and the set whose mean code is " +
				"subtracted.");
		final List<Plane> b = new ArrayList<>(), c = new ArrayList<>();
		add.forEach(i -> b.addAll(ImageFiles.planes(i)));
		subtract.forEach(i -> c.addAll(ImageFiles.planes(i)));
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final boolean conditional = !vae.classes().isEmpty(); // each image encoded in its class, a decoded in its own
			final List<Plane> out = vae.arithmetic(ImageFiles.planes(image), conditional ? sliceClasses(image, vae
				.classes(), "Latent arithmetic") : null, b, conditional ? sliceClasses(add, vae.classes(), "Latent arithmetic") : null, c,
				conditional ? sliceClasses(subtract, vae.classes(), "Latent arithmetic") : null, settings.strength);
			return ImageFiles.toImagePlus(title(image) + " + " + title(add.get(0)) + " - " + title(subtract.get(0)), out, 1,
				out.size(), 1);
		}
	}

	/**
	 * The codes of every plane of the images in a plane of the latent space: the first two principal components of
	 * the codes, or two chosen code dimensions; with each point's class from the slice labels if asked.
	 */
	public static LatentScatter latentScatter(final List<ImagePlus> images, final File model,
		final LatentPlotSettings settings)
	{
		if (images == null || images.isEmpty() || images.stream().anyMatch(i -> i == null)) throw new BadInputException(
			"No images: open the images to plot first.");
		final boolean pca = "pca".equals(settings.axes);
		if (!pca && !"dims".equals(settings.axes)) throw new BadInputException("Unknown axes '" + settings.axes +
			"': use 'pca' or 'dims'.");
		final List<Plane> planes = new ArrayList<>();
		for (final ImagePlus image : images)
			planes.addAll(ImageFiles.planes(image));
		final List<String> labels = Labels.of(images, settings.labels, settings.labelsFile);
		if (planes.size() < 2) throw new BadInputException("A latent-space plot needs at least 2 images.");
		final float[] codes;
		final int l;
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			l = vae.spec().latent();
			final float[] all = new float[planes.size() * l];
			for (int start = 0; start < planes.size(); start += 1000) {
				final int end = Math.min(planes.size(), start + 1000);
				final float[] c = vae.encode(planes.subList(start, end), labels == null ? null : labels.subList(start, end))[0];
				System.arraycopy(c, 0, all, start * l, c.length);
			}
			codes = all;
		}
		final int n = planes.size();
		final double[] x = new double[n], y = new double[n];
		if (pca) {
			if (l < 2) throw new BadInputException("The model's code has 1 dimension: a plot of principal components " +
				"needs 2; choose axes 'dims' with dim_x and dim_y 0.");
			final Pca p = Pca.of(codes, l);
			for (int i = 0; i < n; i++) {
				final double[] xy = p.project(codes, i, 2);
				x[i] = xy[0];
				y[i] = xy[1];
			}
			return new LatentScatter(x, y, "PC 1", "PC 2", labels);
		}
		for (final int d : new int[] { settings.dimX, settings.dimY })
			if (d < 0 || d >= l) throw new BadInputException("Code dimension " + d + " does not exist: this model's " +
				"codes have dimensions 0 to " + (l - 1) + ".");
		for (int i = 0; i < n; i++) {
			x[i] = codes[i * l + settings.dimX];
			y[i] = codes[i * l + settings.dimY];
		}
		return new LatentScatter(x, y, "code " + settings.dimX, "code " + settings.dimY, labels);
	}

	/** Per-plane scores (a table) and per-pixel absolute error maps (an image shaped like the input). */
	public static AnomalyResult anomaly(final ImagePlus image, final File model) {
		if (image == null) throw new BadInputException("No image: open the images to score first.");
		final AutoencoderModel m = ModelFile.load(model);
		final List<String> labels = m.vae != null && m.vae.isConditional() ? sliceClasses(image, m.vae.classes(),
			"Scoring") : null;
		final List<Anomaly.Result> results = Anomaly.score(m, ImageFiles.planes(image), labels);
		final ResultsTable scores = new ResultsTable();
		final List<Plane> maps = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			scores.incrementCounter();
			scores.addValue("image", i + 1);
			scores.addValue("mean_absolute_error", results.get(i).meanAbsoluteError);
			scores.addValue("negative_elbo_nats", results.get(i).negativeElbo);
			maps.add(results.get(i).errorMap);
		}
		final ImagePlus map = ImageFiles.toImagePlus(title(image) + "-error", maps, image.getNChannels(), image
			.getNSlices(), image.getNFrames());
		ImageFiles.copyCalibration(image, map);
		return new AnomalyResult(scores, map);
	}

	/** The slice labels of all the images in order, as by {@link #sliceClasses(ImagePlus, List, String)}. */
	private static List<String> sliceClasses(final List<ImagePlus> images, final List<String> classes,
		final String what)
	{
		final List<String> labels = new ArrayList<>();
		for (final ImagePlus image : images)
			labels.addAll(sliceClasses(image, classes, what));
		return labels;
	}

	/**
	 * The slice labels of the image as classes of a class-conditional VAE, or a message naming a slice without one
	 * ({@code what}: the task that needs them).
	 */
	private static List<String> sliceClasses(final ImagePlus image, final List<String> classes, final String what) {
		final List<String> labels = new ArrayList<>();
		for (int i = 1; i <= image.getStackSize(); i++) {
			final String l = Labels.ofSlice(image, i);
			if (l.isEmpty()) throw new BadInputException(what + " with a class-conditional VAE needs the class of each " +
				"image, but slice " + i + " of '" + image.getTitle() + "' has no label: give every slice its class (one " +
				"of " + classes + ") as slice label (Image > Stacks > Tools > Set Label..., or a folder of class " +
				"subfolders).");
			labels.add(l);
		}
		return labels;
	}

	/** Corrupts every plane with the noise (empty: the model's own), denoises, and scores PSNR and SSIM. */
	public static Evaluation evaluate(final ImagePlus clean, final File model, final String noise, final long seed) {
		if (clean == null) throw new BadInputException("No image: open the clean images to evaluate on first.");
		final EvaluateSettings settings = new EvaluateSettings();
		settings.noise = noise;
		settings.seed = seed;
		return evaluate(Collections.singletonList(clean), model, settings, s -> {});
	}

	/**
	 * Corrupts every plane of the clean images with the settings' noise (empty: the model's own), denoises, and scores
	 * PSNR and SSIM on the image type's range; each plane's score also goes to {@code each} as soon as it is known.
	 */
	public static Evaluation evaluate(final Iterable<ImagePlus> cleans, final File model,
		final EvaluateSettings settings, final Consumer<Evaluation.Score> each)
	{
		final AutoencoderModel m = ModelFile.load(model, AutoencoderModel.DENOISER);
		if (m.network.channels() > 1) throw new BadInputException("Evaluating models of joint channels is not " +
			"supported yet (evaluate scores plane by plane): denoise a noisy image of " + m.network.channels() +
			" channels with the model and compare it with its clean image.");
		if (m.network.dims() == 3) throw new BadInputException("Evaluating 3D models is not supported yet (evaluate " +
			"scores plane by plane): denoise a noisy stack with the model and compare it with its clean stack, as " +
			"bench/denoise-3d.sh does.");
		final String noise = settings.noise;
		final boolean own = noise == null || noise.trim().isEmpty();
		if (own && "none".equals(m.noise)) throw new BadInputException("This model was trained without a noise model (" +
			m.mode + " mode), so evaluation has no noise of its own to add: give the noise to add to the clean images, " +
			"e.g. gaussian:25 (--noise on the command line, noise in Fiji).");
		final NoiseModel nm = NoiseModels.parse(own ? m.noise : noise);
		final Evaluation ev = new Evaluation();
		final Random rng = new Random(settings.seed);
		try (Denoiser d = new Denoiser(m, Denoiser.DEFAULT_TILE, settings.threads)) {
			d.setEnsemble(settings.ensemble);
			for (final ImagePlus clean : cleans) {
				if (clean == null) throw new BadInputException("No image: open the clean images to evaluate on first.");
				final List<Plane> planes = ImageFiles.planes(clean);
				for (int i = 0; i < planes.size(); i++) {
					final double[] r = Evaluation.range(clean.getBitDepth(), planes.get(i));
					final String name = planes.size() == 1 ? clean.getTitle() : clean.getTitle() + " #" + (i + 1);
					each.accept(ev.add(name, planes.get(i), nm, rng, d, r[0], r[1]));
				}
			}
		}
		return ev;
	}

	/** Negative ELBO and reconstruction error of a VAE on the images (seeded latent samples). */
	public static VaeScores scoreVae(final List<ImagePlus> images, final File model, final long seed) {
		final List<Plane> planes = new ArrayList<>();
		for (final ImagePlus image : images)
			planes.addAll(ImageFiles.planes(image));
		return VaeScores.of(ModelFile.load(model, AutoencoderModel.VAE), planes, seed);
	}

	public static ResultsTable table(final Evaluation ev) {
		final ResultsTable results = new ResultsTable();
		for (final Evaluation.Score s : ev.scores()) {
			results.incrementCounter();
			results.addLabel(s.name);
			results.addValue("noisy_psnr", s.noisyPsnr);
			results.addValue("noisy_ssim", s.noisySsim);
			results.addValue("denoised_psnr", s.denoisedPsnr);
			results.addValue("denoised_ssim", s.denoisedSsim);
		}
		return results;
	}

	/**
	 * Writes the denoiser of {@code settings.model} as a bioimage.io model package (format 0.5, TensorFlow SavedModel
	 * weights, this plugin's model file attached) to {@code settings.output}, and returns that file. Packages written
	 * this way are model files for {@code denoise} too.
	 *
	 * @throws BadInputException for a missing model, a VAE, a bad sample image or output, or a license that is no SPDX id
	 */
	public static File export(final ExportSettings settings) {
		if (settings.model == null) throw new BadInputException("No model file given: choose the denoiser .aemodel " +
			"to export (--model on the command line, model in Fiji).");
		if (settings.output == null) throw new BadInputException("No output file given: name the package to write, " +
			"e.g. denoiser.zip (--output on the command line, output in Fiji).");
		final String license = settings.license == null ? "" : settings.license.trim();
		if (!license.matches("[A-Za-z0-9][A-Za-z0-9.+\\-]*")) throw new BadInputException("License '" + license +
			"' is not an SPDX identifier: use one such as CC-BY-4.0, MIT or BSD-2-Clause (https://spdx.org/licenses/).");
		final AutoencoderModel m = ModelFile.load(settings.model);
		final ImagePlus sample = settings.sample == null ? null : ImageFiles.open(settings.sample);
		final List<String> authors = split(settings.authors);
		if (authors.isEmpty()) authors.add(System.getProperty("user.name", "unknown"));
		BioImageIoExport.write(m, new PackageInfo(settings.name, settings.description, authors, license, split(
			settings.tags)), sample, settings.output);
		return settings.output;
	}

	public static String info(final File model) {
		return (model == null ? "" : model.getName()) + ":\n" + ModelDescription.describe(ModelFile.load(model));
	}

	// -- Helper methods --

	/** The non-empty, trimmed items of a comma-separated list. */
	private static List<String> split(final String list) {
		final List<String> out = new ArrayList<>();
		if (list != null) for (final String s : list.split(","))
			if (!s.trim().isEmpty()) out.add(s.trim());
		return out;
	}

	/** Slice {@code n} (1-based) of the image, or a message naming the slices it has. */
	private static Plane slice(final ImagePlus image, final int n) {
		if (image == null) throw new BadInputException("No image: open the stack holding the images first.");
		final List<Plane> planes = ImageFiles.planes(image);
		if (n < 1 || n > planes.size()) throw new BadInputException("Slice " + n + " does not exist: '" + image
			.getTitle() + "' has " + planes.size() + " slice(s), numbered from 1.");
		return planes.get(n - 1);
	}

	private static String title(final ImagePlus imp) {
		final String t = imp.getTitle();
		final int dot = t.lastIndexOf('.');
		return dot > 0 ? t.substring(0, dot) : t;
	}

	/** Checks the input and the output path before training (fail now, not after hours), then trains and saves. */
	private static AutoencoderModel train(final AbstractTrainer<?> trainer, final ModelKind kind, final File out,
		final File resume, final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		if (resume != null) trainer.resumeFrom(ModelFile.load(resume, kind));
		if (!trainer.checkInput()) throw new BadInputException(trainer.getErrorMessage());
		ModelFile.checkWritable(out);
		if (listener != null) trainer.addListener(listener);
		if (cancelHook != null) cancelHook.accept(trainer::cancel);
		trainer.setCheckpoint(m -> ModelFile.save(m, out));
		final AutoencoderModel model = trainer.process();
		if (model.isDenoiser()) measureReceptiveField(model);
		ModelFile.save(model, out);
		return model;
	}

	/**
	 * Stores the trained denoiser's effective receptive field in it (its prediction tiles' margins), measured once here
	 * at the end of training; a network whose measurement would not fit the tile budget keeps the worst-case bound.
	 */
	static void measureReceptiveField(final AutoencoderModel model) {
		model.receptiveField = ReceptiveFields.measure(model, ReceptiveField.DEFAULT_TOLERANCE, TileBudget.maxVoxels(
			model.network), 0);
	}
}
