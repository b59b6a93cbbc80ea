package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import sc.fiji.autoencoders.io.ImageFiles;

/**
 * {@code fiji-ae export} end to end: train a denoiser, export it, then denoise through the zip: the same pixels as
 * through the model file; {@code info} reads the zip too. Bad input exits with status 2 and one line naming the fix.
 */
public class ExportCliTest {

	@TempDir
	File dir;

	@Test
	public void exportThenDenoiseThroughTheZipGivesTheModelsPixels() {
		final File model = new File(dir, "d.aemodel"), zip = new File(dir, "d.zip");
		Object[] r = MainTest.cli("train-denoiser", "--noisy", "test-images/denoise-test.png", "--out", model.getPath(),
			"--epochs", "1", "--steps-per-epoch", "5", "--patch", "32", "--batch", "4", "--depth", "2", "--filters", "8",
			"--minutes", "0", "--seed", "1");
		assertEquals(0, r[0], r[2].toString());
		r = MainTest.cli("export", "--model", model.getPath(), "--output", zip.getPath(), "--sample",
			"test-images/denoise-test.png", "--authors", "Ada Lovelace, Alan Turing", "--tags", "natural-images");
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("Wrote " + zip), r[1].toString());
		assertTrue(zip.isFile());

		r = MainTest.cli("denoise", "--model", model.getPath(), "--input", "test-images/denoise-test.png", "--output",
			new File(dir, "via-model").getPath());
		assertEquals(0, r[0], r[2].toString());
		r = MainTest.cli("denoise", "--model", zip.getPath(), "--input", "test-images/denoise-test.png", "--output",
			new File(dir, "via-zip").getPath());
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus a = ImageFiles.open(new File(dir, "via-model/denoise-test.tif"));
		final ImagePlus b = ImageFiles.open(new File(dir, "via-zip/denoise-test.tif"));
		assertArrayEquals((float[]) a.getProcessor().getPixels(), (float[]) b.getProcessor().getPixels());

		// the scripting entry point writes the same kind of package
		final File scripted = sc.fiji.autoencoders.FijiAutoencoders.export(java.util.Map.of("model", model.getPath(),
			"output", new File(dir, "scripted.zip").getPath(), "authors", "Ada Lovelace"));
		assertEquals(sc.fiji.autoencoders.io.ModelFile.load(model).network, sc.fiji.autoencoders.io.ModelFile.load(
			scripted).network);

		r = MainTest.cli("info", "--model", zip.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("mode:") && r[1].toString().contains("noisy"), r[1].toString());
	}

	@Test
	public void badInputNamesTheFix() {
		Object[] r = MainTest.cli("export", "--output", new File(dir, "x.zip").getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("No model file given") && r[2].toString().contains("--model"), r[2]
			.toString());
		r = MainTest.cli("export", "--model", "test-images/denoise-test.png", "--output", new File(dir, "x.zip")
			.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("not a Fiji Autoencoders model") || r[2].toString().contains("damaged"), r[2]
			.toString());
		r = MainTest.cli("export", "--model", "src/test/resources/fixtures/vae-v1.aemodel", "--output", new File(dir,
			"v.zip").getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("variational autoencoder") && r[2].toString().contains("not supported"), r[2]
			.toString());
		r = MainTest.cli("export", "--model", "src/test/resources/fixtures/denoiser-v1.aemodel", "--output", new File(
			dir, "l.zip").getPath(), "--license", "my own");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("SPDX"), r[2].toString());
		assertFalse(new File(dir, "v.zip").exists() || new File(dir, "l.zip").exists());
	}
}
