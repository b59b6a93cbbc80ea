package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.Anomaly;

/** {@link Anomaly} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Autoencoder Anomaly Map...", visible = false)
public class AutoencoderAnomalyMap extends OperationCommand {

	public AutoencoderAnomalyMap() {
		super(Anomaly.class, null, "scores");
	}
}
