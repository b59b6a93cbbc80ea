package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.noise.NoiseModels;

import sc.fiji.autoencoders.noise.NoiseModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.predict.PredictionMonitor;

public class DenoiserTrainerTest {

	@TempDir
	File dir;

	static TrainingConfig quick(final int epochs) {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = epochs;
		c.stepsPerEpoch = 25;
		c.batchSize = 8;
		c.patchSize = 32;
		c.validationPatches = 16;
		c.learningRate = 2e-3f;
		c.seed = 5;
		return c;
	}

	@Test
	public void trainingGainsPsnrAndCheckpoints() {
		final List<Plane> clean = TestImages.blobStack(6, 96, 96, 1);
		final NoiseModel noise = NoiseModels.parse("gaussian:25");
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.planes(clean), noise, NetworkSpec.unet(2, 16),
			quick(8));
		final List<TrainingEvent> epochs = new ArrayList<>();
		t.addListener(e -> {
			if (e.type == TrainingEvent.Type.EPOCH) epochs.add(e);
		});
		final File ckpt = new File(dir, "ckpt.aemodel");
		t.setCheckpoint(m -> ModelFile.save(m, ckpt));
		assertTrue(t.checkInput(), t.getErrorMessage());
		final AutoencoderModel m = t.process();
		assertEquals(8, epochs.size());
		assertEquals(8, m.history.size());
		assertTrue(ckpt.isFile(), "the best model is written as training goes");
		assertTrue(epochs.get(7).validationMetric > epochs.get(0).validationMetric, "validation PSNR rises");

