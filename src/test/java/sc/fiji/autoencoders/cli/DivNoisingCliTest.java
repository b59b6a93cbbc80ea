package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.NoiseModelFile;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.PoissonGaussianNoiseModel;

/**
 * {@code fiji-ae} with DivNoising: training on noisy planes with a noise model spec, {@code info},
 * {@code denoise --samples K --keep-samples} (MMSE, spread and samples files, reproducible by seed), {@code generate},
 * and one clear refusal (exit 2) for each bad input.
 */
class DivNoisingCliTest {

	@TempDir
	static File dir;
	private static File noisy, plane, clean, model;

	@BeforeAll
	static void train() {
		final Random rng = new Random(3);
		final ImageStack stack = new ImageStack(64, 64), truth = new ImageStack(64, 64);
		for (int i = 0; i < 4; i++) {
			final Plane c = TestImages.blobs(64, 64, 30 + i);
			final float[] x = new float[64 * 64], t = new float[64 * 64];
			for (int j = 0; j < x.length; j++) {
				final double s = 0.5 * c.pixels()[j];
				x[j] = (float) (s + Math.sqrt(2.5 * s + 25) * rng.nextGaussian());
				t[j] = (float) (3 * s + 100); // a ground truth of another scale, as a frame average may be
			}
			stack.addSlice(new FloatProcessor(64, 64, x));
			truth.addSlice(new FloatProcessor(64, 64, t));
		}
		clean = new File(dir, "clean.tif");
		IJ.saveAsTiff(new ImagePlus("clean", truth), clean.getPath());
		noisy = new File(dir, "noisy.tif");
		plane = new File(dir, "plane.tif");
		IJ.saveAsTiff(new ImagePlus("noisy", stack), noisy.getPath());
		IJ.saveAsTiff(new ImagePlus("plane", stack.getProcessor(1)), plane.getPath());
		model = new File(dir, "dn.aemodel");
		final Object[] r = MainTest.cli("train-denoiser", "--noisy", noisy.getPath(), "--noisy-method", "divnoising",
			"--noise-model", "poisson-gaussian:2.5,25", "--out", model.getPath(), "--epochs", "2", "--steps-per-epoch",
			"20", "--patch", "32", "--batch", "4", "--filters", "8", "--seed", "1", "--learning-rate", "0.0009");
		// a rate near the first version's 0.001 (which now means DivNoising's own 0.01): after 40 steps at 0.01 the
		// calibration test's fit kept the model's own power 1
		assertEquals(0, r[0], r[2].toString());
	}

	@Test
	void infoDescribesIt() {
		final Object[] r = MainTest.cli("info", "--model", model.getPath());
		assertEquals(0, r[0], r[2].toString());
		final String s = r[1].toString();
		assertTrue(s.contains("divnoising") && s.contains("latent 16") && s.contains("camera noise"), s);
	}

