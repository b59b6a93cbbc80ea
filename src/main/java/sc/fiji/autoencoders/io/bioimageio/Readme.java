package sc.fiji.autoencoders.io.bioimageio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserMethod;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.TrainingHistory;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * The package's documentation (README.md) and training details, read from what the model file stores: its
 * description ({@link ModelDescription}), training history and the training settings as given.
 */
final class Readme {

	/** Epochs listed in the README's table (the last ones). */
	static final int TABLE_EPOCHS = 20;

	private Readme() {}

	/** E.g. "Noise2Void (noisy images only), N2V2 masking ..." or "clean images with gaussian:25 noise added". */
	static String mode(final AutoencoderModel m) {
		return m.trainingMethod().readme(m);
	}

	/** The schema's TrainingDetails (config.bioimageio.training). */
	static Map<String, Object> training(final AutoencoderModel m) {
		final Map<String, Object> t = new LinkedHashMap<>();
		t.put("training_preprocessing", "percentile normalization: intensity " + fmt(m.normalization.low()) +
			" to 0, " + fmt(m.normalization.high()) + " to 1 (no clipping); random flips and quarter turns of patches of " +
			m.patchSize + " pixels" + (m.mode == TrainingMode.CLEAN ? "; noise " + m.noise + " added on the fly" : ""));
		t.put("training_epochs", m.history.size());
		final JsonObject s = settings(m);
		if (s != null && s.has("batchSize")) t.put("training_batch_size", s.get("batchSize").getAsDouble());
		if (s != null && s.has("learningRate")) t.put("initial_learning_rate", s.get("learningRate").getAsDouble());
		if (s != null && s.has("schedule")) t.put("learning_rate_schedule", s.get("schedule").getAsString());
		t.put("loss_function", m.trainingMethod().loss());
		t.put("optimizer", "Adam");
		double seconds = 0;
		for (final TrainingHistory.Epoch e : m.history.epochs())
			seconds += e.seconds;
		t.put("training_duration", seconds / 3600);
		return t;
	}

