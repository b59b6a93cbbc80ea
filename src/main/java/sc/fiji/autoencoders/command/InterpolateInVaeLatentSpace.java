package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.Interpolate;

/** {@link Interpolate} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Interpolate in VAE Latent Space...", visible = false)
public class InterpolateInVaeLatentSpace extends OperationCommand {

	public InterpolateInVaeLatentSpace() {
		super(Interpolate.class, null, "interpolation");
	}
}
