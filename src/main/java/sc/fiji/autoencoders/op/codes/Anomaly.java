package sc.fiji.autoencoders.op.codes;

import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** How badly a model reconstructs each image (a table) and each pixel (error maps). */
@Plugin(type = Operation.class, name = "anomaly", label = "Autoencoder Anomaly Map...", priority = 0,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Autoencoder Anomaly Map...",
	description = "Score images by how badly the model reconstructs them: one row per image plane (mean absolute " +
		"error, negative ELBO for VAEs) and a per-pixel absolute error map shaped like each input. Works with VAEs and " +
		"denoisers.",
	attrs = { @Attr(name = "command", value = "AutoencoderAnomalyMap"), @Attr(name = "output", value = "scores") })
public final class Anomaly implements Operation<AnomalySettings, AnomalyMaps> {

	@Override
	public Class<AnomalySettings> settingsType() {
		return AnomalySettings.class;
	}

	@Override
	public AnomalyMaps run(final AnomalySettings settings, final Task task) {
		final List<AnomalyResult> results = new ArrayList<>();
		for (final ImagePlus imp : settings.input)
			results.add(CodeModels.anomaly(imp, settings.model));
		return new AnomalyMaps(settings.input, results);
	}

	@Override
	public String resultName() {
		return "Anomaly scores";
	}
}
