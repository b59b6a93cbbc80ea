package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.autoencoders.cli.MainTest.cli;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Regularizer;

/** train-autoencoder and the commands that work on its models, end to end on the Fashion-MNIST subset. */
public class MainAutoencoderTest {

	@TempDir
	File dir;

	@Test
	public void trainEncodeGenerateAnomalyInfo() throws Exception {
		final String stack = "test-images/fashion-mnist-test-500.tif";
		final File model = new File(dir, "c.aemodel");
		Object[] r = cli("train-autoencoder", "--images", stack, "--out", model.getPath(), "--code", "6",
			"--regularizer", "contractive", "--weight", "0.1", "--filters", "8", "--epochs", "1", "--seed", "1",
			"--corruption", "mask:0.25");
		assertEquals(0, r[0], r[2].toString());
		final AutoencoderModel m = ModelFile.load(model);
		assertTrue(m.trainingSettings.contains("\"corruption\":\"mask:0.25\""), m.trainingSettings);
		assertEquals(Regularizer.CONTRACTIVE, m.vae.regularizer());
		assertEquals(0.1f, m.vae.weight());
		assertEquals(6, m.codes.dimension(), "the Gaussian of the training codes is stored");

		final File csv = new File(dir, "codes.csv");
		r = cli("encode", "--model", model.getPath(), "--input", stack, "--output", csv.getPath());
		assertEquals(0, r[0], r[2].toString());
		final List<String> lines = Files.readAllLines(csv.toPath());
		assertEquals(501, lines.size(), "a header and one row per image");
		assertEquals("image,code_0,code_1,code_2,code_3,code_4,code_5", lines.get(0));
		assertEquals(7, lines.get(1).split(",").length);

		final File samples = new File(dir, "s.tif");
		r = cli("generate", "--model", model.getPath(), "--count", "3", "--output", samples.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(3, ImageFiles.open(samples).getStackSize());
		r = cli("generate", "--model", model.getPath(), "--count", "3", "--sampling", "prior", "--output", samples
			.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("has no prior"), r[2].toString());

		r = cli("anomaly", "--model", model.getPath(), "--input", stack, "--output", new File(dir, "a").getPath());
		assertEquals(0, r[0], r[2].toString());
		final List<String> anomaly = Files.readAllLines(new File(dir, "a/anomaly.csv").toPath());
		assertEquals(501, anomaly.size());
		assertTrue(Double.parseDouble(anomaly.get(1).split(",")[2]) > 0, anomaly.get(1));

		r = cli("info", "--model", model.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("autoencoder 28x28, code 6") && r[1].toString().contains("contractive") &&
			r[1].toString().contains("code fit"), r[1].toString());

		// labels from a CSV file: the label column comes last, beside the codes
		final StringBuilder labels = new StringBuilder("label\n");
		for (int i = 0; i < 500; i++)
			labels.append(i % 2 == 0 ? "even" : "odd").append('\n');
		final File labelsFile = new File(dir, "labels.csv");
		Files.write(labelsFile.toPath(), labels.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		r = cli("encode", "--model", model.getPath(), "--input", stack, "--labels-file", labelsFile.getPath(),
			"--output", csv.getPath());
		assertEquals(0, r[0], r[2].toString());
		final List<String> labelled = Files.readAllLines(csv.toPath());
		assertEquals("image,code_0,code_1,code_2,code_3,code_4,code_5,label", labelled.get(0));
		assertTrue(labelled.get(2).endsWith(",odd"), labelled.get(2));
		r = cli("latent-plot", "--model", model.getPath(), "--input", stack, "--labels-file", labelsFile.getPath(),
			"--output", new File(dir, "classes.png").getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("(2 classes)"), r[1].toString());

		final File same = new File(dir, "same.tif");
		r = cli("arithmetic", "--model", model.getPath(), "--image", stack, "--add", stack, "--subtract", stack,
			"--output", same.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertEquals(500, ImageFiles.open(same).getStackSize());

		final File png = new File(dir, "plot.png");
		r = cli("latent-plot", "--model", model.getPath(), "--input", stack, "--labels", "none", "--output", png
			.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(ImageFiles.open(png).getWidth() > 200, "a plot image");
		r = cli("latent-plot", "--model", model.getPath(), "--input", stack, "--labels", "slices", "--output", png
			.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Slice 1 of 'fashion-mnist-test-500.tif' has no label"), r[2].toString());
		r = cli("latent-plot", "--model", model.getPath(), "--input", stack, "--labels", "none", "--axes", "dims",
			"--dim-y", "6", "--output", png.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Code dimension 6 does not exist"), r[2].toString());

		r = cli("train-autoencoder", "--images", stack, "--out", model.getPath(), "--regularizer", "dense");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Unknown regularizer 'dense': use 'none', 'sparse', 'contractive' or " +
			"'linear'"), r[2].toString());
		r = cli("train-autoencoder", "--images", stack, "--out", model.getPath(), "--corruption", "blur:2");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Unknown corruption 'blur:2': use 'none', 'mask:F'"), r[2].toString());
	}
}
