package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Plugins > Autoencoders > Denoise with Autoencoder: denoises an image, stack or hyperstack with a trained model (or
 * one model per channel). The result is a new 32-bit image with the same dimensions and calibration. A virtual stack is
 * read and denoised plane by plane into a TIFF file beside its own (see {@code ImageDenoising.resultFile}), which
 * becomes the result, opened as a virtual stack: stacks larger than memory work.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Denoise with Autoencoder...", visible = false)
public class DenoiseWithAutoencoder extends ContextCommand {

	@Parameter(label = "Image to denoise")
	private ImagePlus image;

	@Parameter(label = "Denoiser model file")
	private File model_file;

	// not persisted: models remembered from another image would silently be applied to this one
	@Parameter(label = "Other channels' models (optional)", required = false, persist = false,
		description = "Comma-separated model files for channels 2, 3, ...; empty: the model above for every channel")
	private String channel_models = "";

	@Parameter(label = "Largest tile size (pixels)", min = "64")
	private int tile_size = Denoiser.DEFAULT_TILE;

	@Parameter(label = "Average 8 flips and turns (ensemble)")
	private boolean ensemble = false;

	@Parameter(label = "TensorFlow threads (0 = all cores)", min = "0")
	private int threads = 0;

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
			denoised = Autoencoders.denoise(image, model_file, Settings.copy(this, new DenoiseSettings()),
				new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					// per mille: tile counts are longs (a stack may hold 2^31 pixels and more)
					if (status != null && total > 0) status.showProgress((int) (1000 * done / total), 1000);
				}

				@Override
				public boolean isCancelled() {
					return DenoiseWithAutoencoder.this.isCanceled();
				}
			});
			if (denoised != null && denoised.getStack().isVirtual() && denoised.getOriginalFileInfo() != null) {
				log.info("Denoised " + image.getTitle() + " plane by plane into " + denoised.getOriginalFileInfo()
					.getFilePath() + ", opened as a virtual stack.");
			}
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
