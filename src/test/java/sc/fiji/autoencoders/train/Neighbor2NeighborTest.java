package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Neighbor2Neighbor: the sub-sampling on a patch whose values are their own indices, and training on tiny noisy blobs
 * (Gaussian sigma 25 on 0-255) with real TensorFlow; the trainer has no parameter for a clean image.
 */
public class Neighbor2NeighborTest {

	@TempDir
	File dir;

	/** Each half-size pixel comes from its 2x2 cell; the two picks are different, 4-adjacent, and all 8 pairs occur. */
	@Test
	public void subsamplingPicksTwoAdjacentPixelsOfEachCell() {
		final int p = 8, batch = 3;
		final float[] patches = new float[batch * p * p];
		final NeighborSubsampler.Draw d = new NeighborSubsampler(p).draw(patches, new Random(1));
		assertEquals(batch * (p / 2) * (p / 2), d.first.length);
		assertEquals(d.first.length, d.second.length);
		final int[] pairCounts = new int[16];
		final Random rng = new Random(7);
		for (int trial = 0; trial < 200; trial++) {
			final NeighborSubsampler.Draw t = new NeighborSubsampler(p).draw(patches, rng);
			for (int i = 0; i < t.first.length; i++) {
				final int b = i / 16, cy = i % 16 / 4, cx = i % 4;
				final int a = t.first[i] - b * p * p, c = t.second[i] - b * p * p;
				final int ay = a / p, ax = a % p, by = c / p, bx = c % p;
				assertTrue(ay / 2 == cy && ax / 2 == cx && by / 2 == cy && bx / 2 == cx, "both picks in cell " + i);
				assertEquals(1, Math.abs(ay - by) + Math.abs(ax - bx), "4-adjacent, never the same pixel: " + i);
				pairCounts[(ay % 2 * 2 + ax % 2) * 4 + by % 2 * 2 + bx % 2]++;
			}
		}
		int kinds = 0;
		for (final int[] pair : NeighborSubsampler.PAIRS) {
			final int n = pairCounts[pair[0] * 4 + pair[1]];
			// 200 draws x 48 cells / 8 pairs = 1200 each, standard deviation 32
			assertTrue(n > 1100 && n < 1300, "pair " + pair[0] + "-" + pair[1] + " drawn " + n + " times");
			kinds++;
		}
		assertEquals(8, kinds);
		final float[] values = new float[p * p];
		for (int i = 0; i < values.length; i++)
			values[i] = i;
		final NeighborSubsampler.Draw one = new NeighborSubsampler(p).draw(values, new Random(3));
		assertEquals(one.first[5], NeighborSubsampler.Draw.pick(values, one.first)[5], 0);
	}

	/**
	 * Trained on noisy planes alone, the residual U-Net denoises them and unseen ones; the model file says noisy mode,
	 * no masking, Neighbor2Neighbor, and loads to denoise the same.
	 */
	@Test
	public void gainsPsnrFromNoisyImagesAlone() {
		final List<Plane> clean = TestImages.blobStack(6, 96, 96, 1);
		final List<Plane> noisy = TrainingModesTest.noisy(clean, 21);
		final TrainingConfig c = TrainingModesTest.quick(12);
		final DenoiserTrainer t = DenoiserTrainer.neighbor2Neighbor(TrainingImages.planes(noisy), NetworkSpec.unet(2,
			16), c);
		final List<String> log = new ArrayList<>();
		t.addListener(e -> {
			if (e.type != TrainingEvent.Type.STEP) log.add(e.message);
		});
		assertTrue(t.checkInput(), t.getErrorMessage());
		final AutoencoderModel m = t.process();
		assertTrue(log.get(0).contains("sub-sampled validation loss") && !log.get(0).contains("PSNR"), log.get(0));
		final double trained = TrainingModesTest.gain(m, clean, noisy);
		final List<Plane> unseen = TestImages.blobStack(2, 128, 96, 50);
		final double other = TrainingModesTest.gain(m, unseen, TrainingModesTest.noisy(unseen, 22));
		System.out.printf("Neighbor2Neighbor PSNR gain: %.2f dB on its own noisy planes, %.2f dB on unseen ones%n",
			trained, other);
		// measured 10.48 and 11.31 dB (Noise2Void on the same planes: 5.34 and 6.79, TrainingModesTest)
		assertTrue(trained > 4, "PSNR gain on the training planes " + trained);
		assertTrue(other > 4, "PSNR gain on unseen planes " + other);

		final File f = new File(dir, "ne2ne.aemodel");
		ModelFile.save(m, f);
		final AutoencoderModel back = ModelFile.load(f);
		assertEquals(TrainingMode.NOISY, back.mode);
		assertNull(back.masking);
		assertEquals("neighbor2neighbor", back.method);
		assertTrue(back.networkSpec().residual());
		final String info = ModelDescription.describe(back);
		assertTrue(info.contains("Neighbor2Neighbor") && info.contains("6 noisy planes") && !info.contains("masked"), info);
		assertEquals(trained, TrainingModesTest.gain(back, clean, noisy), 1e-3, "the loaded model denoises as the trained one");
	}

	/** Planes under twice the patch train on smaller patches; planes too small for the network are refused. */
	@Test
	public void smallImagesGetSmallerPatchesOrTheFix() {
		final TrainingConfig c = TrainingModesTest.quick(1);
		c.stepsPerEpoch = 2;
		final DenoiserTrainer t = DenoiserTrainer.neighbor2Neighbor(TrainingImages.planes(TestImages.blobStack(2, 48,
			96, 1)), NetworkSpec.unet(2, 8), c);
		assertTrue(t.checkInput(), t.getErrorMessage());
		assertEquals(24, t.process().patchSize, "half of 48, a multiple of 4");
		final DenoiserTrainer tiny = DenoiserTrainer.neighbor2Neighbor(TrainingImages.planes(TestImages.blobStack(2, 14,
			96, 1)), NetworkSpec.unet(2, 8), c);
		assertFalse(tiny.checkInput());
		assertTrue(tiny.getErrorMessage().contains("Noisy image 1 is 14x96") && tiny.getErrorMessage().contains(
			"at least 16x16 pixels for depth 2") && tiny.getErrorMessage().contains("--noisy-method noise2void"), tiny
				.getErrorMessage());
	}
}
