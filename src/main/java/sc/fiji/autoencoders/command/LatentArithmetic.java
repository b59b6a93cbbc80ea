package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.codes.LatentArithmeticSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.engine.Engine;

/** Plugins > Autoencoders > Latent Arithmetic: decodes code(A) + strength (mean code(B) - mean code(C)). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Latent Arithmetic...", visible = false)
public class LatentArithmetic extends ContextCommand {

	@Parameter(label = "Images to change (stack)")
	private ImagePlus image;

	@Parameter(label = "Set whose mean code is added")
	private ImagePlus add;

	@Parameter(label = "Set whose mean code is subtracted")
	private ImagePlus subtract;

	@Parameter(label = "VAE or autoencoder model file")
	private File model_file;

	@Parameter(label = "Strength")
	private double strength = 1;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus result;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			result = Autoencoders.arithmetic(image, add, subtract, model_file, Settings.copy(this,
				new LatentArithmeticSettings()));
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
