package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.GenerateSettings;
import sc.fiji.autoencoders.TrainVaeSettings;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;

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

	@BeforeAll
	static void train() {
		final Random rng = new Random(2);
		final ImageStack stack = new ImageStack(16, 16);
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
		Autoencoders.trainVae(List.of(new ImagePlus("halves", stack)), s, model, null, null);
	}

	@Test
	public void generatesTheClassAskedFor() {
		final AutoencoderModel m = ModelFile.load(model);
		assertEquals(List.of("bottom", "top"), m.vae.classes(), "classes stored, sorted");
		for (final String c : new String[] { "top", "bottom" }) {
			final GenerateSettings g = new GenerateSettings();
			g.count = 20;
			g.label = c;
			final ImagePlus samples = Autoencoders.generate(model, g);
			assertEquals(c, samples.getStack().getSliceLabel(1), "generated images keep their class");
			double upper = 0, lower = 0;
			for (final Plane p : ImageFiles.planes(samples))
				for (int k = 0; k < 256; k++)
					if (k < 128) upper += p.pixels()[k];
					else lower += p.pixels()[k];
			final double difference = (upper - lower) / (128 * 20);
			if (c.equals("top")) assertTrue(difference > 25, c + ": upper minus lower half " + difference);
			else assertTrue(difference < -25, c + ": upper minus lower half " + difference);
		}
	}

	@Test
	public void missingOrUnknownClassesAreNamed() {
		final GenerateSettings g = new GenerateSettings();
		final String none = assertThrows(BadInputException.class, () -> Autoencoders.generate(model, g)).getMessage();
		assertTrue(none.startsWith("No class given: this class-conditional VAE generates images of the classes " +
			"[bottom, top]"), none);
		g.label = "left";
		final String unknown = assertThrows(BadInputException.class, () -> Autoencoders.generate(model, g)).getMessage();
		assertTrue(unknown.startsWith("Unknown class 'left'"), unknown);
		final String encode = assertThrows(BadInputException.class, () -> Autoencoders.encode(new ImagePlus("x",
			new ij.process.FloatProcessor(16, 16)), model)).getMessage();
		assertTrue(encode.contains("class-conditional VAE needs the class of each image"), encode);
	}
}
