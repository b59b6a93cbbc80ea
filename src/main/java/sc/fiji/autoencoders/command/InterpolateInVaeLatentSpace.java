package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.codes.InterpolateSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;

/** Plugins > Autoencoders > Interpolate in VAE Latent Space: between two slices of a stack. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Interpolate in VAE Latent Space...", visible = false)
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

	@Parameter(label = "Class of the first image (class-conditional VAE; empty: its slice label)", required = false)
	private String from_label = "";

	@Parameter(label = "Class of the second image (class-conditional VAE; empty: its slice label)", required = false)
	private String to_label = "";

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus interpolation;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			interpolation = Autoencoders.interpolate(image, from_slice, image, to_slice, model_file, Settings.copy(this,
				new InterpolateSettings()));
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
