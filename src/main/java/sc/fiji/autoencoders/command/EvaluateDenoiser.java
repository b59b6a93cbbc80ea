package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.denoising.Evaluate;

/** {@link Evaluate} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Evaluate Denoiser...", visible = false)
public class EvaluateDenoiser extends OperationCommand {

	public EvaluateDenoiser() {
		super(Evaluate.class, null, "results");
	}
}
