package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.PoissonGaussianNoiseModel;
import sc.fiji.autoencoders.train.DivNoisingTraining;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;

/**
 * A DivNoising model file written by the first version that had them (fixtures/divnoising-v1.aemodel) keeps loading,
 * with its network, spread scale and noise model, and its samples of the fixture's input under seed 1 are those that
 * version computed (fixtures/divnoising-v1-expected.tif: MMSE and spread of 8 samples). Run with
 * {@code -Ddivnoising.fixture.update=true} to write the fixture again (only when the format changes on purpose).
 */
public class DivNoisingFixtureTest {

	private static final File DIR = new File("src/test/resources/fixtures"), MODEL = new File(DIR,
		"divnoising-v1.aemodel"), INPUT = new File(DIR, "divnoising-v1-input.tif"), EXPECTED = new File(DIR,
			"divnoising-v1-expected.tif");

	@Test
	public void modelOfVersion1LoadsAndSamplesAsItDid() {
		if (Boolean.getBoolean("divnoising.fixture.update")) write();
		final AutoencoderModel m = ModelFile.load(MODEL, AutoencoderModel.DENOISER);
		assertEquals(DivNoisingSpec.METHOD, m.method);
		assertEquals(8, m.divNoising().filters());
		assertEquals(DivNoisingSpec.DEFAULT_LATENT, m.divNoising().latent());
		assertTrue(m.divNoising().spreadScale() > 0);
		assertEquals(Math.sqrt(2.5 * 50 + 25), m.noiseModel.model(0).std(50), 1e-6);
		assertTrue(ModelDescription.describe(m).contains("DivNoising"), ModelDescription.describe(m));
		final float[][] r = sample(m);
		final ImagePlus expected = ImageFiles.open(EXPECTED);
		assertArrayEquals((float[]) expected.getStack().getPixels(1), r[0], 1e-3f, "MMSE");
		assertArrayEquals((float[]) expected.getStack().getPixels(2), r[1], 1e-3f, "spread");
	}

	private static float[][] sample(final AutoencoderModel m) {
		final ImagePlus in = ImageFiles.open(INPUT);
		try (DivNoisingDenoiser d = new DivNoisingDenoiser(m, 1024, 1)) {
			final DivNoisingDenoiser.Result r = d.sample(ArrayImgs.floats((float[]) in.getProcessor().getPixels(), in
				.getWidth(), in.getHeight()), 8, 1, false, PredictionMonitor.NONE);
			return new float[][] { storage(r.mmse), storage(r.spread) };
		}
	}

	private static float[] storage(final net.imglib2.img.Img<FloatType> img) {
		return ((ArrayImg<FloatType, FloatArray>) img).update(null).getCurrentStorageArray();
	}

	/** Trains a small model for a few steps on noisy blobs and writes the fixture's three files. */
	private static void write() {
		final Random rng = new Random(1);
		final List<Plane> noisy = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			final float[] s = TestImages.blobs(48, 48, 40 + i).pixels(), x = new float[s.length];
			for (int j = 0; j < s.length; j++)
				x[j] = (float) (0.5 * s[j] + Math.sqrt(2.5 * 0.5 * s[j] + 25) * rng.nextGaussian());
			noisy.add(new Plane(48, 48, x));
		}
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 2;
		c.stepsPerEpoch = 10;
		c.batchSize = 4;
		c.patchSize = 32;
		c.validationPatches = 4;
		c.threads = 1;
		final AutoencoderModel m = new DivNoisingTraining(TrainingImages.planes(noisy), ChannelNoiseModels.of(
			new PoissonGaussianNoiseModel(2.5, 25, 0, 200)), new DivNoisingSpec(8, DivNoisingSpec.DEFAULT_LATENT, 1), c)
				.process();
		ModelFile.save(m, MODEL);
		IJ.saveAsTiff(new ImagePlus("input", new FloatProcessor(48, 48, noisy.get(0).pixels())), INPUT.getPath());
		final float[][] r = sample(m);
		final ij.ImageStack st = new ij.ImageStack(48, 48);
		st.addSlice("MMSE", new FloatProcessor(48, 48, r[0]));
		st.addSlice("spread", new FloatProcessor(48, 48, r[1]));
		IJ.saveAsTiff(new ImagePlus("expected", st), EXPECTED.getPath());
	}
}
