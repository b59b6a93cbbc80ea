package sc.fiji.autoencoders.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.predict.Anomaly;

/** Plugins > Autoencoders > Autoencoder Anomaly Map: reconstruction error per slice (table) and per pixel (image). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Autoencoder Anomaly Map...")
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
		try {
			final List<Anomaly.Result> results = Anomaly.score(ModelFile.load(model_file), ImageFiles.planes(image));
			scores = new ResultsTable();
			final List<Plane> maps = new ArrayList<>();
			for (int i = 0; i < results.size(); i++) {
				scores.incrementCounter();
				scores.addValue("image", i + 1);
				scores.addValue("mean_absolute_error", results.get(i).meanAbsoluteError);
				scores.addValue("negative_elbo_nats", results.get(i).negativeElbo);
				maps.add(results.get(i).errorMap);
			}
			error_map = ImageFiles.toImagePlus(image.getTitle() + "-error", maps, image.getNChannels(), image.getNSlices(),
				image.getNFrames());
			ImageFiles.copyCalibration(image, error_map);
			Tables.show(scores, "Anomaly scores of " + image.getTitle());
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
