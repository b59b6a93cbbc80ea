package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.Generate;

/** {@link Generate} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Generate from VAE...", visible = false)
public class GenerateFromVae extends OperationCommand {

	public GenerateFromVae() {
		super(Generate.class, null, "generated");
	}
}
