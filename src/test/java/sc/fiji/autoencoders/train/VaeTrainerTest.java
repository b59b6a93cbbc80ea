package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.model.TrainingHistory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.LatentTable;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Anomaly;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.predict.Vae;

/** A tiny VAE trained for seconds on the Fashion-MNIST subset in test-images/. */
public class VaeTrainerTest {

	static List<Plane> train, test;
	static AutoencoderModel model;
	static List<TrainingHistory.Epoch> epochs;

	@BeforeAll
	static void trainOnce() {
		final List<Plane> all = ImagePlanes.planes(ImageFiles.open(new File("test-images/fashion-mnist-2000.tif")));
		train = all.subList(0, 1500);
		test = ImagePlanes.planes(ImageFiles.open(new File("test-images/fashion-mnist-test-500.tif"))).subList(0, 200);
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 15;
		c.batchSize = 32;
		c.earlyStopPatience = 0;
		c.seed = 3;
		model = new VaeTrainer(TrainingImages.planes(train), VaeTrainer.spec(train.get(0).view(), 8, 2, 16,
			Likelihood.BERNOULLI, 1), c, 2).process();
		epochs = model.history.epochs();
	}

	@Test
	public void heldOutNegativeElboFalls() {
		assertEquals(15, epochs.size());
		final double first = epochs.get(0).validationMetric, last = model.history.best().validationMetric;
		assertTrue(last < first - 20, "negative ELBO " + first + " -> " + last);
		assertTrue(last < 400 && last > 100, "plausible nats for 28x28 Fashion-MNIST: " + last);
	}

	@Test
	public void generateIsReproducibleWithTheSeed() {
		try (Vae vae = new Vae(model)) {
			final List<Plane> a = vae.generate(5, 7, 1), b = vae.generate(5, 7, 1), c = vae.generate(5, 8, 1);
			assertEquals(5, a.size());
			assertEquals(28, a.get(0).width());
			assertEquals(28, a.get(0).height());
			for (int i = 0; i < 5; i++)
				assertArrayEquals(a.get(i).pixels(), b.get(i).pixels());
			assertNotEquals(a.get(0), c.get(0));
		}
	}

	@Test
	public void interpolationEndpointsReconstructBetterThanSamples() {
		try (Vae vae = new Vae(model)) {
			final Plane x = test.get(0), y = test.get(1);
			final List<Plane> strip = vae.interpolate(x, y, 6);
			assertEquals(6, strip.size());
			final List<Plane> random = vae.generate(20, 1, 1);
			double randomToX = 0;
			for (final Plane r : random)
				randomToX += Metrics.psnr(x, r, 255) / random.size();
			assertTrue(Metrics.psnr(x, strip.get(0), 255) > randomToX + 2, "start reconstructs x");
			assertTrue(Metrics.psnr(y, strip.get(5), 255) > Metrics.psnr(y, strip.get(0), 255), "end is closer to y");
		}
	}

	@Test
	public void encodeCsvRoundTrip() throws Exception {
		try (Vae vae = new Vae(model)) {
			final float[][] codes = vae.encode(test.subList(0, 10));
			assertEquals(80, codes[0].length);
			final StringWriter sw = new StringWriter();
			LatentTable.writeCsv(new PrintWriter(sw), codes[0], codes[1], 8);
			final float[][] back = LatentTable.readCsv(new BufferedReader(new StringReader(sw.toString())), 8);
			assertArrayEquals(codes[0], back[0], 1e-5f);
			assertArrayEquals(codes[1], back[1], 1e-5f);
		}
	}

	@Test
	public void noiseIsMoreAnomalousThanClothes() {
		final Random r = new Random(1);
		final List<Plane> images = new ArrayList<>(test.subList(0, 5));
		final float[] noise = new float[28 * 28];
		for (int i = 0; i < noise.length; i++)
			noise[i] = r.nextInt(256);
		images.add(new Plane(28, 28, noise));
		final List<Anomaly.Result> res = Anomaly.score(model, images);
		for (int i = 0; i < 5; i++) {
			assertTrue(res.get(5).negativeElbo > res.get(i).negativeElbo, "noise scores higher");
			assertTrue(res.get(5).meanAbsoluteError > res.get(i).meanAbsoluteError);
		}
	}

	@Test
	public void modelFileRoundTripAndKindChecks(@org.junit.jupiter.api.io.TempDir final File dir) {
		final File f = new File(dir, "vae.aemodel");
		ModelFile.save(model, f);
		final AutoencoderModel back = ModelFile.load(f, ModelKind.VAE);
		assertEquals(model.vae, back.vae);
		try (Vae a = new Vae(model); Vae b = new Vae(back)) {
			assertArrayEquals(a.generate(2, 1, 1).get(1).pixels(), b.generate(2, 1, 1).get(1).pixels());
		}
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.load(f,
			ModelKind.DENOISER));
		assertTrue(e.getMessage().contains("is a vae model"), e.getMessage());
	}

	@Test
	public void differentSizesAreAClearError() {
		final List<Plane> mixed = new ArrayList<>(train.subList(0, 3));
		mixed.add(new Plane(30, 28));
		final VaeTrainer t = new VaeTrainer(TrainingImages.planes(mixed), VaeTrainer.spec(mixed.get(0).view(), 4, 2, 8,
			Likelihood.BERNOULLI, 1), new TrainingConfig(), 0);
		assertFalse(t.checkInput());
		assertTrue(t.getErrorMessage().contains("one size"), t.getErrorMessage());
	}
}
