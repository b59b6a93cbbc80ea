package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.op.Task;

/** Adds a trait to images in latent space: code(A) + S (mean code(B) - mean code(C)), decoded. */
@Plugin(type = Operation.class, name = "arithmetic", label = "Latent Arithmetic...", priority = 30,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Latent Arithmetic...",
	description = "Latent arithmetic with a VAE or autoencoder: decodes code(A) + S (mean code(B) - mean code(C)) for " +
		"every image A, e.g. to add a phenotype (B: with it, C: without it).",
	attrs = { @Attr(name = "command", value = "LatentArithmetic"), @Attr(name = "output", value = "result") })
public final class Arithmetic implements Operation<LatentArithmeticSettings, ImagePlus> {

	@Override
	public Class<LatentArithmeticSettings> settingsType() {
		return LatentArithmeticSettings.class;
	}

	@Override
	public ImagePlus run(final LatentArithmeticSettings s, final Task task) {
		final ImagePlus result = CodeModels.arithmetic(s.image, s.add, s.subtract, s.model, s);
		return ResultImages.grid(result, Math.max(1, result.getStackSize()), 1);
	}
}