	static String of(final AutoencoderModel m, final String name, final BioImageIoExport.Geometry g,
		final boolean syntheticSample)
	{
		final StringBuilder sb = new StringBuilder();
		sb.append("# ").append(name).append("\n\n");
		sb.append(BioImageIoExport.description(m)).append("\n\n");
		sb.append("## How it was trained\n\n");
		final DenoiserMethod method = m.trainingMethod();
		sb.append("Training method: **").append(method.displayName()).append("**. Trained with [Fiji Autoencoders]" +
			"(https://github.com/fiji-autoencoders/fiji-autoencoders) on ").append(mode(m)).append(".\n\n");
		sb.append("Please cite:\n\n");
		for (final Map<String, Object> c : Citations.of(m))
			sb.append("- ").append(c.get("text")).append(c.containsKey("doi") ? " https://doi.org/" + c.get("doi") : " " + c
				.get("url")).append('\n');
		sb.append('\n');
		sb.append("What the model file records:\n\n```\n").append(ModelDescription.describe(m)).append("```\n\n");
		final JsonObject s = settings(m);
		if (s != null) {
			sb.append("Training settings as given:\n\n| setting | value |\n|---|---|\n");
			for (final Map.Entry<String, JsonElement> e : s.entrySet())
				sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue().isJsonPrimitive() ? e.getValue()
					.getAsString() : e.getValue().toString()).append(" |\n");
			sb.append('\n');
		}
		final List<TrainingHistory.Epoch> epochs = m.history.epochs();
		if (!epochs.isEmpty()) {
			final boolean noMetric = method.metricLabel() == null;
			final String metric = noMetric ? "(no clean image: no PSNR)" : m.mode == TrainingMode.PAIRS
				? "validation PSNR against the targets (dB)" : "validation PSNR (dB)";
			sb.append("Training history").append(epochs.size() > TABLE_EPOCHS ? " (last " + TABLE_EPOCHS + " epochs)" : "")
				.append(":\n\n| epoch | step | training loss | validation loss | ").append(metric).append(" | seconds |\n")
				.append("|---|---|---|---|---|---|\n");
			for (final TrainingHistory.Epoch e : epochs.subList(Math.max(0, epochs.size() - TABLE_EPOCHS), epochs.size()))
				sb.append(String.format(Locale.ROOT, "| %d | %d | %.5g | %.5g | %s | %.1f |%n", e.epoch, e.step,
					e.trainLoss,
					e.validationLoss, noMetric ? "" : String.format(Locale.ROOT, "%.3f",
						e.validationMetric), e.seconds));
			sb.append('\n');
		}
		sb.append("## Validation\n\n");
		final TrainingHistory.Epoch best = m.history.best();
		if (best == null) sb.append("No validation was recorded.\n\n");
		else if (method.metricLabel() == null) sb.append(String.format(Locale.ROOT, "Best epoch %d: %s %.5g on " +
			"held-out noisy patches. Without clean images there is no PSNR; to measure one, denoise noisy images whose " +
			"clean versions you have and compare.%n%n", best.epoch, method.validationLabel(), best.validationLoss));
		else sb.append(String.format(Locale.ROOT, "Best epoch %d: validation loss %.5g, %s %.3f dB on held-out " +
			"patches. To validate on your own data: `fiji-ae evaluate --model MODEL.aemodel --clean CLEAN_IMAGES " +
			"--noise SPEC` (clean images and a noise model), or denoise noisy images and compare with their clean " +
			"versions.%n%n", best.epoch, best.validationLoss, m.mode == TrainingMode.PAIRS
				? "PSNR against the targets" : "PSNR", best.validationMetric));
		sb.append("## Input and output\n\n");
		sb.append(String.format(Locale.ROOT, "- Axes: batch, %s, channel (%d). Sizes: at least %d, in steps of %d " +
			"(2 to the power of the pooling levels)%s.%n", g.dims == 3 ? "z, y, x" : "y, x", g.channels, g.min, g.step,
			g.dims == 3 ? String.format(Locale.ROOT, "; z at least %d in steps of %d (only the levels that pool Z count)",
				g.minZ, g.stepZ) : ""));
		sb.append(String.format(Locale.ROOT, "- Halo (an upper bound of the receptive radius): %d pixels%s; crop it " +
			"from tiles, as deepImageJ does.%n", g.halo, g.dims == 3 ? " in x and y, " + g.haloZ + " in z" : ""));
		sb.append(String.format(Locale.ROOT, "- Preprocessing `scale_linear` maps intensity %s to 0 and %s to 1 (the " +
			"model's stored percentile normalization); postprocessing maps back. Values are not clipped. Fiji " +
			"Autoencoders also replaces non-finite pixels by 0 before and restores them after; the package cannot " +
			"say that.%n", fmt(m.normalization.low()), fmt(m.normalization.high())));
		sb.append("- Test and sample images: ").append(syntheticSample ? "synthetic blobs with Gaussian noise (no " +
			"sample image was given at export)." : "a crop of the sample image given at export.").append("\n\n");
		sb.append("## Use\n\n");
		sb.append("- deepImageJ (Fiji): install this zip as a model; it runs on the TensorFlow 2 engine (TensorFlow " +
			"2.10.1).\n");
		sb.append("- Fiji Autoencoders: `fiji-ae denoise --model THIS.zip --input ... --output ...`, or Denoise with " +
			"Autoencoder with this zip as the model file: it uses the attached `.aemodel`, which can also be retrained " +
			"or resumed (`--resume-from`).\n");
		sb.append("- Python: `bioimageio.core` (`bioimageio predict`).\n");
		return sb.toString();
	}

	private static JsonObject settings(final AutoencoderModel m) {
		if (m.trainingSettings == null) return null;
		try {
			final JsonElement e = JsonParser.parseString(m.trainingSettings);
			return e.isJsonObject() ? e.getAsJsonObject() : null;
		}
		catch (final RuntimeException e) {
			return null; // a record for people; a damaged one is left out
		}
	}

	private static String fmt(final double v) {
		return String.format(Locale.ROOT, "%.6g", v);
	}
}
