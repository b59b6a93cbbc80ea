package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Vae;

/** Plugins > Autoencoders > Interpolate in VAE Latent Space: between two slices of a stack. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Interpolate in VAE Latent Space...")
public class InterpolateInVaeLatentSpace extends ContextCommand {

	@Parameter(label = "Stack with the two images")
	private ImagePlus image;

	@Parameter(label = "VAE model file")
	private File model_file;

	@Parameter(label = "From slice", min = "1")
	private int from_slice = 1;

	@Parameter(label = "To slice", min = "1")
	private int to_slice = 2;

	@Parameter(label = "Steps", min = "2")
	private int steps = 8;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus interpolation;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try (Vae vae = new Vae(ModelFile.load(model_file, AutoencoderModel.VAE))) {
			final var planes = ImageFiles.planes(image);
			for (final int s : new int[] { from_slice, to_slice })
				if (s < 1 || s > planes.size()) throw new BadInputException("Slice " + s + " does not exist: '" + image
					.getTitle() + "' has " + planes.size() + " slices.");
			final var strip = vae.interpolate(planes.get(from_slice - 1), planes.get(to_slice - 1), steps);
			interpolation = ImageFiles.toImagePlus("Interpolation " + from_slice + "-" + to_slice, strip, 1, strip.size(), 1);
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
