package sc.fiji.autoencoders.command;

import java.io.File;
import java.util.Collections;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.codes.LatentPlotSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.ij1.LatentPlot;

/** Plugins > Autoencoders > Latent Space Plot: a scatter of the codes, coloured by the slice labels. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Latent Space Plot...", visible = false)
public class LatentSpacePlot extends ContextCommand {

	@Parameter(label = "Images (stack; slice labels give classes)")
	private ImagePlus image;

	@Parameter(label = "VAE or autoencoder model file")
	private File model_file;

	@Parameter(label = "Axes", choices = { "pca", "dims" })
	private String axes = "pca";

	@Parameter(label = "Horizontal code dimension (axes dims)", min = "0")
	private int dim_x = 0;

	@Parameter(label = "Vertical code dimension (axes dims)", min = "0")
	private int dim_y = 1;

	@Parameter(label = "Colour by", choices = { "auto", "slices", "none" })
	private String labels = "auto";

	// not persisted: a script that leaves it out must not use the labels of an earlier run
	@Parameter(label = "Labels file (CSV, optional)", required = false, persist = false)
	private File labels_file;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus plot;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			plot = LatentPlot.of(Autoencoders.latentScatter(Collections.singletonList(image), model_file, Settings.copy(
				this, new LatentPlotSettings())), "Latent space of " + image.getTitle()).getImagePlus();
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
