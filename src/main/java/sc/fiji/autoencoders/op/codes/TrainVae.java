package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** Trains a convolutional VAE (class-conditional with labels). */
@Plugin(type = Operation.class, name = "train-vae", label = "Train Variational Autoencoder...", priority = 70,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Train Variational Autoencoder...",
	description = "Train a convolutional variational autoencoder on a stack, a folder of same-size images or IDX " +
		"files; with labels, a class-conditional VAE.",
	attrs = { @Attr(name = "command", value = "TrainVariationalAutoencoder"), @Attr(name = "output", value = "summary") })
public final class TrainVae implements Operation<TrainVaeSettings, AutoencoderModel> {

	@Override
	public Class<TrainVaeSettings> settingsType() {
		return TrainVaeSettings.class;
	}

	@Override
	public AutoencoderModel run(final TrainVaeSettings s, final Task task) {
		return CodeModels.trainVae(s.images, s, s.model, task.training(), task.cancelHook());
	}
}
