package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.denoising.SelfSupervisedSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Plugins > Autoencoders > Denoise with Noise2Void (one click): trains Noise2Void on the open noisy image or stack for
 * a few minutes and returns it denoised (32-bit, same dimensions), optionally keeping the model
 * ({@link SelfSupervisedSettings}).
 */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Denoise with Noise2Void (one click)...",
	visible = false)
public class DenoiseWithNoise2Void extends ContextCommand {

	@Parameter(label = "Noisy image or stack")
	private ImagePlus image;

	@Parameter(label = "Training time (minutes)", min = "0")
	private double minutes = 5;

	@Parameter(label = "structN2V line mask", choices = { "none", "x", "y" })
	private String structn2v = "none";

	// not persisted: a model path remembered from another image would silently be overwritten
	@Parameter(label = "Keep the model as (optional)", style = FileWidget.SAVE_STYLE, required = false,
		persist = false)
	private File save_model;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus denoised;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			denoised = Autoencoders.denoiseSelfSupervised(image, Settings.copy(this, new SelfSupervisedSettings()),
				new ProgressReporter(log, status), null, new PredictionMonitor() {

					@Override
					public boolean isCancelled() {
						return DenoiseWithNoise2Void.this.isCanceled();
					}
				});
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
		catch (final PredictionMonitor.CancelledException e) {
			cancel("Denoising cancelled.");
		}
	}
}
