package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.ModelDescription;

/** Plugins > Autoencoders > Autoencoder Model Info: what a model file holds. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Autoencoder Model Info...")
public class AutoencoderModelInfo extends ContextCommand {

	@Parameter(label = "Model file")
	private File model_file;

	@Parameter(type = ItemIO.OUTPUT)
	private String info;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			info = model_file.getName() + ":\n" + ModelDescription.describe(ModelFile.load(model_file));
			log.info(info);
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
