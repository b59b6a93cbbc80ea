package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.op.codes.AnomalyResult;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;

/** Plugins > Autoencoders > Autoencoder Anomaly Map: reconstruction error per slice (table) and per pixel (image). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Autoencoder Anomaly Map...", visible = false)
public class AutoencoderAnomalyMap extends ContextCommand {

	@Parameter(label = "Images")
	private ImagePlus image;

	@Parameter(label = "Model file (VAE or denoiser)")
	private File model_file;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus error_map;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable scores;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			final AnomalyResult r = Autoencoders.anomaly(image, model_file);
			scores = r.scores();
			error_map = r.errorMap();
			Tables.show(scores, "Anomaly scores of " + image.getTitle());
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
