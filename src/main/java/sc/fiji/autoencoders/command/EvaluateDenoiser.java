package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import java.util.Collections;
import sc.fiji.autoencoders.op.denoising.EvaluateSettings;
import sc.fiji.autoencoders.op.Settings;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.predict.Evaluation;

/** Plugins > Autoencoders > Evaluate Denoiser: corrupt clean slices, denoise, and table PSNR and SSIM. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Evaluate Denoiser...", visible = false)
public class EvaluateDenoiser extends ContextCommand {

	@Parameter(label = "Clean image or stack")
	private ImagePlus image;

	@Parameter(label = "Denoiser model file")
	private File model_file;

	@Parameter(label = "Noise (empty: the model's own)", required = false)
	private String noise = "";

	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(label = "Average 8 flips and turns (ensemble)")
	private boolean ensemble = false;

	@Parameter(label = "TensorFlow threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			final Evaluation ev = Autoencoders.evaluate(Collections.singletonList(image), model_file, Settings.copy(this,
				new EvaluateSettings()), s -> {});
			results = Autoencoders.table(ev);
			summary = ev.summary();
			log.info(summary);
			Tables.show(results, "Denoiser evaluation");
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
