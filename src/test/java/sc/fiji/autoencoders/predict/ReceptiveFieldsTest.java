package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestVolumes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * The effective receptive field of trained denoisers (the model file fixtures: a 3D and a 2D network), and tiles with
 * margins of it: tiled equals untiled within a small multiple of the radius' tolerance.
 */
public class ReceptiveFieldsTest {

	@TempDir
	File dir;

	/**
	 * How far tiled may differ from untiled, in units of the radius' tolerance (of the normalized data range). Each
	 * voxel beyond the radius changes an output by at most the tolerance when raised by the whole range; a tile's
	 * mirrored margin differs from the real context by less than the range, but over thousands of voxels, whose
	 * changes mostly cancel (their sum, to first order, is bounded only by 0.4 of the range at the benchmark model's
	 * radius: bench/ImpulseTail). Measured: 4.6 tolerances for the 3D fixture below, 0.07 for the 2D network, 22 and 23
	 * for the 3D benchmark's 8-minute model on its held-out stacks (bench/TilingError; docs/BENCHMARKS.md, Memory).
	 */
	private static final double TOLERANCES = 30;

	private static AutoencoderModel fixture(final String name) {
		return ModelFile.load(new File("src/test/resources/fixtures", name));
	}

	@Test
	public void threeDimensionalTiledWithTheMeasuredMarginsEqualsUntiled() {
		final AutoencoderModel model = fixture("denoiser3d-v1.aemodel");
		assertNull(model.receptiveField, "a file of an earlier version has none");
		assertEquals(Denoiser.receptiveRadius(model.networkSpec()), Denoiser.marginRadius(model), "and keeps the bound");
		assertEquals(Denoiser.receptiveRadiusZ(model.networkSpec()), Denoiser.marginRadiusZ(model));
		final ReceptiveField rf = ReceptiveFields.measure(model, ReceptiveField.DEFAULT_TOLERANCE, Long.MAX_VALUE, 2);
		assertNotNull(rf);
		final int bound = Denoiser.receptiveRadius(model.networkSpec()), boundZ = Denoiser.receptiveRadiusZ(model.networkSpec());
		assertTrue(rf.xy() > 0 && rf.xy() < bound, rf + ", bound " + bound);
		assertTrue(rf.z() > 0 && rf.z() <= boundZ, rf + ", bound " + boundZ);
		assertEquals(ReceptiveField.DEFAULT_TOLERANCE, rf.tolerance());
		assertTrue(ReceptiveFields.measure(model, 1e-4, 1000, 2) == null, "no measurement beyond the budget");

		// noisy blobs as the model was trained on, in its intensity units
		final int w = 61, h = 47, z = 21;
		final float[] v = TestVolumes.voxels(TestVolumes.blobs(w, h, z, 3));
		final Random r = new Random(2);
		for (int i = 0; i < v.length; i++)
			v[i] = v[i] + 20 * (float) r.nextGaussian();
		final double diff = tiledAgainstUntiled(model, rf, ArrayImgs.floats(v, w, h, z), 8);
		assertTrue(diff <= TOLERANCES * rf.tolerance(), "largest |tiled - untiled| " + diff + " of the data range");
	}

	@Test
	public void twoDimensionalTiledWithTheMeasuredMarginsEqualsUntiled() {
		// a small 2D network trained briefly on noisy blobs (the 2D fixture, trained 6 steps, hardly changes its input)
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 3;
		c.stepsPerEpoch = 25;
		c.batchSize = 8;
		c.patchSize = 32;
		c.validationPatches = 16;
		c.learningRate = 2e-3f;
		c.seed = 5;
		final AutoencoderModel model = DenoiserTrainer.clean(TrainingImages.planes(TestImages.blobStack(4, 64, 64, 1)),
			NoiseModels.parse("gaussian:25"), NetworkSpec.unet(2, 8), c).process();
		final ReceptiveField rf = ReceptiveFields.measure(model, ReceptiveField.DEFAULT_TOLERANCE, Long.MAX_VALUE, 2);
		assertNotNull(rf);
		assertEquals(0, rf.z());
		final int bound = Denoiser.receptiveRadius(model.networkSpec());
		assertTrue(rf.xy() > 0 && rf.xy() < bound, rf + ", bound " + bound);
		final float[] p = TestImages.blobs(173, 131, 4).pixels().clone();
		final Random r = new Random(3);
		for (int i = 0; i < p.length; i++)
			p[i] += 25 * (float) r.nextGaussian();
		final double diff = tiledAgainstUntiled(model, rf, ArrayImgs.floats(p, 173, 131), 16);
		assertTrue(diff <= TOLERANCES * rf.tolerance(), "largest |tiled - untiled| " + diff + " of the data range");
	}

	@Test
	public void theMeasuredFieldIsStoredAndReadBack() {
		final AutoencoderModel model = fixture("denoiser3d-v1.aemodel");
		model.receptiveField = new ReceptiveField(7, 3, 1e-4);
		final File f = new File(dir, "m.aemodel");
		ModelFile.save(model, f);
		final AutoencoderModel back = ModelFile.load(f);
		assertEquals(model.receptiveField, back.receptiveField);
		assertEquals(7, Denoiser.marginRadius(back));
		assertEquals(3, Denoiser.marginRadiusZ(back));
		// tiles carry the radius plus the blend (8), rounded up to the size multiple
		try (Denoiser d = new Denoiser(back, 64, 2)) {
			assertEquals(TiledPredictor.roundUp(7 + 8, back.networkSpec().sizeMultiple()), d.tiler().margin(0));
			assertEquals(TiledPredictor.roundUp(3 + 8, back.networkSpec().zSizeMultiple()), d.tiler().margin(2));
		}
	}

	/**
	 * The largest difference, in units of the normalized data range, between the model with the radius tiled in cores
	 * of at most {@code tile} a side and the model without it (margins of the bound) in one tile.
	 */
	private static double tiledAgainstUntiled(final AutoencoderModel model, final ReceptiveField rf,
		final Img<FloatType> in, final int tile)
	{
		model.receptiveField = null;
		final Img<FloatType> a, b;
		final int boundMargin;
		try (Denoiser untiled = new Denoiser(model, 4096, 2)) {
			assertEquals(1, untiled.workUnits(in.dimensionsAsLongArray()));
			boundMargin = untiled.tiler().margin(0);
			a = untiled.denoise(in, PredictionMonitor.NONE);
		}
		model.receptiveField = rf;
		try (Denoiser tiled = new Denoiser(model, tile, 2)) {
			assertTrue(tiled.workUnits(in.dimensionsAsLongArray()) >= 12, "many tiles");
			assertTrue(tiled.tiler().margin(0) < boundMargin, "margins below the bound's");
			b = tiled.denoise(in, PredictionMonitor.NONE);
		}
		final double range = model.normalization.high() - model.normalization.low();
		double max = 0, change = 0;
		final Cursor<FloatType> ca = a.localizingCursor();
		final RandomAccess<FloatType> rb = b.randomAccess(), ri = in.randomAccess();
		long n = 0;
		while (ca.hasNext()) {
			final float va = ca.next().get();
			max = Math.max(max, Math.abs(va - rb.setPositionAndGet(ca).get()) / range);
			change += Math.abs(va - ri.setPositionAndGet(ca).get()) / range;
			n++;
		}
		assertTrue(change / n > 0.01, "the model changes its input (mean " + change / n + " of the range)");
		return max;
	}
}
