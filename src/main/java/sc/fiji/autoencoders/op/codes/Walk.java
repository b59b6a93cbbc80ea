package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.op.Task;

/** A G x G montage sweeping two latent dimensions, the others at 0. */
@Plugin(type = Operation.class, name = "walk", label = "VAE Latent Walk...", priority = 40,
	menuPath = "Plugins>Autoencoders>Generate and Codes>VAE Latent Walk...",
	description = "A G x G montage sweeping latent dimensions I (rows) and J (columns) from -R to R, others at 0.",
	attrs = { @Attr(name = "command", value = "VaeLatentWalk"), @Attr(name = "output", value = "walk") })
public final class Walk implements Operation<WalkSettings, ImagePlus> {

	@Override
	public Class<WalkSettings> settingsType() {
		return WalkSettings.class;
	}

	@Override
	public void check(final WalkSettings settings) {
		settings.resolveDims();
	}

	@Override
	public ImagePlus run(final WalkSettings settings, final Task task) {
		return ResultImages.grid(CodeModels.walk(settings.model, settings), 1, 1);
	}
}
