package sc.fiji.autoencoders.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

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
 * Two commands at once in one JVM (two trainings; a training and a prediction) finish with the results they give one
 * after the other. Trainings compare to the same tolerance as two same-seed runs (oneDNN rounding, see README);
 * predictions are compared exactly.
 */
public class ConcurrencyTest {

	@Test
	public void twoTrainingsAtOnceMatchTheSequentialOnes() throws Exception {
		final List<Plane> a = TestImages.blobStack(4, 64, 64, 11), b = TestImages.blobStack(4, 64, 64, 12);
		final float[] seqA = train(a, 1), seqB = train(b, 2);
		final CompletableFuture<float[]> parA = CompletableFuture.supplyAsync(() -> train(a, 1));
		final CompletableFuture<float[]> parB = CompletableFuture.supplyAsync(() -> train(b, 2));
		assertClose(seqA, parA.get());
		assertClose(seqB, parB.get());
	}

	@Test
	public void aTrainingAndAPredictionAtOnceMatchTheSequentialOnes() throws Exception {
		final List<Plane> a = TestImages.blobStack(4, 64, 64, 13);
		final AutoencoderModel model = TestModels.denoiser(NetworkSpec.unet(2, 8), 3);
		final Plane image = TestImages.blobs(300, 200, 4);
		final float[] seqTrain = train(a, 3), seqPredict = predict(model, image);
		final CompletableFuture<float[]> parTrain = CompletableFuture.supplyAsync(() -> train(a, 3));
		final CompletableFuture<float[]> parPredict = CompletableFuture.supplyAsync(() -> predict(model, image));
		assertArrayEquals(seqPredict, parPredict.get());
		assertClose(seqTrain, parTrain.get());
	}

	// -- Helper methods --

	private static float[] train(final List<Plane> clean, final long seed) {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 2;
		c.stepsPerEpoch = 5;
		c.batchSize = 4;
		c.patchSize = 32;
		c.validationPatches = 8;
		c.seed = seed;
		c.threads = 1;
		return DenoiserTrainer.clean(TrainingImages.planes(clean), NoiseModels.parse("gaussian:20"), NetworkSpec.unet(1,
			4), c).process().weights.get("enc0a.kernel").values();
	}

	private static float[] predict(final AutoencoderModel model, final Plane image) {
		try (Denoiser d = new Denoiser(model, 128, 1)) {
			return d.denoise(image, PredictionMonitor.NONE).pixels();
		}
	}

	private static void assertClose(final float[] expected, final float[] actual) {
		double max = 0;
		for (int i = 0; i < expected.length; i++)
			max = Math.max(max, Math.abs(expected[i] - actual[i]));
		assertTrue(max < 1e-2, "differs by " + max);
	}
}
