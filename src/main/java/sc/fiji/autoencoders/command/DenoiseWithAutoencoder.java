package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.denoising.Denoise;

/** {@link Denoise} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Denoise with Autoencoder...", visible = false)
public class DenoiseWithAutoencoder extends OperationCommand {

	public DenoiseWithAutoencoder() {
		super(Denoise.class, null, "denoised");
	}
}
