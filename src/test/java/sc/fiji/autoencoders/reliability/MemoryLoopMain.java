package sc.fiji.autoencoders.reliability;

import java.util.List;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * The loop of {@link NativeMemoryTest}, run in a JVM whose heap is fixed and touched up front (-Xms = -Xmx,
 * -XX:+AlwaysPreTouch), so that resident memory growth is native memory. Usage: MemoryLoopMain PREDICTIONS TRAININGS;
 * prints "rss KB_AFTER_WARMUP KB_AT_END".
 */
public final class MemoryLoopMain {

	public static void main(final String[] args) throws Exception {
		final int predictions = Integer.parseInt(args[0]), trainings = Integer.parseInt(args[1]);
		final AutoencoderModel model = TestModels.denoiser(NetworkSpec.unet(2, 8), 1);
		final Plane image = TestImages.blobs(96, 80, 3);
		final List<Plane> clean = TestImages.blobStack(3, 64, 64, 4);
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 1;
		c.stepsPerEpoch = 3;
		c.batchSize = 4;
		c.patchSize = 32;
		c.validationPatches = 4;
		c.earlyStopPatience = 0;
		for (int i = 0; i < 100; i++)
			predict(model, image);
		for (int i = 0; i < 3; i++)
			train(clean, c);
		final long before = NativeMemoryTest.residentKb();
		final int every = Math.max(1, predictions / Math.max(1, trainings));
		int trained = 0;
		long half = 0;
		for (int i = 0; i < predictions; i++) {
			if (predict(model, image).pixels().length != image.pixels().length) throw new AssertionError("size");
			if (i % every == every - 1 && trained < trainings) {
				train(clean, c);
				trained++;
			}
			if (i == predictions / 2 - 1) half = NativeMemoryTest.residentKb();
		}
		System.out.println("rss " + before + " " + half + " " + NativeMemoryTest.residentKb());
	}

	private static Plane predict(final AutoencoderModel model, final Plane image) {
		try (Denoiser d = new Denoiser(model, 1024, 1)) {
			return d.denoise(image, PredictionMonitor.NONE);
		}
	}

	private static void train(final List<Plane> clean, final TrainingConfig c) {
		DenoiserTrainer.clean(TrainingImages.planes(clean), NoiseModels.parse("gaussian:20"), NetworkSpec.unet(1, 4),
			c).process();
	}
}
