package sc.fiji.autoencoders.op;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.LazyTrainingImages;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.io.bioimageio.BioImageIoExport;
import sc.fiji.autoencoders.io.bioimageio.PackageInfo;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.op.denoising.EvaluateSettings;
import sc.fiji.autoencoders.op.denoising.ImageDenoising;
import sc.fiji.autoencoders.op.denoising.MethodOptions;
import sc.fiji.autoencoders.op.denoising.PredictionSettings;
import sc.fiji.autoencoders.op.denoising.SelfSupervisedSettings;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.op.models.ExportSettings;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Evaluation;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.AbstractTrainer;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.TrainingListener;
import sc.fiji.autoencoders.train.TrainingMethod;

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
		final NetworkSpec spec = settings.network(settings.dims == 3 ? ImagePlanes.zAnisotropy(images.get(0)) : 1, in
			.channels());
		final AbstractTrainer<?> trainer = method.trainer(in, mode == TrainingMode.PAIRS ? trainingImages(targets,
			settings, joint) : null, spec, config, new MethodOptions(settings));
		return Training.train(trainer, ModelKind.DENOISER, out, settings.resumeFrom, listener, cancelHook);
	}

	/**
	 * What the images give a trainer: planes (2D) or Z stacks (3D, one per channel and time point, see
	 * {@link AxisImages#volumes}) of the settings' channel, or of all channels pooled into one; with {@code joint},
	 * each channel one input channel of the network (the images must then have the same channels). Views over the
	 * images' own arrays: a large stack is not held a second time as floats.
	 */
	private static TrainingImages trainingImages(final List<ImagePlus> images, final TrainDenoiserSettings settings,
		final boolean joint)
	{
		final boolean threeD = settings.dims == 3;
		// larger than memory, perhaps: read block by block as patches need them
		if (images.stream().anyMatch(LazyTrainingImages::isLazy)) return LazyTrainingImages.of(images, settings.channel,
			threeD, joint);
		if (!joint) {
			final List<RandomAccessibleInterval<? extends RealType<?>>> all = new ArrayList<>();
			for (final ImagePlus imp : images)
				all.addAll(views(imp, settings.channel, threeD));
			return TrainingImages.of(threeD ? 3 : 2, List.of(all));
		}
		final int channels = images.get(0).getNChannels();
		final List<List<RandomAccessibleInterval<? extends RealType<?>>>> perChannel = new ArrayList<>();
		for (int c = 1; c <= channels; c++) {
			final List<RandomAccessibleInterval<? extends RealType<?>>> views = new ArrayList<>();
			for (final ImagePlus imp : images) {
				if (imp.getNChannels() != channels) throw new BadInputException("Image '" + imp.getTitle() + "' has " +
					imp.getNChannels() + " channel" + (imp.getNChannels() == 1 ? "" : "s") + " but '" + images.get(0)
						.getTitle() + "' has " + channels + ": channels joint trains one network on images of the same " +
					"channels; give images of one channel count, or channels " + TrainDenoiserSettings.POOLED + ".");
				views.addAll(views(imp, c, threeD));
			}
			perChannel.add(views);
		}
		return TrainingImages.of(threeD ? 3 : 2, perChannel);
	}

	/** The planes or (3D) Z stacks of one channel (1-based; 0: of all), as views over the image's arrays. */
	private static List<RandomAccessibleInterval<? extends RealType<?>>> views(final ImagePlus imp, final int channel,
		final boolean threeD)
	{
		return threeD ? AxisImages.volumes(imp, channel) : channel == 0 ? AxisImages.planes(imp) : AxisImages
			.planesOfChannel(imp, channel);
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
		final PredictionSettings denoising, final TrainingListener listener, final Consumer<Runnable> cancelHook,
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
		final boolean threeD = spec != null && spec.dims() == 3;
		final DenoiserTrainer trainer = DenoiserTrainer.clean(TrainingImages.of(threeD ? 3 : 2, List.of(views(clean,
			channel, threeD))), NoiseModels.parse(noise), spec, config);
		return Training.train(trainer, ModelKind.DENOISER, out, resume, listener, cancelHook);
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
	public static void denoise(final Iterable<ImagePlus> images, final File model, final PredictionSettings settings,
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
		final PredictionSettings settings, final Function<ImagePlus, File> target, final BiConsumer<ImagePlus, File> written,
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
	public static List<File> modelFiles(final File model, final String channelModels) {
		if (model == null) throw new BadInputException("No model file given: choose a denoiser .aemodel file.");
		final List<File> files = new ArrayList<>();
		files.add(model);
		if (channelModels != null) for (final String s : channelModels.split(","))
			if (!s.trim().isEmpty()) files.add(new File(s.trim()));
		return files;
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
				final List<Plane> planes = ImagePlanes.planes(clean);
				for (int i = 0; i < planes.size(); i++) {
					final double[] r = Evaluation.range(clean.getBitDepth(), planes.get(i));
					final String name = planes.size() == 1 ? clean.getTitle() : clean.getTitle() + " #" + (i + 1);
					each.accept(ev.add(name, planes.get(i), nm, rng, d, r[0], r[1]));
				}
			}
		}
		return ev;
	}

	public static ResultsTable table(final Evaluation ev) {
		return ev.table();
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
}
