package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import net.imglib2.Dimensions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.io.LatentTable;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Pca;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.op.Training;
import sc.fiji.autoencoders.op.codes.AnomalyResult;
import sc.fiji.autoencoders.op.codes.CodeModelTrainingSettings;
import sc.fiji.autoencoders.op.codes.EncodeSettings;
import sc.fiji.autoencoders.op.codes.GenerateSettings;
import sc.fiji.autoencoders.op.codes.InterpolateSettings;
import sc.fiji.autoencoders.op.codes.LatentArithmeticSettings;
import sc.fiji.autoencoders.op.codes.LatentPlotSettings;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.op.codes.TrainAutoencoderSettings;
import sc.fiji.autoencoders.op.codes.TrainVaeSettings;
import sc.fiji.autoencoders.op.codes.WalkSettings;
import sc.fiji.autoencoders.predict.DenoiserPredictor;
import sc.fiji.autoencoders.predict.Anomaly;
import sc.fiji.autoencoders.predict.Montage;
import sc.fiji.autoencoders.predict.Sampling;
import sc.fiji.autoencoders.predict.Vae;
import sc.fiji.autoencoders.predict.VaeScores;
import sc.fiji.autoencoders.train.Corruption;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.TrainingListener;
import sc.fiji.autoencoders.train.VaeTrainer;

/**
 * The work of the operations on models that encode images to codes (VAEs, class-conditional VAEs, feature
 * autoencoders): training, generating, interpolating, walking, encoding, arithmetic, latent plots, anomaly maps.
 */
public final class CodeModels {

	private CodeModels() {}

