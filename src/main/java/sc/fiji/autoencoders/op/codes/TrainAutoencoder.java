package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** Trains a convolutional autoencoder whose code describes each image (sparse, contractive, linear, masked...). */
@Plugin(type = Operation.class, name = "train-autoencoder", label = "Train Autoencoder for Features...",
	priority = 25, menuPath = "Plugins>Autoencoders>Generate and Codes>Train Autoencoder for Features...",
	description = "Train a convolutional autoencoder for features: a code of N numbers per image (plain, sparse, " +
		"contractive or linear = PCA; masked or denoising with a corruption), and a Gaussian fitted to the codes.",
	attrs = { @Attr(name = "command", value = "TrainAutoencoderForFeatures"), @Attr(name = "output", value = "summary") })
public final class TrainAutoencoder implements Operation<TrainAutoencoderSettings, AutoencoderModel> {

	@Override
	public Class<TrainAutoencoderSettings> settingsType() {
		return TrainAutoencoderSettings.class;
	}

	@Override
	public AutoencoderModel run(final TrainAutoencoderSettings s, final Task task) {
		return CodeModels.trainAutoencoder(s.images, s, s.model, task.training(), task.cancelHook());
	}
}
