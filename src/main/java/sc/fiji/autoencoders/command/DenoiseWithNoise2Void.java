package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.denoising.DenoiseSelfSupervised;

/** {@link DenoiseSelfSupervised} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Denoise with Noise2Void (one click)...", visible = false)
public class DenoiseWithNoise2Void extends OperationCommand {

	public DenoiseWithNoise2Void() {
		super(DenoiseSelfSupervised.class, null, "denoised");
	}
}