		final Plane test = TestImages.blobs(128, 96, 99);
		final Plane noisy = test.copy();
		noise.apply(noisy.pixels(), 255, new Random(3));
		try (Denoiser d = new Denoiser(m)) {
			final double before = Metrics.psnr(test, noisy, 255);
			final double after = Metrics.psnr(test, d.denoise(noisy, PredictionMonitor.NONE), 255);
			assertTrue(after - before > 4, "PSNR gain " + (after - before));
		}
	}

	/**
	 * Convolutions in bfloat16 (weights, Adam and loss in float32) learn as well as float32 on the same run; the model
	 * records what ran. Forced here, so the path is tested even on a CPU that {@code auto} would keep in float32.
	 */
	@Test
	public void bfloat16TrainsAsWellAsFloat32() {
		final List<Plane> clean = TestImages.blobStack(6, 96, 96, 4);
		final Plane test = TestImages.blobs(128, 96, 98);
		final Plane noisy = test.copy();
		final NoiseModel noise = NoiseModels.parse("gaussian:25");
		noise.apply(noisy.pixels(), 255, new Random(3));
		final double before = Metrics.psnr(test, noisy, 255);
		final double[] gain = new double[2];
		for (int i = 0; i < 2; i++) {
			final TrainingConfig c = quick(4);
			c.precision = i == 0 ? "float32" : "bfloat16";
			final AutoencoderModel m = DenoiserTrainer.clean(TrainingImages.planes(clean), noise, NetworkSpec.unet(2,
				16), c).process();
			assertTrue(m.trainingSettings.contains("\"precision\":\"" + c.precision + "\""), m.trainingSettings);
			try (Denoiser d = new Denoiser(m)) {
				gain[i] = Metrics.psnr(test, d.denoise(noisy, PredictionMonitor.NONE), 255) - before;
			}
		}
		assertTrue(gain[0] > 4 && gain[1] > 4, "PSNR gains float32 " + gain[0] + ", bfloat16 " + gain[1]);
		// 4 epochs of a tiny net vary by a few tenths of a dB from run to run (oneDNN): 0.54 dB apart was seen once
		assertTrue(Math.abs(gain[0] - gain[1]) < 1, "float32 " + gain[0] + " vs bfloat16 " + gain[1]);
	}

	/**
	 * Same seed: same patches, noise and initial weights. With oneDNN on (TensorFlow's default on x86) convolution
	 * gradients differ in the last bits from run to run even on one thread, and Adam turns that into differences up to
	 * about 2e-3 after 5 steps (measured), against about 1.4 for another seed. With TF_ENABLE_ONEDNN_OPTS=0 the weights were
	 * bitwise identical in 8 of 9 runs and differed by 4e-6 once: the pom runs this test again with that setting and a
	 * tolerance of 1e-4.
	 */
	@Test
	public void sameSeedSameWeights() {
		final List<Plane> clean = TestImages.blobStack(4, 64, 64, 2);
		final TrainingConfig c = quick(1);
		c.stepsPerEpoch = 5;
		c.threads = 1;
		final float[] a = train(clean, c), b = train(clean, c);
		c.seed = 6;
		final float[] other = train(clean, c);
		double same = 0, diff = 0;
		for (int i = 0; i < a.length; i++) {
			same = Math.max(same, Math.abs(a[i] - b[i]));
			diff = Math.max(diff, Math.abs(a[i] - other[i]));
		}
		final boolean exact = "0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"));
		assertTrue(same < (exact ? 1e-4 : 1e-2), "same seed differs by " + same);
		assertTrue(diff > 1e-2, "another seed differs by only " + diff);
	}

	private static float[] train(final List<Plane> clean, final TrainingConfig c) {
		return DenoiserTrainer.clean(TrainingImages.planes(clean), NoiseModels.parse("gaussian:10"), NetworkSpec.unet(1,
			4), c).process().weights.get("enc0a.kernel").values();
	}

	@Test
	public void cancelKeepsBestAndResumeContinues() {
		final List<Plane> clean = TestImages.blobStack(4, 64, 64, 3);
		final TrainingConfig c = quick(50);
		c.stepsPerEpoch = 5;
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.planes(clean), NoiseModels.parse("gaussian:20"),
			NetworkSpec.unet(1, 4), c);
		t.addListener(e -> {
			if (e.type == TrainingEvent.Type.EPOCH && e.epoch == 2) t.cancel();
		});
		final AutoencoderModel m = t.process();
		assertEquals(3, m.history.size(), "cancel stops within the next epoch");
		assertNotNull(m.optimizerState);
		final TrainingConfig more = quick(2);
		more.stepsPerEpoch = 5;
		final AutoencoderModel r = DenoiserTrainer.clean(TrainingImages.planes(clean), NoiseModels.parse("gaussian:20"),
			NetworkSpec.unet(1, 4), more).resumeFrom(m).process();
		assertEquals(5, r.history.size());
		assertEquals(m.steps + 10, r.steps);
		assertEquals(m.normalization, r.normalization);
	}

	/** A learning rate far too high blows the network up: training ends with a message naming the fix. */
	@Test
	public void divergedTrainingIsReported() {
		final TrainingConfig c = quick(2);
		c.learningRate = 10;
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.planes(TestImages.blobStack(4, 64, 64, 3)),
			NoiseModels.parse("gaussian:20"), NetworkSpec.unet(2, 8), c);
		final File out = new File(dir, "diverged.aemodel");
		t.setCheckpoint(m -> ModelFile.save(m, out));
		final BadInputException e = assertThrows(BadInputException.class, t::process);
		assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("--learning-rate"), e.getMessage());
		assertFalse(out.exists(), "a blown-up model is not checkpointed over the output file");
	}

	@Test
	public void badInputIsReportedBeforeTraining() {
		final TrainingConfig c = quick(1);
		c.patchSize = 30;
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.planes(TestImages.blobStack(2, 64, 64, 1)),
			NoiseModels.parse("gaussian:5"), NetworkSpec.unet(2, 4), c);
		assertFalse(t.checkInput());
		assertTrue(t.getErrorMessage().contains("multiple of 4"), t.getErrorMessage());
		c.patchSize = 128;
		assertFalse(t.checkInput());
		assertTrue(t.getErrorMessage().contains("smaller than the patch size"), t.getErrorMessage());
		c.patchSize = 32;
		final List<Plane> nan = TestImages.blobStack(2, 64, 64, 1);
		nan.get(1).set(3, 3, Float.NaN);
		final DenoiserTrainer t2 = DenoiserTrainer.clean(TrainingImages.planes(nan), NoiseModels.parse("gaussian:5"),
			NetworkSpec.unet(2, 4), c);
		assertFalse(t2.checkInput());
		assertTrue(t2.getErrorMessage().contains("NaN"), t2.getErrorMessage());
	}
}
