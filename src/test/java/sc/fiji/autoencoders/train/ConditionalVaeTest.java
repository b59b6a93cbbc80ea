package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.op.codes.CodeModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.codes.GenerateSettings;
import sc.fiji.autoencoders.op.codes.InterpolateSettings;
import sc.fiji.autoencoders.op.codes.TrainVaeSettings;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Vae;

/**
 * A class-conditional VAE trained for seconds on two classes of 16x16 images, "top" (bright upper half) and "bottom"
 * (bright lower half), through the facade with the classes in the slice labels: it generates images of the class
 * asked for (training images differ by about 166 grey levels between their halves; an unconditional VAE's samples
 * average about 0).
 */
public class ConditionalVaeTest {

	@TempDir
	static File dir;
	static File model;
	static ImageStack stack;

	@BeforeAll
	static void train() {
		final Random rng = new Random(2);
		stack = new ImageStack(16, 16);
		for (int i = 0; i < 600; i++) {
			final boolean top = i % 2 == 0;
			final float[] px = new float[256];
			for (int k = 0; k < 256; k++) {
				final boolean upper = k < 128;
				px[k] = (float) (upper == top ? 0.6 + 0.4 * rng.nextDouble() : 0.3 * rng.nextDouble()) * 255;
			}
			stack.addSlice(top ? "top" : "bottom", new ij.process.FloatProcessor(16, 16, px));
		}
		final TrainVaeSettings s = new TrainVaeSettings();
		s.latent = 4;
		s.filters = 8;
		s.epochs = 8;
		s.batchSize = 32;
		s.minutes = 0;
		s.seed = 3;
		s.labels = "slices";
		model = new File(dir, "cvae.aemodel");
		CodeModels.trainVae(List.of(new ImagePlus("halves", stack)), s, model, null, null);
	}

	@Test
	public void generatesTheClassAskedFor() {
		final AutoencoderModel m = ModelFile.load(model);
		assertEquals(List.of("bottom", "top"), m.vae.classes(), "classes stored, sorted");
		for (final String c : new String[] { "top", "bottom" }) {
			final GenerateSettings g = new GenerateSettings();
			g.count = 20;
			g.label = c;
			final ImagePlus samples = CodeModels.generate(model, g);
			assertEquals(c, samples.getStack().getSliceLabel(1), "generated images keep their class");
			double upper = 0, lower = 0;
			for (final Plane p : ImagePlanes.planes(samples))
				for (int k = 0; k < 256; k++)
					if (k < 128) upper += p.pixels()[k];
					else lower += p.pixels()[k];
			final double difference = (upper - lower) / (128 * 20);
			if (c.equals("top")) assertTrue(difference > 25, c + ": upper minus lower half " + difference);
			else assertTrue(difference < -25, c + ": upper minus lower half " + difference);
		}
	}

	/**
	 * Between classes: the ends are the reconstructions of A and B in their own classes (taken from the slice labels),
	 * and the strip moves from a bright upper half to a bright lower one.
	 */
	@Test
	public void interpolatesBetweenClasses() {
		final ImagePlus halves = new ImagePlus("halves", stack);
		final InterpolateSettings s = new InterpolateSettings();
		s.steps = 5;
		final ImagePlus strip = CodeModels.interpolate(halves, 1, halves, 2, model, s); // slice 1 top, slice 2 bottom
		assertEquals(5, strip.getStackSize());
		assertEquals("top", strip.getStack().getSliceLabel(1));
		assertEquals("bottom", strip.getStack().getSliceLabel(5));
		final List<Plane> planes = ImagePlanes.planes(strip);
		try (Vae vae = new Vae(ModelFile.load(model))) {
			final List<Plane> ends = vae.reconstruct(ImagePlanes.planes(halves).subList(0, 2), List.of("top", "bottom"));
			assertEquals(0, maxDifference(ends.get(0), planes.get(0)), 0.01, "first image: A decoded as top");
			assertEquals(0, maxDifference(ends.get(1), planes.get(4)), 0.01, "last image: B decoded as bottom");
			final List<Plane> wrong = vae.reconstruct(ImagePlanes.planes(halves).subList(0, 1), List.of("bottom"));
			assertTrue(maxDifference(wrong.get(0), planes.get(0)) > 50, "the condition matters: A decoded as bottom " +
				"differs from the first image by " + maxDifference(wrong.get(0), planes.get(0)));
		}
		assertTrue(upperMinusLower(planes.get(0)) > 25, "A, top: " + upperMinusLower(planes.get(0)));
		assertTrue(upperMinusLower(planes.get(4)) < -25, "B, bottom: " + upperMinusLower(planes.get(4)));
	}

