package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.autoencoders.cli.MainTest.cli;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import sc.fiji.autoencoders.io.ImageFiles;

/** The VAE subcommands end to end on the Fashion-MNIST subset in test-images/. */
public class MainVaeTest {

	@TempDir
	File dir;

	@Test
	public void trainGenerateInterpolateWalkEncodeAnomalyEvaluate() throws Exception {
		final String stack = "test-images/fashion-mnist-test-500.tif";
		final File model = new File(dir, "v.aemodel");
		Object[] r = cli("train-vae", "--images", stack, "--out", model.getPath(), "--latent", "4", "--filters", "8",
			"--epochs", "2", "--seed", "1");
		assertEquals(0, r[0], r[2].toString());
		assertTrue(model.isFile());

		final File samples = new File(dir, "s.tif");
		r = cli("generate", "--model", model.getPath(), "--count", "5", "--seed", "3", "--output", samples.getPath());
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus s = ImageFiles.open(samples);
		assertEquals(5, s.getStackSize());
		assertEquals(28, s.getWidth());

		final File strip = new File(dir, "i.tif");
		r = cli("interpolate", "--model", model.getPath(), "--from", stack + ":1", "--to", stack + ":2", "--steps", "6",
			"--output", strip.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(6, ImageFiles.open(strip).getStackSize());

		final File walk = new File(dir, "w.png");
		r = cli("walk", "--model", model.getPath(), "--dims", "0,3", "--range", "2", "--grid", "3", "--output", walk
			.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(3 * 28, ImageFiles.open(walk).getWidth(), 3 * 2 + 2);

		final File csv = new File(dir, "z.csv");
		r = cli("encode", "--model", model.getPath(), "--input", stack, "--output", csv.getPath());
		assertEquals(0, r[0], r[2].toString());
		final List<String> lines = Files.readAllLines(csv.toPath());
		assertEquals(501, lines.size(), "a header and one row per image");
		final int columns = lines.get(0).split(",").length;
		assertTrue(columns >= 2 * 4, "mean and log-variance of 4 dimensions: " + lines.get(0));
		assertEquals(columns, lines.get(1).split(",").length);

		r = cli("anomaly", "--model", model.getPath(), "--input", stack, "--output", new File(dir, "a").getPath());
		assertEquals(0, r[0], r[2].toString());
		final List<String> anomaly = Files.readAllLines(new File(dir, "a/anomaly.csv").toPath());
		assertEquals("Label,image,mean_absolute_error,negative_elbo_nats", anomaly.get(0));
		assertEquals(501, anomaly.size(), "a header and one row per image");
		final String base = new File(stack).getName().replaceFirst("\\.[^.]*$", "");
		final ImagePlus maps = ImageFiles.open(new File(dir, "a/" + base + "-errors.tif"));
		assertEquals(500, maps.getStackSize(), "error maps shaped like the input");
		assertEquals(ImageFiles.open(new File(stack)).getWidth(), maps.getWidth());

		r = cli("evaluate", "--model", model.getPath(), "--images", stack);
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().matches("(?s).*negative ELBO: [0-9.]+ nats.*"), r[1].toString());

		r = cli("generate", "--model", model.getPath(), "--count", "0", "--output", samples.getPath());
		assertEquals(2, r[0], "bad count is bad input");
		r = cli("info", "--model", model.getPath());
		assertTrue(r[1].toString().contains("vae"), r[1].toString());
	}

	/** A class-conditional VAE (labels from a CSV): generate a class, interpolate between classes, encode. */
	@Test
	public void conditionalVaeInterpolatesBetweenClasses() throws Exception {
		final String stack = "test-images/fashion-mnist-test-500.tif";
		final StringBuilder labels = new StringBuilder("label\n");
		for (int i = 0; i < 500; i++)
			labels.append(i % 2 == 0 ? "even" : "odd").append('\n');
		final File labelsFile = new File(dir, "labels.csv");
		Files.write(labelsFile.toPath(), labels.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		final File model = new File(dir, "c.aemodel");
		Object[] r = cli("train-vae", "--images", stack, "--labels-file", labelsFile.getPath(), "--out", model.getPath(),
			"--latent", "4", "--filters", "8", "--epochs", "1", "--seed", "1");
		assertEquals(0, r[0], r[2].toString());

		final File samples = new File(dir, "s.tif");
		r = cli("generate", "--model", model.getPath(), "--count", "3", "--label", "odd", "--output", samples.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(3, ImageFiles.open(samples).getStackSize());

		final File strip = new File(dir, "i.tif");
		r = cli("interpolate", "--model", model.getPath(), "--from", stack + ":1", "--to", stack + ":2", "--from-label",
			"even", "--to-label", "odd", "--steps", "4", "--output", strip.getPath());
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus i = ImageFiles.open(strip);
		assertEquals(4, i.getStackSize());
		assertEquals("even", i.getStack().getSliceLabel(1).split("\n")[0]);
		assertEquals("odd", i.getStack().getSliceLabel(4).split("\n")[0]);
		r = cli("interpolate", "--model", model.getPath(), "--from", stack + ":1", "--to", stack + ":2", "--output",
			strip.getPath());
		assertEquals(2, r[0], "no class for a conditional model is bad input");
		assertTrue(r[2].toString().contains("give from_label, one of [even, odd] (--from-label on the command line)"),
			r[2].toString());

		final File csv = new File(dir, "z.csv");
		r = cli("encode", "--model", model.getPath(), "--input", stack, "--labels-file", labelsFile.getPath(), "--output",
			csv.getPath());
		assertEquals(0, r[0], r[2].toString());
		final List<String> lines = Files.readAllLines(csv.toPath());
		assertEquals(501, lines.size(), "a header and one row per image");
		assertTrue(lines.get(2).endsWith(",odd"), lines.get(2));
	}
}
