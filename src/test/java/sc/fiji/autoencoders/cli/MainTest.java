package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ImagePlanes;

/** The CLI end to end on test-images/, in this JVM (same code path as bin/fiji-ae). */
public class MainTest {

	@TempDir
	File dir;

	/** Runs the CLI, returning {exit code, stdout, stderr}. */
	static Object[] cli(final String... args) {
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
		try {
			final int code = Main.run(args);
			return new Object[] { code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8) };
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	@Test
	public void trainDenoiseEvaluateInfo() {
		final File model = new File(dir, "d.aemodel");
		Object[] r = cli("train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise", "gaussian:25", "--out",
			model.getPath(), "--epochs", "4", "--steps-per-epoch", "25", "--patch", "32", "--batch", "8", "--filters", "16",
			"--seed", "1");
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("Epoch 4/4"), r[1].toString());
		assertTrue(model.isFile());

		final File noisyDir = new File(dir, "noisy");
		noisyDir.mkdirs();
		r = cli("denoise", "--model", model.getPath(), "--input", "test-images/denoise-test.png", "--output", new File(dir,
			"out").getPath());
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus out = ImageFiles.open(new File(dir, "out/denoise-test.tif"));
		assertEquals(256, out.getWidth());
		assertEquals(256, out.getHeight());
		assertEquals(32, out.getBitDepth());

		r = cli("evaluate", "--model", model.getPath(), "--clean", "test-images/denoise-test.png", "--seed", "3");
		assertEquals(0, r[0], r[2].toString());
		final Matcher m = Pattern.compile("noisy PSNR ([0-9.]+) dB.*denoised PSNR ([0-9.]+) dB").matcher(r[1].toString());
		assertTrue(m.find(), r[1].toString());
		final double noisy = Double.parseDouble(m.group(1)), denoised = Double.parseDouble(m.group(2));
		assertEquals(20.2, noisy, 0.5, "sigma 25 on 8-bit gives about 20.2 dB");
		assertTrue(denoised > noisy + 1.5, "denoised " + denoised + " vs noisy " + noisy);

		r = cli("info", "--model", model.getPath());
		assertEquals(0, r[0]);
		assertTrue(r[1].toString().contains("gaussian:25"), r[1].toString());
		assertTrue(r[1].toString().contains("4 epochs"), r[1].toString());
	}

	/**
	 * Noise2Void on a 2-channel Z stack with a 3D network and the channels joint, from the command line; then a
	 * streamed denoise of the hyperstack and info, which names the mode, the dimensions and the channels.
	 */
	@Test
	public void noisyThreeDimensionalJointChannels() {
		final java.util.List<sc.fiji.autoencoders.image.Plane> planes = new java.util.ArrayList<>();
		final java.util.Random rng = new java.util.Random(1);
		for (int z = 0; z < 8; z++)
			for (int c = 0; c < 2; c++) {
				final float[] px = new float[32 * 32];
				for (int i = 0; i < px.length; i++)
					px[i] = (float) (100 + 50 * Math.sin(i / 7.0 + z) * (c + 1) + 20 * rng.nextGaussian());
				planes.add(new sc.fiji.autoencoders.image.Plane(32, 32, px));
			}
		final File stack = new File(dir, "stack.tif");
		ImageOutputs.writeTiff(ImagePlanes.toImagePlus("stack", planes, 2, 8, 1), stack);
		final File model = new File(dir, "n2v3d.aemodel");
		Object[] r = cli("train-denoiser", "--noisy", stack.getPath(), "--dims", "3", "--channels", "joint",
			"--patch-planes", "8", "--patch-size", "16", "--depth", "2", "--filters", "4", "--max-filters", "8", "--batch",
			"2", "--epochs", "1", "--steps-per-epoch", "2", "--warmup", "0", "--out", model.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("masked validation loss"), r[1].toString());
		r = cli("denoise", "--model", model.getPath(), "--input", stack.getPath(), "--output", new File(dir, "out")
			.getPath(), "--stream");
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus out = ImageFiles.open(new File(dir, "out/stack.tif"));
		assertEquals(java.util.List.of(32, 32, 2, 8, 32), java.util.List.of(out.getWidth(), out.getHeight(), out
			.getNChannels(), out.getNSlices(), out.getBitDepth()));
		r = cli("info", "--model", model.getPath());
		assertEquals(0, r[0]);
		assertTrue(r[1].toString().contains("1 noisy Z stacks (no clean image), 2 channels jointly, 3D") && r[1]
			.toString().contains("channels:      2, trained jointly"), r[1].toString());

		r = cli("train-denoiser", "--noisy", stack.getPath(), "--channels", "joint", "--channel", "1", "--out",
			model.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Channel 1 picks one channel, but channels joint trains on all of them"),
			r[2].toString());
	}

	@Test
	public void badArgumentsExitWithTwoAndNameTheFix() {
		Object[] r = cli("train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise", "gausian:25", "--out",
			new File(dir, "x.aemodel").getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("gaussian:SIGMA"), r[2].toString());
		assertEquals(1, r[2].toString().trim().split("\n").length, "one line: " + r[2]);

		r = cli("denoise", "--model", new File(dir, "missing.aemodel").getPath(), "--input", "test-images", "--output",
			dir.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("not found"), r[2].toString());

		r = cli("train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise", "gaussian:25", "--out",
			new File(dir, "x.aemodel").getPath(), "--epochs", "-1");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Epochs must be 0 (no limit") && r[2].toString().contains("(got -1)"), r[2]
			.toString());
		r = cli("train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise", "gaussian:25", "--out",
			new File(dir, "x.aemodel").getPath(), "--epochs", "0", "--minutes", "0");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("--minutes"), r[2].toString());

		r = cli("train-denoiser", "--clean", "no/such/file.tif", "--noise", "gaussian:25", "--out", new File(dir,
			"x.aemodel").getPath());
		assertEquals(2, r[0]);

		r = cli("frobnicate");
		assertEquals(2, r[0]);
		r = cli();
		assertEquals(2, r[0]);
	}
}