	/**
	 * The condition moves with the code: from A to A itself, given as top then as bottom, the code stays and only the
	 * one-hot condition moves, yet the strip moves towards bottom, step by step.
	 */
	@Test
	public void theConditionMovesBetweenClasses() {
		final ImagePlus halves = new ImagePlus("halves", stack);
		final InterpolateSettings s = new InterpolateSettings();
		s.steps = 5;
		s.fromLabel = "top";
		s.toLabel = "bottom";
		final List<Plane> planes = ImagePlanes.planes(CodeModels.interpolate(halves, 1, halves, 1, model, s));
		final double[] d = planes.stream().mapToDouble(ConditionalVaeTest::upperMinusLower).toArray();
		// the code of A still says "top" (measured 128 -> 61 grey levels), but the condition alone moves it 67 levels
		assertTrue(d[0] > 25 && d[0] - d[4] > 40, "top to bottom: " + java.util.Arrays.toString(d));
		for (int i = 1; i < d.length; i++)
			assertTrue(d[i] < d[i - 1], "each step more bottom than the one before: " + java.util.Arrays.toString(d));
	}

	/** Within a class: two top images (both labels top) give a strip of top images. */
	@Test
	public void interpolatesWithinAClass() {
		final ImagePlus halves = new ImagePlus("halves", stack);
		final InterpolateSettings s = new InterpolateSettings();
		s.steps = 6;
		final ImagePlus strip = CodeModels.interpolate(halves, 1, halves, 3, model, s);
		assertTrue(strip.getTitle().endsWith("(top)"), strip.getTitle());
		for (final Plane p : ImagePlanes.planes(strip))
			assertTrue(upperMinusLower(p) > 25, "within top: " + upperMinusLower(p));
	}

	/** Encoding and anomaly scores are given each image's class: the right class reconstructs better than the wrong one. */
	@Test
	public void encodesAndScoresGivenEachClass() {
		final ImageStack first = new ImageStack(16, 16), swapped = new ImageStack(16, 16);
		for (int i = 1; i <= 40; i++) {
			first.addSlice(stack.getSliceLabel(i), stack.getProcessor(i));
			swapped.addSlice(stack.getSliceLabel(i).equals("top") ? "bottom" : "top", stack.getProcessor(i));
		}
		final ij.measure.ResultsTable codes = CodeModels.encode(List.of(new ImagePlus("first", first)), model,
			new sc.fiji.autoencoders.op.codes.EncodeSettings());
		assertEquals(40, codes.size());
		assertEquals("top", codes.getStringValue("label", 0));
		assertTrue(Double.isFinite(codes.getValue("mu_3", 39)));
		final double right = java.util.Arrays.stream(CodeModels.anomaly(new ImagePlus("first", first), model).scores()
			.getColumn("negative_elbo_nats")).average().getAsDouble();
		final double wrong = java.util.Arrays.stream(CodeModels.anomaly(new ImagePlus("swapped", swapped), model)
			.scores().getColumn("negative_elbo_nats")).average().getAsDouble();
		assertTrue(right < wrong, "negative ELBO given the right classes " + right + ", the wrong ones " + wrong);
		final ImagePlus unlabelled = new ImagePlus("x", new ij.process.FloatProcessor(16, 16));
		final String anomaly = assertThrows(BadInputException.class, () -> CodeModels.anomaly(unlabelled, model))
			.getMessage();
		assertTrue(anomaly.startsWith("Scoring with a class-conditional VAE needs the class of each image, but slice 1 " +
			"of 'x' has no label"), anomaly);
	}

