package sc.fiji.autoencoders.op.models;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** What a model file holds: its kind, network, training and data. */
@Plugin(type = Operation.class, name = "info", label = "Autoencoder Model Info...", priority = 10,
	menuPath = "Plugins>Autoencoders>Models>Autoencoder Model Info...", description = "Describe a model file.",
	attrs = { @Attr(name = "command", value = "AutoencoderModelInfo"), @Attr(name = "output", value = "info") })
public final class Info implements Operation<InfoSettings, String> {

	@Override
	public Class<InfoSettings> settingsType() {
		return InfoSettings.class;
	}

	@Override
	public String run(final InfoSettings settings, final Task task) {
		return Autoencoders.info(settings.model);
	}
}
