package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.PoissonGaussianNoiseModel;
import sc.fiji.autoencoders.train.DivNoisingTraining;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;

/**
 * DivNoising trained on noisy images alone on the one training loop, with the camera's noise model: its MMSE gains PSNR
 * over the noisy input and beats one sample, the spread is largest where the signal is ambiguous, samples are
 * reproducible by seed, tiling does not change the statistics, and the model file keeps it all.
 */
public class DivNoisingTest {

	private static final double GAIN = 2.5, READ_VARIANCE = 25, RANGE = 105;
	private static final List<Plane> CLEAN = new ArrayList<>(), NOISY = new ArrayList<>();
	private static AutoencoderModel model;

	@BeforeAll
	static void train() {
		final Random rng = new Random(1);
		for (int i = 0; i < 4; i++) {
			final Plane c = TestImages.blobs(64, 64, 20 + i);
			final float[] s = c.pixels(), x = new float[s.length];
			for (int j = 0; j < s.length; j++) {
				s[j] *= 0.5; // 10 to 115: low light
				x[j] = (float) (s[j] + Math.sqrt(GAIN * s[j] + READ_VARIANCE) * rng.nextGaussian()); // shot + read noise
			}
			CLEAN.add(c);
			NOISY.add(new Plane(64, 64, x));
		}
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 8;
		c.stepsPerEpoch = 100;
		c.batchSize = 8;
		c.patchSize = 32;
		c.learningRate = 2e-3f;
		c.validationPatches = 16;
		c.validationFraction = 0.25;
		final long t0 = System.nanoTime();
		model = new DivNoisingTraining(TrainingImages.planes(NOISY), ChannelNoiseModels.of(new PoissonGaussianNoiseModel(
			GAIN, READ_VARIANCE, 10, 115)), new DivNoisingSpec(16, 16, 1), c).process();
		System.out.printf("DivNoising: %d steps in %.1f s, spread scale %.3f%n", model.steps, (System.nanoTime() - t0) /
			1e9, model.divNoising().spreadScale());
	}

	private static double psnr(final float[] a, final Plane clean) {
		double se = 0;
		for (int i = 0; i < a.length; i++) {
			final double d = a[i] - clean.pixels()[i];
			se += d * d;
		}
		return 10 * Math.log10(RANGE * RANGE / (se / a.length));
	}

	private static float[] pixels(final Img<FloatType> img) {
		return ((ArrayImg<FloatType, FloatArray>) img).update(null).getCurrentStorageArray();
	}

	private static DivNoisingDenoiser.Result sample(final int tile, final int k, final long seed, final boolean keep) {
		try (DivNoisingDenoiser d = new DivNoisingDenoiser(model, tile, 0)) {
			return d.sample(ArrayImgs.floats(NOISY.get(0).pixels(), 64, 64), k, seed, keep, PredictionMonitor.NONE);
		}
	}

	@Test
	public void mmseGainsOverNoisyAndOverOneSample() {
		final DivNoisingDenoiser.Result r = sample(1024, 20, 2, true);
		final float[] one = Arrays.copyOf(pixels(r.samples), 64 * 64);
		final double pNoisy = psnr(NOISY.get(0).pixels(), CLEAN.get(0)), pOne = psnr(one, CLEAN.get(0)), pMmse = psnr(
			pixels(r.mmse), CLEAN.get(0));
		System.out.printf("PSNR noisy %.2f dB, one sample %.2f dB, MMSE of 20 %.2f dB%n", pNoisy, pOne, pMmse);
		assertTrue(pMmse > pNoisy + 1.5, "MMSE " + pMmse + " vs noisy " + pNoisy);
		assertTrue(pMmse > pOne + 1, "MMSE " + pMmse + " vs one sample " + pOne);
		assertEquals(20 * 64 * 64, pixels(r.samples).length);
	}

	/**
	 * Ambiguous on purpose: the blobs' sharp edges, whose exact position the noise hides. Measured against the camera
	 * noise at each pixel's signal (brighter pixels are noisier, so raw spreads compare brightness), the samples differ
	 * more along those edges than elsewhere (measured 1.07 vs 0.90 of the noise's standard deviation).
	 */
	@Test
	public void spreadIsLargerWhereTheSignalIsAmbiguous() {
		final DivNoisingDenoiser.Result r = sample(1024, 20, 3, false);
		final float[] spread = pixels(r.spread), mmse = pixels(r.mmse);
		double edge = 0, other = 0;
		int edges = 0, others = 0;
		final Plane truth = CLEAN.get(0);
		for (int y = 1; y < 63; y++)
			for (int x = 1; x < 63; x++) {
				final float v = truth.get(x, y);
				final boolean isEdge = truth.get(x - 1, y) != v || truth.get(x + 1, y) != v || truth.get(x, y - 1) != v ||
					truth.get(x, y + 1) != v;
				final double relative = spread[y * 64 + x] / Math.sqrt(GAIN * Math.max(0, mmse[y * 64 + x]) +
					READ_VARIANCE);
				if (isEdge && Math.abs(truth.get(x - 1, y) - truth.get(x + 1, y)) > 20) {
					edge += relative;
					edges++;
				}
				else if (!isEdge) {
					other += relative;
					others++;
				}
			}
		System.out.printf("spread / noise std: %.3f at edges, %.3f elsewhere%n", edge / edges, other / others);
		assertTrue(edge / edges > other / others, "spread at edges " + edge / edges + ", elsewhere " + other / others);
	}