	@Test
	public void missingOrUnknownClassesAreNamed() {
		final GenerateSettings g = new GenerateSettings();
		final String none = assertThrows(BadInputException.class, () -> CodeModels.generate(model, g)).getMessage();
		assertTrue(none.startsWith("No class given: this class-conditional VAE generates images of the classes " +
			"[bottom, top]"), none);
		g.label = "left";
		final String unknown = assertThrows(BadInputException.class, () -> CodeModels.generate(model, g)).getMessage();
		assertTrue(unknown.startsWith("Unknown class 'left'"), unknown);
		final String encode = assertThrows(BadInputException.class, () -> CodeModels.encode(new ImagePlus("x",
			new ij.process.FloatProcessor(16, 16)), model)).getMessage();
		assertTrue(encode.contains("class-conditional VAE needs the class of each image"), encode);
		final String walk = assertThrows(BadInputException.class, () -> CodeModels.walk(model, 0, 1, 2, 3))
			.getMessage();
		assertEquals("No class given: this class-conditional VAE walks images of the classes [bottom, top]; choose one " +
			"(label).", walk);
		final ImagePlus labelled = new ImagePlus("halves", stack);
		final String arithmetic = assertThrows(BadInputException.class, () -> CodeModels.arithmetic(labelled,
			labelled, new ImagePlus("x", new ij.process.FloatProcessor(16, 16)), model,
			new sc.fiji.autoencoders.op.codes.LatentArithmeticSettings())).getMessage();
		assertTrue(arithmetic.startsWith("Latent arithmetic with a class-conditional VAE needs the class of each image, " +
			"but slice 1 of 'x' has no label"), arithmetic);
		final ImagePlus unlabelled = new ImagePlus("x", new ij.process.FloatProcessor(16, 16));
		final InterpolateSettings s = new InterpolateSettings();
		final String interpolate = assertThrows(BadInputException.class, () -> CodeModels.interpolate(unlabelled, 1,
			unlabelled, 1, model, s)).getMessage();
		assertEquals("This class-conditional VAE needs the class of slice 1 of 'x' (it has no slice label): give " +
			"from_label, one of [bottom, top] (--from-label on the command line).", interpolate);
		s.fromLabel = "top";
		s.toLabel = "left";
		final String unknownEnd = assertThrows(BadInputException.class, () -> CodeModels.interpolate(unlabelled, 1,
			unlabelled, 1, model, s)).getMessage();
		assertTrue(unknownEnd.startsWith("Unknown class 'left'"), unknownEnd);
	}

	/**
	 * A walk on a conditional model draws the grid in the class asked for: the same codes decoded as top and as bottom
	 * differ, image by image, in the direction of the class.
	 */
	@Test
	public void walksInTheClassAskedFor() {
		final double[] top = walkHalves("top"), bottom = walkHalves("bottom");
		for (int i = 0; i < 9; i++)
			assertTrue(top[i] - bottom[i] > 25, "image " + i + ": top walk " + top[i] + ", bottom walk " + bottom[i]);
		assertTrue(java.util.Arrays.stream(top).average().getAsDouble() > 25, java.util.Arrays.toString(top));
		assertTrue(java.util.Arrays.stream(bottom).average().getAsDouble() < -25, java.util.Arrays.toString(bottom));
	}

