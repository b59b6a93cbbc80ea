package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.TestVolumes;
import sc.fiji.autoencoders.image.Volume;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** A 3D network trained on Z stacks with synthetic noise: it learns, and the input checks name their fixes. */
public class DenoiserTrainer3DTest {

	static TrainingConfig quick(final int epochs) {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = epochs;
		c.stepsPerEpoch = 20;
		c.batchSize = 4;
		c.patchSize = 32;
		c.patchDepth = 8;
		c.validationPatches = 8;
		c.learningRate = 2e-3f;
		c.seed = 5;
		return c;
	}

	@Test
	public void threeDimensionalNetworkGainsPsnrOnANoisyStack() {
		final List<Volume> clean = List.of(TestVolumes.blobs(48, 48, 16, 1), TestVolumes.blobs(48, 48, 16, 2), TestVolumes
			.blobs(48, 48, 16, 3));
		final NoiseModel noise = NoiseModels.parse("gaussian:40");
		final NetworkSpec spec = NetworkSpec.unet(2, 8).threeD(false, true);
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.volumes(clean), noise, spec, quick(6));
		final List<TrainingEvent> epochs = new ArrayList<>();
		t.addListener(e -> {
			if (e.type == TrainingEvent.Type.EPOCH) epochs.add(e);
		});
		assertTrue(t.checkInput(), t.getErrorMessage());
		final AutoencoderModel m = t.process();
		assertEquals(spec, m.network);
		assertEquals(6, epochs.size());
		assertTrue(epochs.get(5).validationMetric > epochs.get(0).validationMetric, "validation PSNR rises");
		assertTrue(m.trainingSettings.contains("\"patchDepth\":8"), m.trainingSettings);

		final Volume test = TestVolumes.blobs(40, 48, 12, 99);
		final float[] truth = TestVolumes.voxels(test), noisy = truth.clone();
		noise.apply(noisy, 255, new Random(3));
		final ArrayImg<FloatType, FloatArray> out = ArrayImgs.floats(40, 48, 12);
		try (Denoiser d = new Denoiser(m)) {
			d.denoise(ArrayImgs.floats(noisy, 40, 48, 12), out, PredictionMonitor.NONE);
		}
		final double before = Metrics.psnr(truth, noisy, 255);
		final double after = Metrics.psnr(truth, out.update(null).getCurrentStorageArray(), 255);
		System.out.printf(java.util.Locale.ROOT, "3D network on a held-out noisy stack: PSNR %.2f -> %.2f dB%n", before,
			after);
		assertTrue(after - before > 3, "PSNR " + before + " -> " + after);

	}

	@Test
	public void tooFewPlanesNamesTheFix() {
		final NoiseModel noise = NoiseModels.parse("gaussian:25");
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.volumes(List.of(TestVolumes.blobs(48, 48, 16, 1),
			TestVolumes.blobs(48, 48, 5, 2))), noise, NetworkSpec.unet(2, 8).threeD(false, true), quick(1));
		assertFalse(t.checkInput());
		assertEquals("Training stack 2 has 5 planes, fewer than the patch depth 8 a 3D network trains on: use a smaller " +
			"patch depth (--patch-depth 4, a multiple of 2^(levels pooling Z)), a stack with more planes (check that " +
			"Image > Properties... counts them as slices, not frames), or a 2D network (--dims 2).", t.getErrorMessage());

		final TrainingConfig c = quick(1);
		c.patchDepth = 6;
		final DenoiserTrainer odd = DenoiserTrainer.clean(TrainingImages.volumes(List.of(TestVolumes.blobs(48, 48, 16,
			1))), noise, NetworkSpec.unet(2, 8).threeD(true, true), c);
		assertFalse(odd.checkInput());
		assertTrue(odd.getErrorMessage().startsWith("Patch depth 6 does not fit a network that halves Z 2 times: use a " +
			"multiple of 4 (e.g. --patch-depth 4)"), odd.getErrorMessage());

		final DenoiserTrainer flat = DenoiserTrainer.clean(TrainingImages.planes(TestVolumes.blobs(48, 48, 4,
			1).planes()), noise, NetworkSpec.unet(2, 8).threeD(false, true), quick(1));
		assertFalse(flat.checkInput());
		assertTrue(flat.getErrorMessage().startsWith("A 3D network trains on Z stacks"), flat.getErrorMessage());
	}

	@Test
	public void patchesComeFromTheVolumesWithZFlips() {
		final List<sc.fiji.autoencoders.image.Plane> planes = new ArrayList<>();
		for (int z = 0; z < 6; z++) {
			final float[] px = new float[64];
			for (int k = 0; k < 64; k++)
				px[k] = 100 * z + k;
			planes.add(new sc.fiji.autoencoders.image.Plane(8, 8, px));
		}
		final Volume v = new Volume(planes);
		final PatchSampler s = new PatchSampler(TrainingImages.volumes(List.of(v)).channel(0), 3, 8, 6, 1);
		org.junit.jupiter.api.Assertions.assertArrayEquals(TestVolumes.voxels(v), s.fixedBatch(1, 2),
			"the one patch, as it is");
		int flipped = 0, straight = 0;
		for (int i = 0; i < 40; i++) {
			final float[] b = s.nextBatch(1);
			assertEquals(8 * 8 * 6, b.length);
			// each slice of a patch is one plane of the volume in some XY variant: its values lie in 100 z .. 100 z + 63
			final int first = (int) b[0] / 100, last = (int) b[5 * 64] / 100;
			if (first == 5 && last == 0) flipped++;
			else if (first == 0 && last == 5) straight++;
		}
		assertEquals(40, flipped + straight);
		assertTrue(flipped > 5 && straight > 5, flipped + " flipped in Z, " + straight + " not");
	}
}