	@Test
	public void samplesAreReproducibleBySeed() {
		final float[] a = pixels(sample(1024, 4, 7, true).samples), b = pixels(sample(1024, 4, 7, true).samples);
		final float[] c = pixels(sample(1024, 4, 8, true).samples);
		assertArrayEquals(a, b);
		assertFalse(Arrays.equals(a, c));
	}

	/** Tiles of 16 pixels: the MMSE of many samples is as good as untiled, the spread as large. */
	@Test
	public void tiledEqualsUntiledStatistically() {
		final DivNoisingDenoiser.Result whole = sample(1024, 32, 4, false), tiled = sample(16, 32, 4, false);
		final double pWhole = psnr(pixels(whole.mmse), CLEAN.get(0)), pTiled = psnr(pixels(tiled.mmse), CLEAN.get(0));
		final double sWhole = mean(pixels(whole.spread)), sTiled = mean(pixels(tiled.spread));
		System.out.printf("untiled %.2f dB, spread %.3f; tiled %.2f dB, spread %.3f%n", pWhole, sWhole, pTiled, sTiled);
		assertEquals(pWhole, pTiled, 0.5);
		assertEquals(sWhole, sTiled, 0.15 * sWhole);
	}

	@Test
	public void modelFileKeepsItAndDenoiseReturnsTheMmse(@TempDir final Path dir) {
		final File f = dir.resolve("divnoising.aemodel").toFile();
		ModelFile.save(model, f);
		final AutoencoderModel loaded = ModelFile.load(f, AutoencoderModel.DENOISER);
		assertEquals(model.divNoising(), loaded.divNoising());
		assertEquals(DivNoisingSpec.METHOD, loaded.method);
		assertNotNull(loaded.noiseModel);
		final String info = ModelDescription.describe(loaded);
		assertTrue(info.contains("DivNoising (divnoising)") && info.contains("latent 16") && info.contains(
			"camera noise"), info);
		try (Denoiser d = new Denoiser(loaded)) {
			final Plane out = d.denoise(NOISY.get(0), PredictionMonitor.NONE);
			final double p = psnr(out.pixels(), CLEAN.get(0)), pNoisy = psnr(NOISY.get(0).pixels(), CLEAN.get(0));
			assertTrue(p > pNoisy + 1.5, "denoise " + p + " vs noisy " + pNoisy);
		}
	}

	/**
	 * A deeper network (two convolutions per scale) trains, keeps its depth in the model file (spec.json's optional
	 * {@code convs}, which a one-convolution model does not write, so files of the first version read as before), has
	 * the wider margins and denoises.
	 */
	@Test
	public void deeperNetworkTrainsAndRoundTrips(@TempDir final Path dir) {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 2;
		c.stepsPerEpoch = 30;
		c.batchSize = 4;
		c.patchSize = 32;
		c.validationPatches = 8;
		c.validationFraction = 0.25;
		final DivNoisingSpec spec = new DivNoisingSpec(8, 8, 2, 1, 1).validate();
		final AutoencoderModel m = new DivNoisingTraining(TrainingImages.planes(NOISY), ChannelNoiseModels.of(
			new PoissonGaussianNoiseModel(GAIN, READ_VARIANCE, 10, 115)), spec, c).process();
		assertEquals(2, m.divNoising().convs());
		assertEquals(DivNoisingSpec.RECEPTIVE_RADIUS + 14, m.divNoising().receptiveRadius());
		assertTrue(m.weights.contains("dn_dec2_2.kernel") && m.weights.contains("dn_enc0_2.kernel"));
		final File f = dir.resolve("deeper.aemodel").toFile(), one = dir.resolve("one.aemodel").toFile();
		ModelFile.save(m, f);
		ModelFile.save(model, one);
		assertTrue(specJson(f).contains("\"convs\""));
		assertFalse(specJson(one).contains("\"convs\""));
		final AutoencoderModel loaded = ModelFile.load(f, AutoencoderModel.DENOISER);
		assertEquals(m.divNoising(), loaded.divNoising());
		assertTrue(ModelDescription.describe(loaded).contains("2 convolutions per scale"));
		try (Denoiser d = new Denoiser(loaded)) {
			for (final float v : d.denoise(NOISY.get(0), PredictionMonitor.NONE).pixels())
				assertTrue(Float.isFinite(v));
		}
	}

	@Test
	public void generatesFromThePrior() {
		final List<Plane> g = DivNoisingDenoiser.generate(model, 3, 50, 30, 1, 1);
		assertEquals(3, g.size());
		assertEquals(50, g.get(0).width());
		assertEquals(30, g.get(0).height());
		assertFalse(Arrays.equals(g.get(0).pixels(), g.get(1).pixels()));
		for (final float v : g.get(0).pixels())
			assertTrue(Float.isFinite(v));
	}

	private static String specJson(final File f) {
		try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f)) {
			return new String(z.getInputStream(z.getEntry("spec.json")).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (final java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static double mean(final float[] v) {
		double s = 0;
		for (final float x : v)
			s += x;
		return s / v.length;
	}
}