	/** Upper minus lower half of each image of a 3x3 walk of class c (dimensions 0 and 1, range 2). */
	private static double[] walkHalves(final String c) {
		final ImagePlus grid = CodeModels.walk(model, 0, 1, 2, 3, c);
		assertEquals(3 * 16, grid.getWidth());
		assertTrue(grid.getTitle().endsWith("(" + c + ")"), grid.getTitle());
		final float[] px = (float[]) grid.getProcessor().convertToFloatProcessor().getPixels();
		final double[] d = new double[9];
		for (int i = 0; i < 9; i++) {
			final float[] tile = new float[256];
			for (int y = 0; y < 16; y++)
				for (int x = 0; x < 16; x++)
					tile[y * 16 + x] = px[(i / 3 * 16 + y) * 48 + i % 3 * 16 + x];
			d[i] = upperMinusLower(new Plane(16, 16, tile));
		}
		return d;
	}

	/**
	 * Latent arithmetic on a conditional model: every image is encoded in its class (slice labels) and decoded in the
	 * class of its A. With B = C it is the reconstruction of A; adding (mean code of tops - mean code of bottoms) moves
	 * every A towards top, and the changed codes are decoded in A's class, not in the other one.
	 */
	@Test
	public void arithmeticEncodesAndDecodesInTheClassOfEachImage() {
		final ImageStack a = new ImageStack(16, 16), tops = new ImageStack(16, 16), bottoms = new ImageStack(16, 16);
		for (int i = 1; i <= 20; i++)
			(i <= 4 ? a : stack.getSliceLabel(i).equals("top") ? tops : bottoms).addSlice(stack.getSliceLabel(i), stack
				.getProcessor(i));
		final ImagePlus imageA = new ImagePlus("A", a), b = new ImagePlus("B", tops), c = new ImagePlus("C", bottoms);
		final sc.fiji.autoencoders.op.codes.LatentArithmeticSettings s = new sc.fiji.autoencoders.op.codes.LatentArithmeticSettings();
		final List<Plane> same = ImagePlanes.planes(CodeModels.arithmetic(imageA, b, b, model, s));
		final List<Plane> moved = ImagePlanes.planes(CodeModels.arithmetic(imageA, b, c, model, s));
		final List<String> classes = List.of("top", "bottom", "top", "bottom");
		try (Vae vae = new Vae(ModelFile.load(model))) {
			final List<Plane> reconstructed = vae.reconstruct(ImagePlanes.planes(imageA), classes);
			final List<Plane> direct = vae.arithmetic(ImagePlanes.planes(imageA), classes, ImagePlanes.planes(b), Collections
				.nCopies(tops.getSize(), "top"), ImagePlanes.planes(c), Collections.nCopies(bottoms.getSize(), "bottom"), 1);
			final List<Plane> swapped = vae.arithmetic(ImagePlanes.planes(imageA), List.of("bottom", "top", "bottom",
				"top"), ImagePlanes.planes(b), Collections.nCopies(tops.getSize(), "top"), ImagePlanes.planes(c), Collections
					.nCopies(bottoms.getSize(), "bottom"), 1);
			for (int i = 0; i < 4; i++) {
				assertEquals(0, maxDifference(reconstructed.get(i), same.get(i)), 0.01, "B = C: A reconstructed, " + i);
				assertTrue(upperMinusLower(moved.get(i)) > upperMinusLower(reconstructed.get(i)) + 10, "image " + i +
					" moves towards top: " + upperMinusLower(reconstructed.get(i)) + " -> " + upperMinusLower(moved.get(i)));
				assertEquals(0, maxDifference(direct.get(i), moved.get(i)), 0.01, "the facade takes the slice labels, " + i);
				assertTrue(maxDifference(swapped.get(i), moved.get(i)) > 50, "A's own class, not the other, " + i);
			}
		}
	}

	private static double upperMinusLower(final Plane p) {
		double upper = 0, lower = 0;
		for (int k = 0; k < 256; k++)
			if (k < 128) upper += p.pixels()[k];
			else lower += p.pixels()[k];
		return (upper - lower) / 128;
	}

	private static double maxDifference(final Plane a, final Plane b) {
		double max = 0;
		for (int k = 0; k < a.pixels().length; k++)
			max = Math.max(max, Math.abs(a.pixels()[k] - b.pixels()[k]));
		return max;
	}
}
