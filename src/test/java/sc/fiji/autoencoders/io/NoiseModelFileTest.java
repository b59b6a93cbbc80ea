package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.GaussianMixtureNoiseModel;
import sc.fiji.autoencoders.noise.LikelihoodModel;
import sc.fiji.autoencoders.noise.LikelihoodModels;
import sc.fiji.autoencoders.noise.NoiseFitOptions;
import sc.fiji.autoencoders.noise.NoiseModelFitting;
import sc.fiji.autoencoders.noise.NoisePlotData;
import sc.fiji.autoencoders.op.Plots;

/**
 * Noise model files ({@code .aenoise}) and noise models inside model files: exact round trips, strict reading, the
 * committed fixture of format version 1, and the plot. The fixture {@code noise-v1.aenoise} was written by
 * {@link #writeFixtures} (run once), as was {@code denoiser-noisemodel-v1.aemodel}: channel 1 a Gaussian mixture (3 Gaussians, linear) and channel 2 a photon transfer
 * fit, both on a camera of gain 2.5 and read-noise variance 100 over signals 20 to 2000.
 */
public class NoiseModelFileTest {

	@TempDir
	File dir;

	/** A camera of gain 2.5 and read-noise variance 100 (as NoiseModelFittingTest's), fitted both ways. */
	static ChannelNoiseModels fitted() {
		final Random rng = new Random(11);
		final int n = 30_000;
		final float[] s = new float[n], x = new float[n];
		for (int i = 0; i < n; i++) {
			s[i] = (float) (20 + 1980 * rng.nextDouble());
			x[i] = (float) (s[i] + Math.sqrt(2.5 * s[i] + 100) * rng.nextGaussian());
		}
		final NoiseFitOptions gmm = new NoiseFitOptions(), pg = new NoiseFitOptions();
		gmm.steps = 300;
		pg.kind = NoiseFitOptions.Kind.POISSON_GAUSSIAN;
		final NoiseModelFitting.Pairs pairs = new NoiseModelFitting.Pairs(s, x);
		return new ChannelNoiseModels(List.of(NoiseModelFitting.fit(pairs, gmm), NoiseModelFitting.fit(pairs, pg)));
	}

	@Test
	public void roundTripIsExact() {
		final ChannelNoiseModels m = fitted();
		final File f = new File(dir, "camera.aenoise");
		NoiseModelFile.save(m, f);
		assertEquals(m, NoiseModelFile.load(f));
		final ChannelNoiseModels spec = ChannelNoiseModels.of(LikelihoodModels.parse("poisson-gaussian:2.5,100"));
		NoiseModelFile.save(spec, f);
		assertEquals(spec, NoiseModelFile.load(f));
		assertEquals(spec, NoiseModelFile.resolve("poisson-gaussian:2.5, 100"));
		assertEquals(spec, NoiseModelFile.resolve(f.getPath()));
	}

	@Test
	public void fixtureOfFormatVersion1Loads() throws Exception {
		final ChannelNoiseModels m = NoiseModelFile.load(fixture("noise-v1.aenoise"));
		assertEquals(2, m.size());
		assertTrue(m.model(0) instanceof GaussianMixtureNoiseModel);
		for (int c = 0; c < 2; c++) {
			final LikelihoodModel model = m.model(c);
			assertEquals(20, model.signalLow(), 1);
			assertEquals(2000, model.signalHigh(), 1);
			for (double s = 100; s <= 1900; s += 200)
				assertEquals(2.5 * s + 100, model.std(s) * model.std(s), 0.1 * (2.5 * s + 100), "channel " + c + " at " + s);
			assertTrue(m.channels().get(c).measured.size() > 10);
		}
	}

	@Test
	public void modelFileCarriesItsNoiseModelAndOldFilesAreUnchanged() throws Exception {
		final File old = fixture("denoiser-v1.aemodel");
		final AutoencoderModel m = ModelFile.load(old);
		assertNull(m.noiseModel);
		assertFalse(ModelJson.toJson(m).contains("noiseModel"), "a model without a noise model is written as before");
		m.noiseModel = fitted();
		final File f = new File(dir, "with-noise.aemodel");
		ModelFile.save(m, f);
		final AutoencoderModel back = ModelFile.load(f);
		assertEquals(m.noiseModel, back.noiseModel);
		assertTrue(sc.fiji.autoencoders.model.ModelDescription.describe(back).contains("Gaussian mixture noise model"));
	}

