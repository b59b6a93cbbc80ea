package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.measure.ResultsTable;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** The code of every image: a table row each. */
@Plugin(type = Operation.class, name = "encode", label = "Encode with VAE...", priority = 20,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Encode with VAE...",
	description = "Encode images with a VAE or feature autoencoder: one row per image with mu_0.. and logvar_0.. " +
		"columns (VAE) or code_0.. columns (autoencoder), and a label column when there are labels.",
	attrs = { @Attr(name = "command", value = "EncodeWithVae"), @Attr(name = "output", value = "table") })
public final class Encode implements Operation<EncodeSettings, ResultsTable> {

	@Override
	public Class<EncodeSettings> settingsType() {
		return EncodeSettings.class;
	}

	/** The table's title since the first version, which macros select it by. */
	@Override
	public String resultName() {
		return "Latent codes";
	}

	@Override
	public ResultsTable run(final EncodeSettings settings, final Task task) {
		return CodeModels.encode(settings.input, settings.model, settings);
	}
}
