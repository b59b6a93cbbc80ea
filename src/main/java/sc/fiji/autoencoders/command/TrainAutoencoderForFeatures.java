package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.TrainAutoencoderSettings;

/**
 * Plugins > Autoencoders > Train Autoencoder for Features: a convolutional autoencoder with a code per image (plain,
 * sparse, contractive or linear) on a stack (every slice a sample).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Autoencoder for Features...", visible = false)
public class TrainAutoencoderForFeatures extends TrainCodeModel<TrainAutoencoderSettings> {

	@Parameter(label = "Code size", min = "1", max = "1024")
	private int code = 16;

	@Parameter(label = "Regularizer", choices = { "none", "sparse", "contractive", "linear" })
	private String regularizer = "none";

	@Parameter(label = "Penalty weight (sparse, contractive)", min = "0")
	private float weight = 0.01f;

	@Parameter(label = "Corruption while training (none, mask:F, pixels:F, noise:S)")
	private String corruption = "none";

	@Override
	TrainAutoencoderSettings newSettings() {
		return new TrainAutoencoderSettings();
	}
}
