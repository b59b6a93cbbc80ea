package sc.fiji.autoencoders.op.demo;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;

/**
 * The demo: trains a denoiser on {@code test-images/} for about two minutes, denoises a noisy image it did not train
 * on, and writes the results and a side-by-side PNG to the output folder; then a VAE ({@link VaeDemo}). The result is
 * the output folder; what was written is logged.
 */
@Plugin(type = Operation.class, name = "demo", label = "Autoencoders Demo...", priority = -10,
	menuPath = "Plugins>Autoencoders>Models>Autoencoders Demo...",
	description = "Train a denoiser on test-images/ for about 2 minutes and denoise a noisy image, then a VAE on " +
		"Fashion-MNIST for under a minute, writing results to demo-output/.")
public final class Demo implements Operation<DemoSettings, File> {

	static final String NOISE = "gaussian:25";

	@Override
	public Class<DemoSettings> settingsType() {
		return DemoSettings.class;
	}

	@Override
	public void check(final DemoSettings s) {
		final File dir = images(s);
		if (!train(dir).isFile() || !test(dir).isFile()) throw new BadInputException("Demo images not found in " + dir +
			": run the demo from the project folder or give --images DIR (images in Fiji) holding denoise-train.tif " +
			"and denoise-test.png.");
		if (!s.noVae) VaeDemo.trainingData(s.fashionMnist, dir);
		ImageOutputs.outputFolder(s.output);
	}

	@Override
	public File run(final DemoSettings s, final Task task) {
		check(s);
		final File dir = images(s), train = train(dir), out = s.output;
		final NoiseModel noise = NoiseModels.parse(NOISE);
		final List<RandomAccessibleInterval<? extends RealType<?>>> planes = AxisImages.planes(ImageFiles.open(train));
		final TrainingConfig config = new TrainingConfig();
		config.minutes = s.minutes;
		config.stepsPerEpoch = 50;
		config.seed = s.seed;
		task.log(String.format(Locale.ROOT, "Demo: training a denoiser for %.1f min on %d images of %s with noise %s",
			s.minutes, planes.size(), train, noise.spec()));
		final DenoiserTrainer trainer = DenoiserTrainer.clean(TrainingImages.of(2, List.of(planes)), noise, NetworkSpec
			.unet(2, 32), config);
		final AutoencoderModel model = VaeDemo.train(trainer, task);
		final File modelFile = new File(out, "denoiser.aemodel");
		ModelFile.save(model, modelFile);
		if (task.isCancelled()) return out;

		final Plane clean = ImagePlanes.planes(ImageFiles.open(test(dir))).get(0);
		final Plane noisy = clean.copy();
		noise.apply(noisy.pixels(), 255, new Random(s.seed + 1));
		final Plane denoised;
		try (Denoiser d = new Denoiser(model)) {
			denoised = d.denoise(noisy, task);
		}
		final double noisyPsnr = Metrics.psnr(clean, Metrics.clip(noisy, 0, 255), 255);
		final double denoisedPsnr = Metrics.psnr(clean, Metrics.clip(denoised, 0, 255), 255);
		final File noisyFile = new File(out, "noisy.tif"), denoisedFile = new File(out, "denoised.tif");
		final File png = new File(out, "comparison.png");
		ImageOutputs.writeTiff(ImagePlanes.toImagePlus("noisy", List.of(noisy), 1, 1, 1), noisyFile);
		ImageOutputs.writeTiff(ImagePlanes.toImagePlus("denoised", List.of(denoised), 1, 1, 1), denoisedFile);
		ImageOutputs.writePng(sideBySide(clean, noisy, denoised), png);
		task.log(String.format(Locale.ROOT, "Noisy image (%s): PSNR %.2f dB", noise.spec(), noisyPsnr));
		task.log(String.format(Locale.ROOT, "Denoised image: PSNR %.2f dB", denoisedPsnr));
		task.log(String.format(Locale.ROOT, "PSNR gain: %.1f dB", denoisedPsnr - noisyPsnr));
		task.log("Outputs: " + modelFile + ", " + noisyFile + ", " + denoisedFile + ", " + png +
			" (clean | noisy | denoised)");
		if (!s.noVae) VaeDemo.run(VaeDemo.trainingData(s.fashionMnist, dir), dir, s, task);
		return out;
	}

	/** The folder given, else test-images/ of the installation (bin/fiji-ae sets fiji.ae.home), else of the working folder. */
	private static File images(final DemoSettings s) {
		return s.images != null ? s.images : new File(VaeDemo.home(), "test-images");
	}

	private static File train(final File images) {
		return new File(images, "denoise-train.tif");
	}

	private static File test(final File images) {
		return new File(images, "denoise-test.png");
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
