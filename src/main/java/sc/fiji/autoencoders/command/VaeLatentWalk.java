package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.codes.WalkSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;

/** Plugins > Autoencoders > VAE Latent Walk: a montage sweeping two latent dimensions. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>VAE Latent Walk...", visible = false)
public class VaeLatentWalk extends ContextCommand {

	@Parameter(label = "VAE model file")
	private File model_file;

	@Parameter(label = "First dimension (rows, 0-based)", min = "0")
	private int dim_i = 0;

	@Parameter(label = "Second dimension (columns, 0-based)", min = "0")
	private int dim_j = 1;

	@Parameter(label = "Range (sweep -R to R)", min = "0")
	private double range = 3;

	@Parameter(label = "Grid size", min = "2")
	private int grid = 8;

	@Parameter(label = "Class (class-conditional VAE)", required = false)
	private String label = "";

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus walk;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			walk = Autoencoders.walk(model_file, Settings.copy(this, new WalkSettings()));
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
