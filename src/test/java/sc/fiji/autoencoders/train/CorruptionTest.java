package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Regularizer;
import sc.fiji.autoencoders.model.VaeSpec;

/** Corrupted training inputs for feature autoencoders: the forms users type, what each does to a batch, a run. */
public class CorruptionTest {

	@Test
	public void parsesTheFormsAndNamesThemInMessages() {
		assertTrue(Corruption.parse("none").isNone());
		assertTrue(Corruption.parse(" NONE ").isNone());
		assertEquals("mask:0.5", Corruption.parse("mask:0.5").toString());
		assertEquals(Corruption.Kind.PIXELS, Corruption.parse("Pixels: 0.25").kind());
		assertEquals(0.3f, Corruption.parse("noise:0.3").strength());
		for (final String bad : new String[] { "blur:2", "mask", "mask:x", "mask:1", "mask:0", "pixels:-0.1", "noise:0",
			"none:0.5" })
		{
			final String message = assertThrows(BadInputException.class, () -> Corruption.parse(bad)).getMessage();
			assertTrue(message.contains("'" + bad + "'") && message.contains("e.g."), message);
		}
	}

	/** mask:F hides exactly round(F x cells) patches of each image, pixels:F as many pixels; the input is unchanged. */
	@Test
	public void masksExactlyTheFractionAsked() {
		final int h = 8, w = 12, count = 5;
		final float[] x = new float[count * h * w];
		java.util.Arrays.fill(x, 1f);
		final float[] patches = Corruption.parse("mask:0.5").apply(x, count, h, w, 4, new Random(1));
		final float[] pixels = Corruption.parse("pixels:0.25").apply(x, count, h, w, 4, new Random(1));
		for (int i = 0; i < count; i++) {
			int hiddenPatches = 0, hiddenPixels = 0;
			for (int p = 0; p < h * w; p++)
				if (pixels[i * h * w + p] == 0) hiddenPixels++;
			for (int cy = 0; cy < 2; cy++)
				for (int cx = 0; cx < 3; cx++) {
					int zeros = 0;
					for (int y = 0; y < 4; y++)
						for (int xx = 0; xx < 4; xx++)
							if (patches[i * h * w + (cy * 4 + y) * w + cx * 4 + xx] == 0) zeros++;
					assertTrue(zeros == 0 || zeros == 16, "a patch is hidden whole or not at all: " + zeros);
					if (zeros == 16) hiddenPatches++;
				}
			assertEquals(3, hiddenPatches, "half of the 6 patches of image " + i);
			assertEquals(24, hiddenPixels, "a quarter of the 96 pixels of image " + i);
		}
		for (final float v : x)
			assertEquals(1f, v);
		final float[] noisy = Corruption.parse("noise:0.3").apply(new float[20000], 1, 100, 200, 4, new Random(2));
		double s2 = 0;
		for (final float v : noisy)
			s2 += v * v;
		assertEquals(0.3, Math.sqrt(s2 / noisy.length), 0.01, "standard deviation of the added noise");
	}

	/**
	 * A masked autoencoder trains (its validation error, on clean images, falls), records its corruption, and a VAE
	 * refuses one.
	 */
	@Test
	public void masksWhileTrainingAndRecordsIt() {
		final List<Plane> images = new ArrayList<>();
		for (int i = 0; i < 64; i++)
			images.add(sc.fiji.autoencoders.TestImages.blobs(16, 16, 200 + i));
		final TrainingConfig c = TrainingConfig.vae();
		c.epochs = 4;
		c.batchSize = 8;
		c.minutes = 0;
		c.earlyStopPatience = 0;
		c.seed = 4;
		final AutoencoderModel m = new VaeTrainer(TrainingImages.planes(images), VaeSpec.autoencoder(16, 16, 8, 2, 4,
			Regularizer.NONE, 0), c, 0).corruption(Corruption.parse("mask:0.5")).process();
		final List<sc.fiji.autoencoders.model.TrainingHistory.Epoch> h = m.history.epochs();
		assertTrue(h.get(h.size() - 1).validationMetric < h.get(0).validationMetric, "validation error falls: " + h.get(0)
			.validationMetric + " -> " + h.get(h.size() - 1).validationMetric);
		assertEquals("mask:0.5", JsonParser.parseString(m.trainingSettings).getAsJsonObject().get("corruption")
			.getAsString());
		final String message = assertThrows(BadInputException.class, () -> new VaeTrainer(TrainingImages.planes(images),
			new VaeSpec(16, 16, 2, 1, 4, sc.fiji.autoencoders.model.Likelihood.BERNOULLI, 1), c, 0).corruption(Corruption.parse("noise:0.1"))
				.process()).getMessage();
		assertTrue(message.contains("feature autoencoders"), message);
	}
}
