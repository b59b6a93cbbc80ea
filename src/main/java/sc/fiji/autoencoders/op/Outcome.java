package sc.fiji.autoencoders.op;

import java.util.LinkedHashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.NoisePlotData;
import sc.fiji.autoencoders.op.codes.AnomalyMaps;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.predict.Evaluation;

/**
 * An operation's result as the front ends present it, so that none of them knows the result types: a message for the
 * Log or the terminal, named outputs of the types every front end shows or writes ({@code ImagePlus},
 * {@code ResultsTable}, {@code String}, {@code File}), the main one first, and the value a script gets. A new result
 * type is mapped here, once.
 */
public final class Outcome {

	/** Lines for the Log or the terminal, or null. */
	public final String message;
	/** The outputs by name, the main one first. */
	public final Map<String, Object> outputs = new LinkedHashMap<>();
	/** What a script gets: a value of a type scripts share with every class loader. */
	public final Object value;

	private Outcome(final String message, final Object value) {
		this.message = message;
		this.value = value;
	}

	/**
	 * @param settings the settings the result was made with (they name the written file and the images)
	 * @param main the main output's name: the SciJava command's output, or the title of ImageJ's window
	 */
	public static Outcome of(final Object result, final Object settings, final String main) {
		if (result instanceof AutoencoderModel) {
			final String summary = ((AutoencoderModel) result).summary();
			final String saved = "Saved " + Settings.writtenFile(settings) + ": " + summary;
			return new Outcome(saved, summary).with(main, saved);
		}
		if (result instanceof ChannelNoiseModels) {
			final ChannelNoiseModels noise = (ChannelNoiseModels) result;
			final String saved = "Saved " + Settings.writtenFile(settings) + ":\n" + noise.describe().trim();
			return new Outcome(saved, saved).with(main, saved).with("noise_plot", Plots.noise(NoisePlotData.of(noise
				.channel(0), 255)).getImagePlus());
		}
		if (result instanceof Evaluation) {
			final ResultsTable table = ((Evaluation) result).table();
			return new Outcome(((Evaluation) result).summary(), table).with(main, table);
		}
		if (result instanceof AnomalyMaps) {
			final AnomalyMaps maps = (AnomalyMaps) result;
			final Outcome o = new Outcome(null, maps.scores()).with(main, maps.scores());
			for (int i = 0; i < maps.results().size(); i++)
				o.with("error_map" + (i == 0 ? "" : "_" + (i + 1)), maps.results().get(i).errorMap());
			return o;
		}
		if (result instanceof LatentScatter) {
			final LatentScatter s = (LatentScatter) result;
			final ImagePlus images = firstImage(settings);
			final String title = "Latent space" + (images == null ? "" : " of " + images.getTitle());
			return new Outcome("Plotted " + s.x().length + " images (" + s.classes().size() + " classes)", s.table())
				.with(main, Plots.latent(s, title).getImagePlus());
		}
		return new Outcome(result instanceof String ? (String) result : null, result).with(main, result);
	}

	/** The outputs a result of {@code type} gives, by name: what a SciJava command declares before it runs. */
	public static Map<String, Class<?>> outputs(final Class<?> type, final String main) {
		final Map<String, Class<?>> out = new LinkedHashMap<>();
		if (AnomalyMaps.class.isAssignableFrom(type)) {
			out.put(main, ResultsTable.class);
			out.put("error_map", ImagePlus.class);
		}
		else if (AutoencoderModel.class.isAssignableFrom(type) || type == String.class) out.put(main, String.class);
		else if (ChannelNoiseModels.class.isAssignableFrom(type)) {
			out.put(main, String.class);
			out.put("noise_plot", ImagePlus.class);
		}
		else if (Evaluation.class.isAssignableFrom(type) || type == Object.class) out.put(main, ResultsTable.class);
		else if (LatentScatter.class.isAssignableFrom(type)) out.put(main, ImagePlus.class);
		else out.put(main, type);
		return out;
	}

	/** The main output. */
	public Object main() {
		return outputs.values().iterator().next();
	}

	private Outcome with(final String name, final Object output) {
		outputs.put(name, output);
		return this;
	}

	/** The first image of the settings' images, or null. */
	private static ImagePlus firstImage(final Object settings) {
		for (final java.lang.reflect.Field f : Settings.fields(settings.getClass())) {
			final Object v = Settings.isImages(f) ? Settings.get(f, settings) : null;
			if (v instanceof ImagePlus) return (ImagePlus) v;
			if (v instanceof java.util.List && !((java.util.List<?>) v).isEmpty()) return (ImagePlus) ((java.util.List<?>) v)
				.get(0);
		}
		return null;
	}
}
