package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.codes.GenerateSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;

/** Plugins > Autoencoders > Generate from VAE: a stack of new images decoded from z ~ N(0, T^2 I). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Generate from VAE...", visible = false)
public class GenerateFromVae extends ContextCommand {

	@Parameter(label = "VAE model file")
	private File model_file;

	@Parameter(label = "Number of images", min = "1")
	private int count = 16;

	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(label = "Temperature", min = "0")
	private double temperature = 1;

	@Parameter(label = "Sampling (auto: prior for a VAE, fit for an autoencoder)", choices = { "auto", "prior", "fit" })
	private String sampling = "auto";

	@Parameter(label = "Class (class-conditional VAE; empty otherwise)", required = false)
	private String label = "";

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus generated;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			generated = Autoencoders.generate(model_file, Settings.copy(this, new GenerateSettings()));
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
