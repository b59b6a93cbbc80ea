package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.TrainAutoencoder;

/** {@link TrainAutoencoder} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Autoencoder for Features...", visible = false)
public class TrainAutoencoderForFeatures extends OperationCommand {

	public TrainAutoencoderForFeatures() {
		super(TrainAutoencoder.class, null, "summary");
	}
}
