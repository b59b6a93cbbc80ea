package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.TrainVae;

/** {@link TrainVae} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Variational Autoencoder...", visible = false)
public class TrainVariationalAutoencoder extends OperationCommand {

	public TrainVariationalAutoencoder() {
		super(TrainVae.class, null, "summary");
	}
}
