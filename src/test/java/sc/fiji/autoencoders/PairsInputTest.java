package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.base.BadInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ImagePairs;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Pairs that do not match in name, size or count are refused before training, with one message naming the file or
 * image; and each mode runs end to end through the facade and the CLI.
 */
public class PairsInputTest {

	@TempDir
	File dir;

	private static ImagePlus image(final String title, final int w, final int h, final long seed) {
		return ImagePlanes.toImagePlus(title, List.of(TestImages.blobs(w, h, seed)), 1, 1, 1);
	}

	private static TrainDenoiserSettings pairs() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.mode = "pairs";
		return s;
	}

	private File model() {
		return new File(dir, "m.aemodel");
	}

	@Test
	public void aPairOfDifferentSizesIsNamed() {
		final BadInputException e = assertThrows(BadInputException.class, () -> Autoencoders.trainDenoiser(List.of(image(
			"a.tif", 64, 64, 1), image("b.tif", 64, 64, 2)), List.of(image("a.tif", 64, 64, 3), image("b.tif", 60, 64, 4)),
			pairs(), model(), null, null));
		assertEquals("Input image 'b.tif' is 64x64 but its target 'b.tif' is 60x64: pairs must be registered images " +
			"(or stacks) of the same size.", e.getMessage());
	}

	@Test
	public void countsThatDifferAreNamed() {
		final BadInputException e = assertThrows(BadInputException.class, () -> Autoencoders.trainDenoiser(List.of(image(
			"a.tif", 64, 64, 1), image("b.tif", 64, 64, 2)), List.of(image("a.tif", 64, 64, 3)), pairs(), model(), null,
			null));
		assertEquals("There are 2 input images but 1 target images: give exactly one target per input.", e.getMessage());
		final BadInputException none = assertThrows(BadInputException.class, () -> Autoencoders.trainDenoiser(List.of(
			image("a.tif", 64, 64, 1)), null, pairs(), model(), null, null));
		assertTrue(none.getMessage().startsWith("No target images: mode pairs needs a target"), none.getMessage());
		final TrainDenoiserSettings noisy = new TrainDenoiserSettings();
		noisy.mode = "noisy";
		final BadInputException extra = assertThrows(BadInputException.class, () -> Autoencoders.trainDenoiser(List.of(
			image("a.tif", 64, 64, 1)), List.of(image("b.tif", 64, 64, 1)), noisy, model(), null, null));
		assertTrue(extra.getMessage().startsWith("Target images were given but the mode is 'noisy'"), extra.getMessage());
	}

	@Test
	public void foldersPairByNameAndNameTheFileWithoutPartner() {
		final File in = new File(dir, "in"), target = new File(dir, "target");
		in.mkdirs();
		target.mkdirs();
		for (final String name : new String[] { "a.tif", "b.tif", "c.tif" })
			IJ.saveAsTiff(image(name, 32, 32, 1), new File(in, name).getPath());
		for (final String name : new String[] { "a.tif", "c.tif" })
			IJ.saveAsTiff(image(name, 32, 32, 2), new File(target, name).getPath());
		final BadInputException e = assertThrows(BadInputException.class, () -> ImagePairs.match(in, target));
		assertEquals("Input image " + new File(in, "b.tif") + " has no target: " + target + " has no file named b.tif " +
			"(3 inputs, 2 targets). Give two folders with matching file names, one target per input.", e.getMessage());
		IJ.saveAsTiff(image("b.tif", 32, 32, 2), new File(target, "b.tif").getPath());
		IJ.saveAsTiff(image("d.tif", 32, 32, 2), new File(target, "d.tif").getPath());
		final BadInputException t = assertThrows(BadInputException.class, () -> ImagePairs.match(in, target));
		assertTrue(t.getMessage().startsWith("Target image " + new File(target, "d.tif") + " has no input"), t
			.getMessage());
		new File(target, "d.tif").delete();
		final ImagePairs.Files ok = ImagePairs.match(in, target);
		assertEquals(List.of(new File(in, "a.tif"), new File(in, "b.tif"), new File(in, "c.tif")), ok.inputs);
		assertEquals(List.of(new File(target, "a.tif"), new File(target, "b.tif"), new File(target, "c.tif")), ok.targets);
	}

	/** The CLI: a size mismatch in folders of pairs is exit status 2 with the message naming the file. */
	@Test
	public void cliPairsAndNoise2Void() throws Exception {
		final File in = new File(dir, "in"), target = new File(dir, "target"), noisy = new File(dir, "noisy");
		in.mkdirs();
		target.mkdirs();
		noisy.mkdirs();
		for (final String name : new String[] { "a.tif", "b.tif" }) {
			final Plane clean = TestImages.blobs(64, 64, name.charAt(0));
			final Plane n = clean.copy();
			sc.fiji.autoencoders.noise.NoiseModels.parse("gaussian:25").apply(n.pixels(), 255, new java.util.Random(1));
			IJ.saveAsTiff(ImagePlanes.toImagePlus(name, List.of(n), 1, 1, 1), new File(in, name).getPath());
			IJ.saveAsTiff(ImagePlanes.toImagePlus(name, List.of(n), 1, 1, 1), new File(noisy, name).getPath());
			IJ.saveAsTiff(ImagePlanes.toImagePlus(name, List.of(name.equals("b.tif") ? clean.crop(0, 0, 64, 48) : clean),
				1, 1, 1), new File(target, name).getPath());
		}
		final String[] quick = { "--epochs", "1", "--steps-per-epoch", "2", "--patch", "16", "--batch", "2", "--depth",
			"1", "--filters", "4", "--warmup", "0", "--threads", "1" };
		final Run bad = cli(concat(new String[] { "train-denoiser", "--input", in.getPath(), "--target", target.getPath(),
			"--out", model().getPath() }, quick));
		assertEquals(2, bad.status, bad.err);
		assertTrue(bad.err.contains("Input image 'b.tif' is 64x64 but its target 'b.tif' is 64x48"), bad.err);
		IJ.saveAsTiff(ImagePlanes.toImagePlus("b.tif", List.of(TestImages.blobs(64, 64, 'b')), 1, 1, 1), new File(target,
			"b.tif").getPath());
		final Run ok = cli(concat(new String[] { "train-denoiser", "--input", in.getPath(), "--target", target.getPath(),
			"--out", model().getPath() }, quick));
		assertEquals(0, ok.status, ok.err);
		assertEquals(TrainingMode.PAIRS, ModelFile.load(model()).mode);
		final File n2v = new File(dir, "n2v.aemodel");
		final Run n = cli(concat(new String[] { "train-denoiser", "--noisy", noisy.getPath(), "--structn2v", "x", "--out",
			n2v.getPath() }, quick));
		assertEquals(0, n.status, n.err);
		assertTrue(n.out.contains("Noise2Void") && n.out.contains("masked validation loss"), n.out);
		final AutoencoderModel m = ModelFile.load(n2v);
		assertEquals(TrainingMode.NOISY, m.mode);
		assertTrue(ModelDescription.describe(m).contains("structN2V line of 5 pixels along x"), ModelDescription.describe(
			m));
		final Run info = cli(new String[] { "info", "--model", n2v.getPath() });
		assertTrue(info.out.contains("Noise2Void") && info.out.contains("masking"), info.out);
		final Run both = cli(concat(new String[] { "train-denoiser", "--noisy", noisy.getPath(), "--clean", noisy
			.getPath(), "--out", n2v.getPath() }, quick));
		assertEquals(2, both.status);
		assertTrue(both.err.contains("Give one kind of training images"), both.err);
	}

	private static final class Run {

		int status;
		String out, err;
	}

	private static Run cli(final String[] args) throws Exception {
		final PrintStream o = System.out, e = System.err;
		final ByteArrayOutputStream bo = new ByteArrayOutputStream(), be = new ByteArrayOutputStream();
		final Run r = new Run();
		try {
			System.setOut(new PrintStream(bo, true, "UTF-8"));
			System.setErr(new PrintStream(be, true, "UTF-8"));
			r.status = sc.fiji.autoencoders.cli.Main.run(args);
		}
		finally {
			System.setOut(o);
			System.setErr(e);
		}
		r.out = bo.toString("UTF-8");
		r.err = be.toString("UTF-8");
		return r;
	}

	private static String[] concat(final String[] a, final String[] b) {
		final String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, c, a.length, b.length);
		return c;
	}
}
