package sc.fiji.autoencoders.cli;

import java.io.File;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.TrainVaeSettings;

/** {@code fiji-ae train-vae}: train a convolutional VAE on same-size images; options are {@link TrainVaeSettings}. */
@Command(name = "train-vae", mixinStandardHelpOptions = true,
	description = "Train a convolutional variational autoencoder on a stack, a folder of same-size images or IDX files.")
final class TrainVaeCommand extends TrainCodeModelCommand<TrainVaeSettings> {

	@Option(names = "--latent", defaultValue = "16", description = "Latent dimensions (default ${DEFAULT-VALUE}).")
	int latent;

	@Option(names = "--beta", defaultValue = "1", description = "Weight of the KL term (default ${DEFAULT-VALUE}).")
	float beta;

	@Option(names = "--kl-warmup", defaultValue = "0", description = "Epochs of linear KL warm-up (default none).")
	int klWarmup;

	@Option(names = "--likelihood", defaultValue = "bernoulli", description = "bernoulli (default) or gaussian.")
	String likelihood;

	@Option(names = "--labels", defaultValue = "none", description = "none (default), or auto or slices: train a " +
		"class-conditional VAE on the slice labels (a folder of class subfolders labels each image by its subfolder).")
	String labels;

	@Option(names = "--labels-file", paramLabel = "CSV", description = "Train a class-conditional VAE on the labels " +
		"of a CSV file with a 'label' column (and optionally 'image', the 1-based image number).")
	File labelsFile;

	@Override
	TrainVaeSettings newSettings() {
		return new TrainVaeSettings();
	}
}
