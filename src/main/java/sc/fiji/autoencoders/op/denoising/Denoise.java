package sc.fiji.autoencoders.op.denoising;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** Denoises one image, stack or hyperstack with a trained model; a virtual stack plane by plane into a file. */
@Plugin(type = Operation.class, name = "denoise-image", label = "Denoise with Autoencoder...", priority = 90,
	menuPath = "Plugins>Autoencoders>Denoise>Denoise with Autoencoder...",
	description = "Denoise an image, stack or hyperstack with a trained model: a 32-bit result of the same dimensions " +
		"and calibration (for many files and stacks larger than memory, use denoise).",
	attrs = { @Attr(name = "command", value = "DenoiseWithAutoencoder"), @Attr(name = "output", value = "denoised") })
public final class Denoise implements Operation<DenoiseSettings, ImagePlus> {

	@Override
	public Class<DenoiseSettings> settingsType() {
		return DenoiseSettings.class;
	}

	@Override
	public ImagePlus run(final DenoiseSettings settings, final Task task) {
		final long t0 = System.nanoTime();
		final ImagePlus out = Autoencoders.denoise(settings.image, settings.model, settings, task);
		task.log(String.format("Denoised %s in %.1f s", settings.image.getTitle(), (System.nanoTime() - t0) / 1e9) +
			(out.getStack().isVirtual() && out.getOriginalFileInfo() != null ? ", plane by plane into " + out
				.getOriginalFileInfo().getFilePath() + ", opened as a virtual stack" : ""));
		return out;
	}
}
