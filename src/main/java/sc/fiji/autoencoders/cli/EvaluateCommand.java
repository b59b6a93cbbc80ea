package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Evaluation;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;

/** {@code fiji-ae evaluate}: PSNR and SSIM of a denoiser on clean images corrupted with a noise model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
	description = "Add noise to clean images, denoise them, and print PSNR and SSIM of the noisy and denoised images " +
		"(on the 8-bit 0-255 or 16-bit 0-65535 range, results clipped to it).")
final class EvaluateCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL", description = "Denoiser model (.aemodel).")
	File model;

	@Option(names = "--clean", arity = "1..*", paramLabel = "PATH",
		description = "Denoisers: clean images (files or folders) to corrupt and denoise.")
	List<File> clean;

	@Option(names = "--images", arity = "1..*", paramLabel = "PATH",
		description = "VAEs: images (stacks, folders, IDX files) to score by negative ELBO.")
	List<File> images;

	@Option(names = "--noise", paramLabel = "SPEC", description = "Noise to add (default: the model's own).")
	String noise;

	@Option(names = "--seed", defaultValue = "1", description = "Seed of the added noise (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--ensemble", description = "Average the predictions of the 8 flips and quarter turns (8x slower, " +
		"slightly better).")
	boolean ensemble;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Override
	public Integer call() {
		final AutoencoderModel any = ModelFile.load(model);
		if (any.isVae()) return evaluateVae(any);
		final AutoencoderModel m = ModelFile.load(model, AutoencoderModel.DENOISER);
		if (clean == null) throw new sc.fiji.autoencoders.BadInputException("Give the clean images to evaluate the " +
			"denoiser on with --clean PATH.");
		final NoiseModel nm = NoiseModels.parse(noise != null ? noise : m.noise);
		final List<File> files = ImageFiles.expand(clean);
		final Random rng = new Random(seed);
		final Evaluation ev = new Evaluation();
		System.out.println("Evaluating " + model.getName() + " with noise " + nm.spec() + " on " + files.size() +
			" file(s)");
		try (Denoiser d = new Denoiser(m, Denoiser.DEFAULT_TILE, threads)) {
			d.setEnsemble(ensemble);
			for (final File f : files) {
				final ImagePlus imp = ImageFiles.open(f);
				final List<Plane> planes = ImageFiles.planes(imp);
				for (int i = 0; i < planes.size(); i++) {
					final double[] r = Evaluation.range(imp.getBitDepth(), planes.get(i));
					final String name = planes.size() == 1 ? f.getName() : f.getName() + " #" + (i + 1);
					System.out.println("  " + ev.add(name, planes.get(i), nm, rng, d, r[0], r[1]));
				}
			}
		}
		System.out.println(ev.summary());
		return Main.OK;
	}

	private int evaluateVae(final AutoencoderModel m) {
		if (images == null) throw new sc.fiji.autoencoders.BadInputException("Give the images to evaluate the VAE on " +
			"with --images PATH.");
		final List<Plane> planes = Inputs.planes(images);
		final sc.fiji.autoencoders.predict.VaeScores s = sc.fiji.autoencoders.predict.VaeScores.of(m, planes, seed);
		System.out.println(String.format(java.util.Locale.ROOT, "%d images: negative ELBO: %.2f nats, reconstruction " +
			"mean absolute error %.4g (image units)", planes.size(), s.negativeElbo, s.meanAbsoluteError));
		return Main.OK;
	}
}
