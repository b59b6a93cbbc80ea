package sc.fiji.autoencoders.command;

import java.io.File;
import java.util.Random;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Evaluation;
import sc.fiji.autoencoders.train.NoiseModel;
import sc.fiji.autoencoders.train.NoiseModels;

/** Plugins > Autoencoders > Evaluate Denoiser: corrupt clean slices, denoise, and table PSNR and SSIM. */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Evaluate Denoiser...")
public class EvaluateDenoiser extends ContextCommand {

	@Parameter(label = "Clean image or stack")
	private ImagePlus image;

	@Parameter(label = "Denoiser model file")
	private File model_file;

	@Parameter(label = "Noise (empty: the model's own)", required = false)
	private String noise = "";

	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		try {
			final AutoencoderModel m = ModelFile.load(model_file, AutoencoderModel.DENOISER);
			final NoiseModel nm = NoiseModels.parse(noise == null || noise.trim().isEmpty() ? m.noise : noise);
			final Evaluation ev = new Evaluation();
			final Random rng = new Random(seed);
			try (Denoiser d = new Denoiser(m)) {
				int i = 0;
				for (final Plane p : ImageFiles.planes(image)) {
					final double[] r = Evaluation.range(image.getBitDepth(), p);
					ev.add(image.getTitle() + " #" + ++i, p, nm, rng, d, r[0], r[1]);
				}
			}
			results = new ResultsTable();
			for (final Evaluation.Score s : ev.scores()) {
				results.incrementCounter();
				results.addLabel(s.name);
				results.addValue("noisy_psnr", s.noisyPsnr);
				results.addValue("noisy_ssim", s.noisySsim);
				results.addValue("denoised_psnr", s.denoisedPsnr);
				results.addValue("denoised_ssim", s.denoisedSsim);
			}
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
