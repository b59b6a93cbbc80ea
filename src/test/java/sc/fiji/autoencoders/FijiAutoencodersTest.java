package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.codes.CodeModels;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.base.BadInputException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;

/**
 * The script facade's feature-autoencoder methods on 200 Fashion-MNIST test images: training with settings by macro
 * key, latent arithmetic (B = C reconstructs A) and the latent-space plot's points (the codes asked for).
 */
public class FijiAutoencodersTest {

	@TempDir
	static File dir;
	static File model;
	static ImagePlus images;

	@BeforeAll
	static void train() {
		final ImagePlus all = ImageFiles.open(new File("test-images/fashion-mnist-test-500.tif"));
		final ImageStack stack = new ImageStack(all.getWidth(), all.getHeight());
		for (int i = 1; i <= 200; i++)
			stack.addSlice("class" + (i % 2), all.getStack().getProcessor(i));
		images = new ImagePlus("fm", stack);
		model = new File(dir, "features.aemodel");
		final String summary = FijiAutoencoders.trainAutoencoder(images, model, Map.of("code", 4, "regularizer",
			"contractive", "weight", 0.1, "filters", 4, "epochs", 2, "minutes", 0));
		assertTrue(summary.startsWith("autoencoder"), summary);
	}

	@Test
	public void trainsWithTheSettingsGiven() {
		final var m = ModelFile.load(model);
		assertEquals(4, m.vae.latent());
		assertEquals("contractive", String.valueOf(m.vae.regularizer()));
		assertEquals(2, m.history.size());
		final String unknown = assertThrows(BadInputException.class, () -> FijiAutoencoders.trainAutoencoder(images,
			model, Map.of("latent", 4))).getMessage();
		assertTrue(unknown.startsWith("Unknown setting 'latent': use one of [images, model, ") && unknown.contains(
			"code, regularizer, weight"), unknown);
	}

	@Test
	public void arithmeticWithTheSameSetAddedAndSubtractedReconstructs() {
		final ImagePlus a = new ImagePlus("a", images.getStack().getProcessor(1));
		final ImageStack b = new ImageStack(28, 28), c = new ImageStack(28, 28);
		for (int i = 2; i <= 40; i++)
			(i % 2 == 0 ? b : c).addSlice(images.getStack().getProcessor(i));
		final ImagePlus bb = new ImagePlus("b", b), cc = new ImagePlus("c", c);
		final float[] same = pixels(FijiAutoencoders.arithmetic(a, bb, bb, model, Map.of()));
		final float[] reconstruction = pixels(FijiAutoencoders.arithmetic(a, bb, cc, model, Map.of("strength", 0)));
		assertArrayEquals(reconstruction, same, 1e-3f, "B = C: the decoding of A");
		final float[] changed = pixels(FijiAutoencoders.arithmetic(a, bb, cc, model, Map.of("strength", 3)));
		double diff = 0;
		for (int k = 0; k < changed.length; k++)
			diff += Math.abs(changed[k] - reconstruction[k]);
		assertTrue(diff / changed.length > 0.5, "B != C moves A: mean change " + diff / changed.length);
	}

	@Test
	public void latentPlotGivesTheCodesAndClasses() {
		final ResultsTable points = FijiAutoencoders.latentPlot(images, model, Map.of("axes", "dims", "dim_x", 2,
			"dim_y", 0));
		final ResultsTable codes = CodeModels.encode(images, model);
		assertEquals(200, points.size());
		assertArrayEquals(codes.getColumn("code_2"), points.getColumn("code 2"), 1e-4);
		assertArrayEquals(codes.getColumn("code_0"), points.getColumn("code 0"), 1e-4);
		assertEquals("class1", points.getStringValue("label", 0));
		final LatentScatter back = LatentScatter.of(points);
		assertEquals("code 2", back.xLabel());
		assertEquals(List.of("class1", "class0"), List.copyOf(back.classes().keySet()));
		final ResultsTable pca = FijiAutoencoders.latentPlot(images, model, Map.of("labels", "none"));
		assertTrue(pca.columnExists("PC 1") && pca.columnExists("PC 2") && !pca.columnExists("label"));
		double mean = 0;
		for (final double v : pca.getColumn("PC 1"))
			mean += v / 200;
		assertEquals(0, mean, 1e-3, "principal components of centred codes");
	}

	private static float[] pixels(final ImagePlus imp) {
		final List<Plane> planes = ImagePlanes.planes(imp);
		assertEquals(1, planes.size());
		return planes.get(0).pixels();
	}
}
