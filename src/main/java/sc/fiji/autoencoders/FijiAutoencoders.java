package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Crossing;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.codes.GenerateSettings;
import sc.fiji.autoencoders.op.codes.LatentArithmeticSettings;
import sc.fiji.autoencoders.op.codes.LatentPlotSettings;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.op.codes.TrainAutoencoderSettings;
import sc.fiji.autoencoders.op.codes.TrainVaeSettings;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.op.models.ExportSettings;
import sc.fiji.autoencoders.base.BadInputException;
import java.io.File;
import java.util.Collections;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * The entry point for scripts (Groovy, Jython, JavaScript in Fiji's Script Editor, or Java): each method runs the same
 * core as the menu commands and, in an installed Fiji, crosses into the isolated TensorFlow engine by itself, so a
 * script needs nothing but this class. Settings are given by their macro keys, e.g.
 * {@code ["minutes": 5, "max_filters": 64]}; absent keys keep the defaults of the menu commands. Bad input throws
 * {@link BadInputException} with a message naming the fix. See docs/SCRIPTING.md.
 */
public final class FijiAutoencoders {

	private FijiAutoencoders() {}

	/**
	 * Trains a denoiser on an image or stack ({@link TrainDenoiserSettings}; clean by default, noisy for Noise2Void with
	 * {@code "mode": "noisy"}), saves it, and describes it.
	 */
	public static String trainDenoiser(final ImagePlus clean, final File model, final Map<String, ?> settings) {
		if (Engine.loader() != null) return (String) cross("trainDenoiser", new Class<?>[] { ImagePlus.class,
			File.class, Map.class }, clean, model, settings);
		return Autoencoders.trainDenoiser(Collections.singletonList(clean), Settings.apply(settings,
			new TrainDenoiserSettings()), model, null, null).summary();
	}

	/**
	 * Trains a denoiser on a registered pair (CARE or Noise2Noise; mode {@code pairs}): {@code target} is the clean or
	 * second noisy acquisition of {@code input}'s scene, of the same size. Saves the model and describes it.
	 */
	public static String trainDenoiserOnPairs(final ImagePlus input, final ImagePlus target, final File model,
		final Map<String, ?> settings)
	{
		if (Engine.loader() != null) return (String) cross("trainDenoiserOnPairs", new Class<?>[] { ImagePlus.class,
			ImagePlus.class, File.class, Map.class }, input, target, model, settings);
		final TrainDenoiserSettings s = Settings.apply(settings, new TrainDenoiserSettings());
		s.mode = sc.fiji.autoencoders.model.TrainingMode.PAIRS_ID;
		return Autoencoders.trainDenoiser(Collections.singletonList(input), Collections.singletonList(target), s, model,
			null, null).summary();
	}

	/** Denoises an image, stack or hyperstack ({@link DenoiseSettings}); the result is 32-bit, same dimensions. */
	public static ImagePlus denoise(final ImagePlus image, final File model, final Map<String, ?> settings) {
		if (Engine.loader() != null) return (ImagePlus) cross("denoise", new Class<?>[] { ImagePlus.class, File.class,
			Map.class }, image, model, settings);
		return Autoencoders.denoise(image, model, Settings.apply(settings, new DenoiseSettings()),
			PredictionMonitor.NONE);
	}

	/** Trains a VAE on a stack of same-size images ({@link TrainVaeSettings}), saves it, and describes it. */
	public static String trainVae(final ImagePlus images, final File model, final Map<String, ?> settings) {
		if (Engine.loader() != null) return (String) cross("trainVae", new Class<?>[] { ImagePlus.class, File.class,
			Map.class }, images, model, settings);
		return Autoencoders.trainVae(Collections.singletonList(images), Settings.apply(settings,
			new TrainVaeSettings()), model, null, null).summary();
	}

	/**
	 * Trains a feature autoencoder on a stack of same-size images ({@link TrainAutoencoderSettings}: {@code code},
	 * {@code regularizer} none, sparse, contractive or linear, {@code weight}, ...), saves it, and describes it.
	 */
	public static String trainAutoencoder(final ImagePlus images, final File model, final Map<String, ?> settings) {
		if (Engine.loader() != null) return (String) cross("trainAutoencoder", new Class<?>[] { ImagePlus.class,
			File.class, Map.class }, images, model, settings);
		return Autoencoders.trainAutoencoder(Collections.singletonList(images), Settings.apply(settings,
			new TrainAutoencoderSettings()), model, null, null).summary();
	}

	/**
	 * Latent arithmetic ({@link LatentArithmeticSettings}): decodes code(A) + strength (mean code(B) - mean code(C))
	 * for every slice A of {@code image}, B and C being the slices of {@code add} and {@code subtract}; as a stack.
	 */
	public static ImagePlus arithmetic(final ImagePlus image, final ImagePlus add, final ImagePlus subtract,
		final File model, final Map<String, ?> settings)
	{
		if (Engine.loader() != null) return (ImagePlus) cross("arithmetic", new Class<?>[] { ImagePlus.class,
			ImagePlus.class, ImagePlus.class, File.class, Map.class }, image, add, subtract, model, settings);
		return Autoencoders.arithmetic(image, add, subtract, model, Settings.apply(settings,
			new LatentArithmeticSettings()));
	}

	/**
	 * The points of the latent-space plot of a stack ({@link LatentPlotSettings}: {@code axes} pca or dims, ...), one
	 * row per slice: the two coordinates, in columns named by the axes ("PC 1", or "code 3"), and the class in column
	 * {@code label} when there are labels. {@code LatentPlot.of(LatentScatter.of(table), title)} draws it as the
	 * menu command does.
	 */
	public static ResultsTable latentPlot(final ImagePlus images, final File model, final Map<String, ?> settings) {
		if (Engine.loader() != null) return (ResultsTable) cross("latentPlot", new Class<?>[] { ImagePlus.class,
			File.class, Map.class }, images, model, settings);
		return Autoencoders.latentScatter(Collections.singletonList(images), model, Settings.apply(settings,
			new LatentPlotSettings())).table();
	}

	/** New images from a VAE ({@link GenerateSettings}), as a stack. */
	public static ImagePlus generate(final File model, final Map<String, ?> settings) {
		if (Engine.loader() != null) return (ImagePlus) cross("generate", new Class<?>[] { File.class, Map.class },
			model, settings);
		return Autoencoders.generate(model, Settings.apply(settings, new GenerateSettings()));
	}

	/**
	 * Writes a denoiser as a bioimage.io model package ({@link ExportSettings}: at least {@code model} and
	 * {@code output}, e.g. {@code ["model": "/m.aemodel", "output": "/m.zip", "authors": "Ada Lovelace"]}); returns
	 * the package written.
	 */
	public static File export(final Map<String, ?> settings) {
		if (Engine.loader() != null) return (File) cross("export", new Class<?>[] { Map.class }, settings);
		return Autoencoders.export(Settings.apply(settings, new ExportSettings()));
	}

	/** What a model file holds: kind, architecture, training data and history. */
	public static String info(final File model) {
		if (Engine.loader() != null) return (String) cross("info", new Class<?>[] { File.class }, model);
		return Autoencoders.info(model);
	}

	/**
	 * Denoises an ImgLib2 image with known axes ({@link DenoiseSettings}; e.g. {@code AxisImages.wrap(imp)}, or
	 * {@code AxisImage.of(img, Axis.X, Axis.Y, Axis.Z)}); the result is a new 32-bit image with the same axes.
	 */
	public static <T extends RealType<T>> AxisImage<FloatType> denoise(final AxisImage<T> image, final File model,
		final Map<String, ?> settings)
	{
		final DenoiseSettings s = Settings.apply(settings, new DenoiseSettings());
		return Autoencoders.denoise(image, Autoencoders.modelFiles(model, s.channelModels), s.tileSize, s.ensemble,
			PredictionMonitor.NONE);
	}

	private static Object cross(final String method, final Class<?>[] types, final Object... args) {
		try {
			return Engine.invokeStatic(FijiAutoencoders.class.getName(), method, types, args);
		}
		catch (final RuntimeException e) {
			throw Crossing.sameKind(e);
		}
	}
}