	/** Trains a VAE on every plane of the images (all of one size) and writes it to {@code out}. */
	public static AutoencoderModel trainVae(final List<ImagePlus> images, final TrainVaeSettings settings,
		final File out, final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		final TrainingImages planes = trainingImages(images, out);
		final TrainingConfig config = settings.config();
		VaeSpec spec = VaeTrainer.spec(planes.image(0, 0), settings.latent, settings.depth, settings.filters,
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
		return Training.train(trainer, ModelKind.VAE, out, settings.resumeFrom, listener, cancelHook);
	}

	/**
	 * Trains a feature autoencoder (code size and regularizer from the settings) on every plane of the images (all of
	 * one size) and writes it to {@code out}; the model file ends with a Gaussian fitted to the training codes.
	 */
	public static AutoencoderModel trainAutoencoder(final List<ImagePlus> images,
		final TrainAutoencoderSettings settings, final File out, final TrainingListener listener,
		final Consumer<Runnable> cancelHook)
	{
		final TrainingImages planes = trainingImages(images, out);
		final VaeTrainer trainer = new VaeTrainer(planes, VaeTrainer.autoencoderSpec(planes.image(0, 0), settings.code,
			settings.depth, settings.filters, settings.regularizer, settings.weight), settings.config(), 0).corruption(
				Corruption.parse(settings.corruption));
		return Training.train(trainer, ModelKind.AUTOENCODER, out, settings.resumeFrom, listener, cancelHook);
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

	/**
	 * Every plane of the images, over their pixels rather than copied (a large stack is not held twice), checked to be
	 * there, and the output named.
	 */
	private static TrainingImages trainingImages(final List<ImagePlus> images, final File out) {
		if (images == null || images.isEmpty() || images.stream().anyMatch(i -> i == null)) throw new BadInputException(
			"No training stack: open a stack of same-size images first, or name the files.");
		if (out == null) throw new BadInputException("No model file to write: choose where to save the model.");
		final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
		for (final ImagePlus imp : images)
			planes.addAll(AxisImages.planes(imp));
		if (planes.isEmpty()) throw new BadInputException("Image '" + images.get(0).getTitle() + "' has no slices: " +
			"open a stack of same-size images first.");
		return TrainingImages.of(2, List.of(planes));
	}

	/** Trains a VAE on every plane of {@code images} (same size) and writes it to {@code out}. */
	public static AutoencoderModel trainVae(final ImagePlus images, final VaeSpecBuilder spec,
		final TrainingConfig config, final int klWarmup, final File out, final File resume,
		final TrainingListener listener, final Consumer<Runnable> cancelHook)
	{
		if (images == null) throw new BadInputException("No training stack: open a stack of same-size images first.");
		final TrainingImages planes = trainingImages(List.of(images), out);
		final VaeTrainer trainer = new VaeTrainer(planes, spec.build(planes.image(0, 0)), config, klWarmup);
		return Training.train(trainer, ModelKind.VAE, out, resume, listener, cancelHook);
	}

	/** VAE architecture settings; the image size comes from the training images. */
	public static final class VaeSpecBuilder {

		public int latent = 16, depth = 2, filters = 32;
		/** A {@link sc.fiji.autoencoders.model.Likelihood} id, as chosen in a dialog. */
		public String likelihood = VaeSpec.BERNOULLI;
		public float beta = 1;

		VaeSpec build(final Dimensions first) {
			return VaeTrainer.spec(first, latent, depth, filters, likelihood, beta);
		}
	}

	/**
	 * New images from the decoder of a VAE or feature autoencoder, as a stack: codes from the VAE's prior or from the
	 * Gaussian fitted to the training codes (the settings' sampling).
	 */
	public static ImagePlus generate(final File model, final GenerateSettings settings) {
		final Sampling sampling = Sampling.parse(settings.sampling);
		final AutoencoderModel loaded = ModelFile.load(model);
		// a denoiser generates if its family has a prior to sample (DivNoising); else loadWithCodes refuses it
		final List<Plane> prior = loaded.isDenoiser() ? DenoiserPredictor.of(loaded).generate(loaded, settings.count,
			settings.size, settings.size, settings.seed, settings.temperature) : null;
		if (prior != null) return ImagePlanes.toImagePlus(loaded.trainingMethod().displayName() + " prior samples (seed " +
			settings.seed + ")", prior, 1, prior.size(), 1);
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final List<Plane> planes = vae.generate(settings.count, settings.seed, settings.temperature, sampling,
				settings.label);
			final ImagePlus imp = ImagePlanes.toImagePlus((vae.isVae() ? "VAE" : "Autoencoder") + " samples (" + (settings
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
			final ImagePlus imp = ImagePlanes.toImagePlus("Interpolation " + fromSlice + "-" + toSlice + (conditional ?
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
			return ImagePlanes.toImagePlus("Latent walk " + dimI + "," + dimJ + (l.isEmpty() ? "" : " (" + l + ")"), List
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
				planes.addAll(ImagePlanes.planes(image));
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
		add.forEach(i -> b.addAll(ImagePlanes.planes(i)));
		subtract.forEach(i -> c.addAll(ImagePlanes.planes(i)));
		try (Vae vae = new Vae(ModelFile.loadWithCodes(model))) {
			final boolean conditional = !vae.classes().isEmpty(); // each image encoded in its class, a decoded in its own
			final List<Plane> out = vae.arithmetic(ImagePlanes.planes(image), conditional ? sliceClasses(image, vae
				.classes(), "Latent arithmetic") : null, b, conditional ? sliceClasses(add, vae.classes(), "Latent arithmetic") : null, c,
				conditional ? sliceClasses(subtract, vae.classes(), "Latent arithmetic") : null, settings.strength);
			return ImagePlanes.toImagePlus(title(image) + " + " + title(add.get(0)) + " - " + title(subtract.get(0)), out, 1,
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
			planes.addAll(ImagePlanes.planes(image));
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
		final List<Anomaly.Result> results = Anomaly.score(m, ImagePlanes.planes(image), labels);
		final ResultsTable scores = new ResultsTable();
		final List<Plane> maps = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			scores.incrementCounter();
			scores.addValue("image", i + 1);
			scores.addValue("mean_absolute_error", results.get(i).meanAbsoluteError);
			scores.addValue("negative_elbo_nats", results.get(i).negativeElbo);
			maps.add(results.get(i).errorMap);
		}
		final ImagePlus map = ImagePlanes.toImagePlus(title(image) + "-error", maps, image.getNChannels(), image
			.getNSlices(), image.getNFrames());
		ImagePlanes.copyCalibration(image, map);
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

	/** Negative ELBO and reconstruction error of a VAE on the images (seeded latent samples). */
	public static VaeScores scoreVae(final List<ImagePlus> images, final File model, final long seed) {
		final List<Plane> planes = new ArrayList<>();
		for (final ImagePlus image : images)
			planes.addAll(ImagePlanes.planes(image));
		return VaeScores.of(ModelFile.load(model, AutoencoderModel.VAE), planes, seed);
	}

	/** Slice {@code n} (1-based) of the image, or a message naming the slices it has. */
	private static Plane slice(final ImagePlus image, final int n) {
		if (image == null) throw new BadInputException("No image: open the stack holding the images first.");
		final List<Plane> planes = ImagePlanes.planes(image);
		if (n < 1 || n > planes.size()) throw new BadInputException("Slice " + n + " does not exist: '" + image
			.getTitle() + "' has " + planes.size() + " slice(s), numbered from 1.");
		return planes.get(n - 1);
	}

	static String title(final ImagePlus imp) {
		final String t = imp.getTitle();
		final int dot = t.lastIndexOf('.');
		return dot > 0 ? t.substring(0, dot) : t;
	}
}
