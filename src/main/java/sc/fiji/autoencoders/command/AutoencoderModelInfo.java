package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.models.Info;

/** {@link Info} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Autoencoder Model Info...", visible = false)
public class AutoencoderModelInfo extends OperationCommand {

	public AutoencoderModelInfo() {
		super(Info.class, null, "info");
	}
}
