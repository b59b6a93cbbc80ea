package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.Encode;

/** {@link Encode} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Encode with VAE...", visible = false)
public class EncodeWithVae extends OperationCommand {

	public EncodeWithVae() {
		super(Encode.class, null, "table");
	}
}