	@Test
	void samplesWriteMmseSpreadAndSamplesReproducibly() {
		final File out = new File(dir, "out"), again = new File(dir, "again");
		Object[] r = MainTest.cli("denoise", "--model", model.getPath(), "--input", noisy.getPath(), "--output", out
			.getPath(), "--samples", "6", "--keep-samples", "--seed", "4", "--tile-size", "64");
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus mmse = ImageFiles.open(new File(out, "noisy.tif")), spread = ImageFiles.open(new File(out,
			"noisy-spread.tif")), samples = ImageFiles.open(new File(out, "noisy-samples.tif"));
		assertEquals(4, mmse.getStackSize());
		assertEquals(4, spread.getStackSize());
		assertEquals(6 * 4, samples.getStackSize());
		assertEquals(6, samples.getNSlices());
		assertEquals(4, samples.getNFrames());
		float maxSpread = 0;
		for (final float v : (float[]) spread.getStack().getPixels(1))
			maxSpread = Math.max(maxSpread, v);
		assertTrue(maxSpread > 0, "a spread");
		// the MMSE is the samples' mean
		final float[] m = (float[]) mmse.getStack().getPixels(2);
		double mean = 0;
		for (int k = 1; k <= 6; k++)
			mean += ((float[]) samples.getStack().getPixels(6 + k))[100] / 6.0;
		assertEquals(mean, m[100], 1e-3 * (1 + Math.abs(mean)));

		r = MainTest.cli("denoise", "--model", model.getPath(), "--input", noisy.getPath(), "--output", again.getPath(),
			"--samples", "6", "--keep-samples", "--seed", "4", "--tile-size", "64");
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus same = ImageFiles.open(new File(again, "noisy-samples.tif"));
		for (int i = 1; i <= samples.getStackSize(); i++)
			assertArrayEquals((float[]) samples.getStack().getPixels(i), (float[]) same.getStack().getPixels(i));
		r = MainTest.cli("denoise", "--model", model.getPath(), "--input", noisy.getPath(), "--output", again.getPath(),
			"--samples", "6", "--keep-samples", "--seed", "5", "--tile-size", "64");
		assertFalse(java.util.Arrays.equals((float[]) samples.getStack().getPixels(1), (float[]) ImageFiles.open(
			new File(again, "noisy-samples.tif")).getStack().getPixels(1)), "another seed, other samples");

		// a plain denoise is the MMSE of the default samples
		r = MainTest.cli("denoise", "--model", model.getPath(), "--input", plane.getPath(), "--output", new File(dir,
			"plain").getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(64, ImageFiles.open(new File(dir, "plain/plane.tif")).getWidth());
	}

	@Test
	void generatesFromThePrior() {
		final File out = new File(dir, "gen.tif");
		final Object[] r = MainTest.cli("generate", "--model", model.getPath(), "--count", "3", "--size", "40", "--output",
			out.getPath());
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus g = ImageFiles.open(out);
		assertEquals(40, g.getWidth());
		assertEquals(3, g.getStackSize());
	}

	@Test
	void badInputIsNamed() {
		final File out = new File(dir, "bad");
		refused("needs samples", "denoise", "--model", model.getPath(), "--input", plane.getPath(), "--output", out
			.getPath(), "--samples", "0", "--keep-samples");
		refused("at least", "denoise", "--model", model.getPath(), "--input", plane.getPath(), "--output", out
			.getPath(), "--samples", "-1");
		refused("--ensemble", "denoise", "--model", model.getPath(), "--input", plane.getPath(), "--output", out
			.getPath(), "--samples", "4", "--ensemble");
		refused("DivNoising model only", "denoise", "--model", "src/test/resources/fixtures/denoiser-v1.aemodel",
			"--input", plane.getPath(), "--output", out.getPath(), "--samples", "4");
		refused("Generate", "walk", "--model", model.getPath(), "--output", new File(dir, "w.tif").getPath());
		// a noise model fitted on signals of 500 to 2000 does not cover these images (10 to 115)
		final File bright = new File(dir, "bright.aenoise");
		NoiseModelFile.save(ChannelNoiseModels.of(new PoissonGaussianNoiseModel(2.5, 25, 500, 2000)), bright);
		refused("fitted on signals", "train-denoiser", "--noisy", noisy.getPath(), "--noisy-method", "divnoising",
			"--noise-model", bright.getPath(), "--out", new File(dir, "x.aemodel").getPath(), "--epochs", "1",
			"--steps-per-epoch", "2", "--patch", "32");
		final File two = new File(dir, "two.aenoise");
		final PoissonGaussianNoiseModel pg = new PoissonGaussianNoiseModel(2.5, 25, 0, 200);
		NoiseModelFile.save(new ChannelNoiseModels(List.of(new ChannelNoiseModels.Channel(pg, null),
			new ChannelNoiseModels.Channel(pg, null))), two);
		refused("channel", "train-denoiser", "--noisy", noisy.getPath(), "--noisy-method", "divnoising",
			"--noise-model", two.getPath(), "--out", new File(dir, "y.aemodel").getPath(), "--epochs", "1",
			"--steps-per-epoch", "2", "--patch", "32");
		refused("bioimage.io", "export", "--model", model.getPath(), "--output", new File(dir, "e.zip").getPath());
	}

	@Test
	void calibrationAgainstAGroundTruthFitsTheSpreadInEveryBin() {
		final File calibrated = new File(dir, "calibrated.aemodel");
		final Object[] r = MainTest.cli("calibrate-uncertainty", "--model", model.getPath(), "--input", noisy.getPath(),
			"--target", clean.getPath(), "--out", calibrated.getPath(), "--samples", "8", "--tile-size", "64");
		assertEquals(0, r[0], r[2].toString());
		final String text = r[1].toString();
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("before ([0-9. ]+) \\(.*after ([0-9. ]+) " +
			"\\(").matcher(text);
		assertTrue(m.find(), text);
		// the fit minimises the squared log ratios over the bins; the model's own calibration is one of its candidates
		assertTrue(logSquares(m.group(2)) <= logSquares(m.group(1)) + 0.05, text); // ratios are printed rounded
		final sc.fiji.autoencoders.model.DivNoisingSpec before = sc.fiji.autoencoders.io.ModelFile.load(model)
			.divNoising(), after = sc.fiji.autoencoders.io.ModelFile.load(calibrated).divNoising();
		assertTrue(after.spreadPower() != 1 && before.spreadPower() == 1, after.spreadPower() + "");
		final Object[] info = MainTest.cli("info", "--model", calibrated.getPath());
		assertTrue(info[1].toString().contains("calibrated against a ground truth"), info[1].toString());

		// the same samples (seed), the spread mapped: a * (raw sd)^b, where the raw sd is the old spread / old scale
		final File o1 = new File(dir, "cal-before"), o2 = new File(dir, "cal-after");
		for (final File[] run : new File[][] { { model, o1 }, { calibrated, o2 } })
			assertEquals(0, MainTest.cli("denoise", "--model", run[0].getPath(), "--input", plane.getPath(), "--output",
				run[1].getPath(), "--samples", "8", "--seed", "2", "--tile-size", "64")[0]);
		final float[] s1 = (float[]) ImageFiles.open(new File(o1, "plane-spread.tif")).getProcessor().getPixels(),
			s2 = (float[]) ImageFiles.open(new File(o2, "plane-spread.tif")).getProcessor().getPixels();
		for (int i = 0; i < s1.length; i++)
			assertEquals(after.spread(s1[i] / before.spreadScale()), s2[i], 1e-3 * (1 + s2[i]), "pixel " + i);

		refused("is not a DivNoising model", "calibrate-uncertainty", "--model",
			"src/test/resources/fixtures/denoiser-v1.aemodel", "--input", plane.getPath(), "--target", plane.getPath(),
			"--out", new File(dir, "c1.aemodel").getPath());
		refused("ground truth images", "calibrate-uncertainty", "--model", model.getPath(), "--input", noisy.getPath(),
			plane.getPath(), "--target", clean.getPath(), "--out", new File(dir, "c2.aemodel").getPath());
		refused("same size", "calibrate-uncertainty", "--model", model.getPath(), "--input", plane.getPath(),
			"--target", clean.getPath(), "--out", new File(dir, "c3.aemodel").getPath());
		refused("2 or more samples", "calibrate-uncertainty", "--model", model.getPath(), "--input", plane.getPath(),
			"--target", clean.getPath(), "--out", new File(dir, "c4.aemodel").getPath(), "--samples", "1");
	}

	private static double logSquares(final String ratios) {
		double sum = 0;
		for (final String q : ratios.trim().split(" "))
			sum += Math.pow(Math.log(Double.parseDouble(q)), 2);
		return sum;
	}

	private static void refused(final String message, final String... args) {
		final Object[] r = MainTest.cli(args);
		System.out.println(String.join(" ", args) + "\n  -> " + r[2].toString().trim());
		assertEquals(2, r[0], "exit code of " + String.join(" ", args) + ": " + r[1] + r[2]);
		assertTrue(r[2].toString().contains(message), r[2].toString());
		assertFalse(r[2].toString().contains("Exception"), r[2].toString());
	}
}
