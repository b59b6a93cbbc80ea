package sc.fiji.autoencoders.command;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.models.Export;

/** {@link Export} for scripts and {@code CommandService} (its name since the first version); the menu is ImageJ 1's. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Export to BioImage Model Zoo...", visible = false)
public class ExportToBioImageIo extends OperationCommand {

	public ExportToBioImageIo() {
		super(Export.class, null, "written");
	}
}
