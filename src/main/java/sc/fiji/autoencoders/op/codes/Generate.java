package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.op.Task;

/** New images from a VAE's prior or from any autoencoder's fitted code Gaussian, decoded. */
@Plugin(type = Operation.class, name = "generate", label = "Generate from VAE...", priority = 60,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Generate from VAE...",
	description = "Generate new images from a VAE (z ~ N(0, T^2 I)) or from any autoencoder's fitted code Gaussian, " +
		"decoded.",
	attrs = { @Attr(name = "command", value = "GenerateFromVae"), @Attr(name = "output", value = "generated") })
public final class Generate implements Operation<GenerateSettings, ImagePlus> {

	@Override
	public Class<GenerateSettings> settingsType() {
		return GenerateSettings.class;
	}

	@Override
	public ImagePlus run(final GenerateSettings settings, final Task task) {
		return ResultImages.grid(CodeModels.generate(settings.model, settings), settings.columns, 1);
	}
}
