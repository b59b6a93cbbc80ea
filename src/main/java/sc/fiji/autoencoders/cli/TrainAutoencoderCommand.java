package sc.fiji.autoencoders.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.TrainAutoencoderSettings;

/**
 * {@code fiji-ae train-autoencoder}: a convolutional feature autoencoder (plain, sparse, contractive or linear) on
 * same-size images; options are {@link TrainAutoencoderSettings}.
 */
@Command(name = "train-autoencoder", mixinStandardHelpOptions = true,
	description = "Train a convolutional autoencoder for features (a code per image) on a stack, a folder of same-size " +
		"images or IDX files: plain, sparse, contractive or linear (the PCA baseline).")
final class TrainAutoencoderCommand extends TrainCodeModelCommand<TrainAutoencoderSettings> {

	@Option(names = "--code", defaultValue = "16", description = "Numbers in each image's code (default " +
		"${DEFAULT-VALUE}).")
	int code;

	@Option(names = "--regularizer", defaultValue = "none", description = "none (default), sparse (L1 on the code), " +
		"contractive (encoder Jacobian norm) or linear (no non-linearity: PCA).")
	String regularizer;

	@Option(names = "--weight", defaultValue = "0.01", description = "Weight of the sparse or contractive penalty " +
		"(default ${DEFAULT-VALUE}).")
	float weight;

	@Option(names = "--corruption", defaultValue = "none", description = "What the encoder sees while training (the " +
		"loss is against the clean image): none (default), mask:F (a fraction F of patches hidden), pixels:F (a " +
		"fraction F of pixels hidden) or noise:S (Gaussian noise of standard deviation S, intensities in [0, 1]).")
	String corruption;

	@Override
	TrainAutoencoderSettings newSettings() {
		return new TrainAutoencoderSettings();
	}
}
