package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.Walk;

/** {@link Walk} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>VAE Latent Walk...", visible = false)
public class VaeLatentWalk extends OperationCommand {

	public VaeLatentWalk() {
		super(Walk.class, null, "walk");
	}
}
