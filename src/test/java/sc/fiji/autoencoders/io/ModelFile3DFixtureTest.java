package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.Layers;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * A 3D model written before 3D convolutions became TensorFlow's Conv3D (they were 2D convolutions over Z-shifted
 * planes, same [d, h, w, in, out] kernels) predicts what it predicted then. Fixtures, written by the jar of commit
 * 5272280 (bin/fiji-ae of that version): {@code denoiser3d-v1.aemodel} from {@code train-denoiser --dims 3 --depth 2
 * --filters 2 --max-filters 4 --patch 16 --patch-depth 8 --batch 2 --epochs 6 --steps-per-epoch 40 --learning-rate
 * 0.005 --schedule plateau --warmup 0 --seed 3 --precision float32 --noise poisson-gaussian:20,4} on two 32x32x16
 * stacks of bench/Volumes3D; {@code denoiser3d-v1-input.tif}, a 24x24x8 noisy crop of a held-out stack, and
 * {@code denoiser3d-v1-expected.tif}, what {@code denoise} of that version made of it.
 */
public class ModelFile3DFixtureTest {

	@Test
	public void threeDimensionalModelOfTheShiftedPlanesVersionPredictsTheSame() throws Exception {
		final AutoencoderModel m = ModelFile.load(fixture("denoiser3d-v1.aemodel"));
		assertEquals(3, m.networkSpec().dims());
		assertArrayEquals(new boolean[] { false, true }, m.networkSpec().zPooling());
		assertEquals(Layers.Conv3dOps.CONV3D, Layers.Conv3dOps.best(new FrozenParameters(null, m.weights)),
			"inference now runs TensorFlow's Conv3D");
		final float[] in = voxels(fixture("denoiser3d-v1-input.tif")), expected = voxels(fixture(
			"denoiser3d-v1-expected.tif"));
		final ArrayImg<FloatType, FloatArray> out = ArrayImgs.floats(24, 24, 8);
		try (Denoiser d = new Denoiser(m)) {
			d.denoise(ArrayImgs.floats(in, 24, 24, 8), out, PredictionMonitor.NONE);
		}
		final float[] now = out.update(null).getCurrentStorageArray();
		final double range = m.normalization.high() - m.normalization.low();
		double maxDiff = 0, change = 0;
		for (int i = 0; i < now.length; i++) {
			maxDiff = Math.max(maxDiff, Math.abs(now[i] - expected[i]));
			change += Math.abs(expected[i] - in[i]) / now.length;
		}
		assertTrue(change > 5, "the model changes its input (mean " + change + "), so the comparison means something");
		// 1e-5 of the network's data range (float32 rounding of sums in another order)
		assertTrue(maxDiff <= 1e-5 * range, "largest difference " + maxDiff + " (data range " + range + ")");
	}

	private static File fixture(final String name) {
		return new File("src/test/resources/fixtures", name);
	}

	/** The stack's voxels, X fastest, then Y, then Z. */
	private static float[] voxels(final File f) {
		final ImagePlus imp = IJ.openImage(f.getPath());
		final ImageStack s = imp.getStack();
		assertEquals(8, s.getSize(), f.getName());
		final int n = imp.getWidth() * imp.getHeight();
		final float[] v = new float[n * s.getSize()];
		for (int z = 0; z < s.getSize(); z++)
			System.arraycopy((float[]) s.getProcessor(z + 1).convertToFloat().getPixels(), 0, v, z * n, n);
		return v;
	}
}
