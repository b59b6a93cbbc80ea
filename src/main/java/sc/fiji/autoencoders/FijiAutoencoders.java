package sc.fiji.autoencoders;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Crossing;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Operations;
import sc.fiji.autoencoders.op.Outcome;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.denoising.AxisDenoising;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * The entry point for scripts (Groovy, Jython, JavaScript in Fiji's Script Editor, or Java): {@link #run} runs any
 * operation by its command-line name with its settings given by their macro keys, e.g.
 * {@code run("train-denoiser", ["noisy": imp, "model": file, "minutes": 5])}; absent keys keep the defaults of the menu
 * commands. In an installed Fiji it crosses into the isolated TensorFlow engine by itself, so a script needs nothing
 * but this class. The named methods below are the calls of earlier versions, kept for their scripts. Bad input throws
 * {@link BadInputException} with a message naming the fix. See docs/SCRIPTING.md.
 */
public final class FijiAutoencoders {

	private FijiAutoencoders() {}

	/**
	 * Runs the operation {@code name} ({@code fiji-ae --help} lists them) with {@code settings} by macro key (images as
	 * {@code ImagePlus}, files as {@code File} or paths). Returns an {@code ImagePlus}, a {@code ResultsTable} (codes,
	 * scores, the points of a latent plot), a {@code File} (an export), or a text (a training's summary, model info).
	 */
	public static Object run(final String name, final Map<String, ?> settings) {
		if (Engine.loader() == null) return new Call().apply(new Object[] { name, settings });
		try {
			return Engine.apply(Call.class, new Object[] { name, settings });
		}
		catch (final RuntimeException e) {
			throw Crossing.sameKind(e);
		}
	}

	/** {@link #run}'s work, where TensorFlow is: input {name, settings}, result of a type every class loader shares. */
	public static final class Call implements Function<Object[], Object> {

		@Override
		public Object apply(final Object[] in) {
			@SuppressWarnings("unchecked")
			final Map<String, ?> values = (Map<String, ?>) in[1];
			return run(Operations.get((String) in[0]), values);
		}

		private static <S> Object run(final Operation<S, ?> op, final Map<String, ?> values) {
			final S settings = Settings.apply(values, Settings.defaults(op.settingsType()));
			return Outcome.of(Operations.run(op, settings, Task.NONE), settings, "result").value;
		}
	}

	/**
	 * Trains a denoiser on an image or stack (clean by default, noisy for Noise2Void with {@code "mode": "noisy"}),
	 * saves it, and describes it.
	 */
	public static String trainDenoiser(final ImagePlus clean, final File model, final Map<String, ?> settings) {
		return (String) run("train-denoiser", with(settings, "clean", clean, "model", model));
	}

	/**
	 * Trains a denoiser on a registered pair (CARE or Noise2Noise): {@code target} is the clean or second noisy
	 * acquisition of {@code input}'s scene, of the same size. Saves the model and describes it.
	 */
	public static String trainDenoiserOnPairs(final ImagePlus input, final ImagePlus target, final File model,
		final Map<String, ?> settings)
	{
		return (String) run("train-denoiser", with(settings, "input", input, "target", target, "model", model));
	}

	/** Denoises an image, stack or hyperstack; the result is 32-bit, same dimensions. */
	public static ImagePlus denoise(final ImagePlus image, final File model, final Map<String, ?> settings) {
		return (ImagePlus) run("denoise-image", with(settings, "image", image, "model", model));
	}

	/** Trains a VAE on a stack of same-size images, saves it, and describes it. */
	public static String trainVae(final ImagePlus images, final File model, final Map<String, ?> settings) {
		return (String) run("train-vae", with(settings, "images", images, "model", model));
	}

	/** Trains a feature autoencoder on a stack of same-size images, saves it, and describes it. */
	public static String trainAutoencoder(final ImagePlus images, final File model, final Map<String, ?> settings) {
		return (String) run("train-autoencoder", with(settings, "images", images, "model", model));
	}

	/**
	 * Latent arithmetic: decodes code(A) + strength (mean code(B) - mean code(C)) for every slice A of {@code image}, B
	 * and C being the slices of {@code add} and {@code subtract}; as a stack.
	 */
	public static ImagePlus arithmetic(final ImagePlus image, final ImagePlus add, final ImagePlus subtract,
		final File model, final Map<String, ?> settings)
	{
		return (ImagePlus) run("arithmetic", with(settings, "image", image, "add", add, "subtract", subtract, "model",
			model));
	}

	/**
	 * The points of the latent-space plot of a stack, one row per slice: the two coordinates, in columns named by the
	 * axes ("PC 1", or "code 3"), and the class in column {@code label} when there are labels.
	 * {@code Plots.latent(LatentScatter.of(table), title)} draws it as the menu command does.
	 */
	public static ResultsTable latentPlot(final ImagePlus images, final File model, final Map<String, ?> settings) {
		return (ResultsTable) run("latent-plot", with(settings, "input", images, "model", model));
	}

	/** New images from a VAE, as a stack. */
	public static ImagePlus generate(final File model, final Map<String, ?> settings) {
		return (ImagePlus) run("generate", with(settings, "model", model));
	}

	/** Writes a denoiser as a bioimage.io model package (at least {@code model} and {@code output}); returns it. */
	public static File export(final Map<String, ?> settings) {
		return (File) run("export", settings);
	}

	/** What a model file holds: kind, architecture, training data and history. */
	public static String info(final File model) {
		return (String) run("info", with(null, "model", model));
	}

	/**
	 * Denoises an ImgLib2 image with known axes ({@link DenoiseSettings}; e.g. {@code AxisImages.wrap(imp)}, or
	 * {@code AxisImage.of(img, Axis.X, Axis.Y, Axis.Z)}); the result is a new 32-bit image with the same axes.
	 */
	public static <T extends RealType<T>> AxisImage<FloatType> denoise(final AxisImage<T> image, final File model,
		final Map<String, ?> settings)
	{
		final DenoiseSettings s = Settings.apply(settings, new DenoiseSettings());
		return AxisDenoising.denoise(image, Autoencoders.modelFiles(model, s.channelModels), s.tileSize, s.ensemble,
			PredictionMonitor.NONE);
	}

	/** {@code settings} with the given key-value pairs added (the images and files of the named methods). */
	private static Map<String, Object> with(final Map<String, ?> settings, final Object... pairs) {
		final Map<String, Object> all = new HashMap<>();
		if (settings != null) all.putAll(settings);
		for (int i = 0; i < pairs.length; i += 2)
			all.put((String) pairs[i], pairs[i + 1]);
		return all;
	}
}
