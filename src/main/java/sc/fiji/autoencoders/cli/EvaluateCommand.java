package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.EvaluateSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.predict.Evaluation;
import sc.fiji.autoencoders.predict.VaeScores;

/** {@code fiji-ae evaluate}: PSNR and SSIM of a denoiser, or the negative ELBO of a VAE; options: {@link EvaluateSettings}. */
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

	@Option(names = "--noise", defaultValue = "", paramLabel = "SPEC", description = "Noise to add (default: the " +
		"model's own).")
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
		if (ModelFile.load(model).isVae()) return evaluateVae();
		if (clean == null) throw new BadInputException("Give the clean images to evaluate the denoiser on with " +
			"--clean PATH.");
		System.out.println("Evaluating " + model.getName() + " on " + clean);
		final Evaluation ev = Autoencoders.evaluate(ImageFiles.openAll(clean), model, Settings.copy(this,
			new EvaluateSettings()), s -> System.out.println("  " + s));
		System.out.println(ev.summary());
		return Main.OK;
	}

	private int evaluateVae() {
		if (images == null) throw new BadInputException("Give the images to evaluate the VAE on with --images PATH.");
		final List<ij.ImagePlus> all = ImageFiles.openAll(images);
		final VaeScores s = Autoencoders.scoreVae(all, model, seed);
		System.out.println(String.format(Locale.ROOT, "%d images: negative ELBO: %.2f nats, reconstruction mean " +
			"absolute error %.4g (image units)", s.count, s.negativeElbo, s.meanAbsoluteError));
		return Main.OK;
	}
}
