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
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.EncodeSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;

/** Plugins > Autoencoders > Encode with VAE: latent mean and log-variance of every slice, to a Results table. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Encode with VAE...", visible = false)
public class EncodeWithVae extends ContextCommand {

	@Parameter(label = "Images (stack)")
	private ImagePlus image;

	@Parameter(label = "VAE or autoencoder model file")
	private File model_file;

	@Parameter(label = "Label column", choices = { "auto", "slices", "none" })
	private String labels = "auto";

	// not persisted: a script that leaves it out must not use the labels of an earlier run
	@Parameter(label = "Labels file (CSV, optional)", required = false, persist = false)
	private File labels_file;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			table = Autoencoders.encode(java.util.Collections.singletonList(image), model_file, Settings.copy(this,
				new EncodeSettings()));
			Tables.show(table, "Latent codes of " + image.getTitle());
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
