package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.LatentPlot;

/** {@link LatentPlot} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Latent Space Plot...", visible = false)
public class LatentSpacePlot extends OperationCommand {

	public LatentSpacePlot() {
		super(LatentPlot.class, null, "plot");
	}
}
