package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingEvent;

/**
 * {@code fiji-ae demo}: trains a denoiser on {@code test-images/} for about two minutes, denoises a noisy image it did
 * not train on, and writes the results and a side-by-side PNG to {@code demo-output/}; then a VAE ({@link VaeDemo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
	description = "Train a denoiser on test-images/ for about 2 minutes and denoise a noisy image, then a VAE on " +
		"Fashion-MNIST for under a minute, writing results to demo-output/.")
final class DemoCommand implements Callable<Integer> {

	static final String NOISE = "gaussian:25";

	@Option(names = "--images", paramLabel = "DIR", description = "Folder with the demo images (default: test-images/ " +
		"of the installation).")
	File images;

	@Option(names = "--output", defaultValue = "demo-output", paramLabel = "DIR",
		description = "Where to write the results (default ${DEFAULT-VALUE}).")
	File output;

	@Option(names = "--minutes", defaultValue = "2", description = "Training time budget (default ${DEFAULT-VALUE}).")
	double minutes;

	@Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--vae-minutes", defaultValue = "0.75", description = "VAE training time budget (default " +
		"${DEFAULT-VALUE}).")
	double vaeMinutes;

	@Option(names = "--vae-epochs", defaultValue = "15", description = "Most VAE training epochs (default " +
		"${DEFAULT-VALUE}); the time budget usually ends training first.")
	int vaeEpochs;

	@Option(names = "--fashion-mnist", paramLabel = "DIR", description = "Folder with Fashion-MNIST's " +
		"train-images-idx3-ubyte(.gz) for the VAE (default: ../shared/data/fashion-mnist beside the installation, then " +
		"/usr/share/datasets/fashion-mnist of the Debian package dataset-fashion-mnist; without either, the 2,000 " +
		"images in test-images/).")
	File fashionMnist;

	@Option(names = "--no-vae", description = "Skip the VAE part.")
	boolean noVae;

	@Override
	public Integer call() {
		final File dir = images != null ? images : new File(System.getProperty("fiji.ae.home", "."), "test-images");
		final File train = new File(dir, "denoise-train.tif"), test = new File(dir, "denoise-test.png");
		if (!train.isFile() || !test.isFile()) throw new BadInputException("Demo images not found in " + dir +
			": run the demo from the project folder or give --images DIR with denoise-train.tif and denoise-test.png.");
		final File vaeData = noVae ? null : VaeDemo.trainingData(fashionMnist, dir);
		final File out = Checks.outputFolder(output);
		final NoiseModel noise = NoiseModels.parse(NOISE);
		final List<Plane> planes = ImageFiles.planes(ImageFiles.open(train));
		final TrainingConfig config = new TrainingConfig();
		config.minutes = minutes;
		config.stepsPerEpoch = 50;
		config.seed = seed;
		System.out.println(String.format(Locale.ROOT, "Demo: training a denoiser for %.1f min on %d images of %s " +
			"with noise %s", minutes, planes.size(), train, noise.spec()));
		final DenoiserTrainer trainer = new DenoiserTrainer(planes, noise, NetworkSpec.unet(2, 32), config);
		trainer.addListener(e -> {
			if (e.type != TrainingEvent.Type.STEP) System.out.println("  " + e.message);
		});
		final AutoencoderModel model = trainer.process();
		final File modelFile = new File(out, "denoiser.aemodel");
		ModelFile.save(model, modelFile);

		final Plane clean = ImageFiles.planes(ImageFiles.open(test)).get(0);
		final Plane noisy = clean.copy();
		noise.apply(noisy.pixels(), 255, new Random(seed + 1));
		final Plane denoised;
		try (Denoiser d = new Denoiser(model)) {
			denoised = d.denoise(noisy, PredictionMonitor.NONE);
		}
		final double noisyPsnr = Metrics.psnr(clean, Metrics.clip(noisy, 0, 255), 255);
		final double denoisedPsnr = Metrics.psnr(clean, Metrics.clip(denoised, 0, 255), 255);
		final File noisyFile = new File(out, "noisy.tif"), denoisedFile = new File(out, "denoised.tif");
		final File png = new File(out, "comparison.png");
		ImageFiles.writeTiff(ImageFiles.toImagePlus("noisy", List.of(noisy), 1, 1, 1), noisyFile);
		ImageFiles.writeTiff(ImageFiles.toImagePlus("denoised", List.of(denoised), 1, 1, 1), denoisedFile);
		ImageFiles.writePng(sideBySide(clean, noisy, denoised), png);
		System.out.println(String.format(Locale.ROOT, "Noisy image (%s): PSNR %.2f dB", noise.spec(), noisyPsnr));
		System.out.println(String.format(Locale.ROOT, "Denoised image: PSNR %.2f dB", denoisedPsnr));
		System.out.println(String.format(Locale.ROOT, "PSNR gain: %.1f dB", denoisedPsnr - noisyPsnr));
		System.out.println("Outputs: " + modelFile + ", " + noisyFile + ", " + denoisedFile + ", " + png +
			" (clean | noisy | denoised)");
		if (!noVae) VaeDemo.run(vaeData, dir, out, vaeMinutes, vaeEpochs, seed);
		return Main.OK;
	}

	/** Clean, noisy and denoised next to each other as one 8-bit image, with a 4-pixel white gap. */
	static ImagePlus sideBySide(final Plane... planes) {
		final int w = planes[0].width(), h = planes[0].height(), gap = 4;
		final ByteProcessor bp = new ByteProcessor(planes.length * (w + gap) - gap, h);
		bp.setValue(255);
		bp.fill();
		for (int i = 0; i < planes.length; i++) {
			final float[] px = Arrays.copyOf(planes[i].pixels(), w * h);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					bp.set(i * (w + gap) + x, y, Math.max(0, Math.min(255, Math.round(px[y * w + x]))));
		}
		return new ImagePlus("clean | noisy | denoised", bp);
	}
}
