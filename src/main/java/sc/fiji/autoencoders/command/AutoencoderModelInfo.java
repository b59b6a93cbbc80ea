package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;

/** Plugins > Autoencoders > Autoencoder Model Info: what a model file holds. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Autoencoder Model Info...", visible = false)
public class AutoencoderModelInfo extends ContextCommand {

	@Parameter(label = "Model file")
	private File model_file;

	@Parameter(type = ItemIO.OUTPUT)
	private String info;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			info = Autoencoders.info(model_file);
			log.info(info);
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
