package sc.fiji.autoencoders.op.denoising;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** One click: Noise2Void trained on the noisy image itself, then applied to it. */
@Plugin(type = Operation.class, name = "denoise-noise2void", label = "Denoise with Noise2Void (one click)...",
	priority = 100, menuPath = "Plugins>Autoencoders>Denoise>Denoise with Noise2Void (one click)...",
	description = "No model and no clean image needed: train Noise2Void on the noisy image or stack itself for a few " +
		"minutes, then denoise it with that model.",
	attrs = { @Attr(name = "command", value = "DenoiseWithNoise2Void"), @Attr(name = "output", value = "denoised") })
public final class DenoiseSelfSupervised implements Operation<SelfSupervisedSettings, ImagePlus> {

	@Override
	public Class<SelfSupervisedSettings> settingsType() {
		return SelfSupervisedSettings.class;
	}

	@Override
	public ImagePlus run(final SelfSupervisedSettings settings, final Task task) {
		return Autoencoders.denoiseSelfSupervised(settings.image, settings, task.training(), task.cancelHook(), task);
	}
}
