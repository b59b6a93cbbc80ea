package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.Arithmetic;

/** {@link Arithmetic} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Latent Arithmetic...", visible = false)
public class LatentArithmetic extends OperationCommand {

	public LatentArithmetic() {
		super(Arithmetic.class, null, "result");
	}
}
