package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.denoising.TrainDenoiser;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;

/** {@link TrainDenoiser} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Denoising Autoencoder...", visible = false)
public class TrainDenoisingAutoencoder extends OperationCommand {

	public TrainDenoisingAutoencoder() {
		super(TrainDenoiser.class, TrainDenoiserSettings.ALL, "summary");
	}
}
