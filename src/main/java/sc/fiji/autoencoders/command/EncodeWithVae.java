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
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.LatentTable;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Vae;

/** Plugins > Autoencoders > Encode with VAE: latent mean and log-variance of every slice, to a Results table. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Encode with VAE...")
public class EncodeWithVae extends ContextCommand {

	@Parameter(label = "Images (stack)")
	private ImagePlus image;

	@Parameter(label = "VAE model file")
	private File model_file;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try (Vae vae = new Vae(ModelFile.load(model_file, AutoencoderModel.VAE))) {
			final var planes = ImageFiles.planes(image);
			final float[][] codes = vae.encode(planes);
			final int l = vae.spec().latent();
			table = new ResultsTable();
			final var headings = LatentTable.headings(l);
			for (int i = 0; i < planes.size(); i++) {
				table.incrementCounter();
				table.addValue(headings.get(0), i + 1);
				for (int j = 0; j < l; j++) {
					table.addValue(headings.get(1 + j), codes[0][i * l + j]);
					table.addValue(headings.get(1 + l + j), codes[1][i * l + j]);
				}
			}
			Tables.show(table, "Latent codes of " + image.getTitle());
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