	@Test
	public void damagedFilesAreRefusedWithTheirReason() throws IOException {
		final File f = new File(dir, "bad.aenoise");
		NoiseModelFile.save(fitted(), f);
		final String good = new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
		assertRefused(f, good.replaceFirst("\"kind\": \"gmm\",", "\"kind\": \"gmm\", \"colour\": 3,"), "unknown field");
		assertRefused(f, good.replaceFirst("\"kind\": \"gmm\"", "\"kind\": \"histogram\""), "'histogram' is not known");
		assertRefused(f, good.replaceFirst("\"kind\": \"gmm\",", "\"kind\": \"gmm\", \"a\": 1,"), "Poisson-Gaussian " +
			"fields");
		assertRefused(f, good.replaceFirst("\"gaussians\": 3", "\"gaussians\": 2"), "needs 4 weights");
		assertRefused(f, good.replaceFirst("fiji-autoencoders-noise-model", "something-else"), "is not " +
			"'fiji-autoencoders-noise-model'");
		assertRefused(f, good.replaceFirst("\"formatVersion\": 1", "\"formatVersion\": 2"), "formatVersion' is 2");
		assertRefused(f, "[1, 2]", "does not hold a JSON object");
		final BadInputException missing = assertThrows(BadInputException.class, () -> NoiseModelFile.load(new File(dir,
			"none.aenoise")));
		assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
		final BadInputException spec = assertThrows(BadInputException.class, () -> NoiseModelFile.resolve(
			"poisson-gaussian:2.5"));
		assertTrue(spec.getMessage().contains("poisson-gaussian:A,B"), spec.getMessage());
	}

	private static void assertRefused(final File f, final String json, final String expected) throws IOException {
		Files.write(f.toPath(), json.getBytes(StandardCharsets.UTF_8));
		final BadInputException e = assertThrows(BadInputException.class, () -> NoiseModelFile.load(f));
		assertTrue(e.getMessage().startsWith("Noise model file bad.aenoise is damaged") && e.getMessage().contains(
			expected), e.getMessage());
	}

	/** The plot has the model's curve (blue) and the measured points (red) inside its axes, as a PNG too. */
	@Test
	public void plotShowsCurveAndMeasuredPoints() throws IOException {
		final ChannelNoiseModels m = fitted();
		final ij.gui.Plot plot = Plots.noise(NoisePlotData.of(m.channels().get(0), 1));
		final File png = new File(dir, "noise.png");
		ImageOutputs.write(plot.getImagePlus(), png, 1, 1);
		final BufferedImage img = ImageIO.read(png);
		assertEquals(plot.getImagePlus().getWidth(), img.getWidth());
		int blue = 0, red = 0;
		for (int y = 0; y < img.getHeight(); y++)
			for (int x = 0; x < img.getWidth(); x++) {
				final int rgb = img.getRGB(x, y), r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
				if (b > 150 && r < 100) blue++;
				if (r > 150 && b < 100 && g < 100) red++;
			}
		assertTrue(blue > 300 && red > 100, "blue " + blue + ", red " + red);
		final float[] xs = plot.getXValues();
		assertEquals(NoisePlotData.POINTS, xs.length);
		assertEquals(m.model(0).signalHigh(), xs[xs.length - 1], 1e-3);
		assertEquals(m.model(0).std(1000), plot.getYValues()[(int) Math.round((1000 - xs[0]) / (xs[1] - xs[0]))], 0.5);
	}

	private static File fixture(final String name) {
		return new File("src/test/resources/fixtures/" + name);
	}

	/** A model file of this version with a noise model: denoiser-v1's model with noise-v1's noise model. */
	@Test
	public void modelFileFixtureWithNoiseModelLoads() {
		final AutoencoderModel m = ModelFile.load(fixture("denoiser-noisemodel-v1.aemodel"));
		assertEquals(NoiseModelFile.load(fixture("noise-v1.aenoise")), m.noiseModel);
		assertEquals(ModelFile.load(fixture("denoiser-v1.aemodel")).weights.get("enc0a.kernel").values()[0], m.weights
			.get("enc0a.kernel").values()[0]);
	}

	/** Writes the fixtures; run once by hand with FIXTURE_DIR=src/test/resources/fixtures. */
	@Test
	public void writeFixtures() {
		final String out = System.getenv("FIXTURE_DIR");
		if (out == null) return;
		NoiseModelFile.save(fitted(), new File(out, "noise-v1.aenoise"));
		final AutoencoderModel m = ModelFile.load(fixture("denoiser-v1.aemodel"));
		m.noiseModel = NoiseModelFile.load(new File(out, "noise-v1.aenoise"));
		ModelFile.save(m, new File(out, "denoiser-noisemodel-v1.aemodel"));
	}
}
