package sc.fiji.autoencoders.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

public class DihedralTest {

	@Test
	public void eightDistinctViewsThatMapBack() {
		final Plane p = TestImages.blobs(7, 5, 1);
		final Img<FloatType> img = ArrayImgs.floats(p.pixels(), 7, 5);
		final Set<String> views = new HashSet<>();
		for (int k = 0; k < Dihedral.VIEWS; k++) {
			final RandomAccessibleInterval<FloatType> v = Dihedral.view(img, k);
			assertEquals(k % 2 == 0 ? 7 : 5, v.dimension(0), "quarter turns swap the sides");
			final Plane copy = plane(v);
			// the same pixels as the hand-written flips and turns this replaced
			assertEquals(reference(p, k), copy, "view " + k);
			views.add(java.util.Arrays.toString(copy.pixels()) + copy.width());
			final Plane back = plane(Dihedral.inverse(v, k));
			assertEquals(7, back.width());
			assertArrayEquals(p.pixels(), back.pixels(), 0f, "view " + k);
		}
		assertEquals(8, views.size());
	}

	@Test
	public void threeDimensionalBlocksTurnInXYAndWriteThrough() {
		final Img<FloatType> block = ArrayImgs.floats(4, 3, 2);
		int i = 0;
		for (final FloatType t : block)
			t.set(i++);
		final RandomAccessibleInterval<FloatType> turned = Dihedral.view(block, 1);
		assertArrayEquals(new long[] { 3, 4, 2 }, turned.dimensionsAsLongArray());
		final RandomAccess<FloatType> b = block.randomAccess(), v = turned.randomAccess();
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 3; y++)
				for (int x = 0; x < 4; x++)
					assertEquals(b.setPositionAndGet(x, y, z).get(), v.setPositionAndGet(3 - 1 - y, x, z).get());
		// writing to a view writes to the block: how the ensemble maps each prediction back
		v.setPositionAndGet(0, 0, 1).set(-1);
		assertEquals(-1, b.setPositionAndGet(0, 2, 1).get());
		assertEquals(4 * 3 * 2, Views.iterable(Dihedral.inverse(Dihedral.view(block, 6), 6)).size());
	}

	private static Plane plane(final RandomAccessibleInterval<FloatType> v) {
		final int w = (int) v.dimension(0), h = (int) v.dimension(1);
		final float[] px = new float[w * h];
		LoopBuilder.setImages(v, ArrayImgs.floats(px, w, h)).forEachPixel((a, b) -> b.set(a));
		return new Plane(w, h, px);
	}

	/** The former array implementation: a horizontal flip when k >= 4, then k % 4 clockwise quarter turns. */
	private static Plane reference(final Plane p, final int k) {
		Plane q = p.copy();
		if (k >= 4) {
			final float[] out = new float[q.pixels().length];
			for (int y = 0; y < q.height(); y++)
				for (int x = 0; x < q.width(); x++)
					out[y * q.width() + x] = q.get(q.width() - 1 - x, y);
			q = new Plane(q.width(), q.height(), out);
		}
		for (int r = 0; r < k % 4; r++) {
			final int w = q.width(), h = q.height();
			final float[] out = new float[w * h];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					out[x * h + (h - 1 - y)] = q.get(x, y);
			q = new Plane(h, w, out);
		}
		return q;
	}

	@Test
	public void ensembleOfAnEquivariantPredictionIsThePrediction() {
		// an untrained residual denoiser is the identity (zero-initialized output layer), which every view preserves
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(2, 8), 1);
		m.weights = sc.fiji.autoencoders.model.InitialWeights.of(m.networkSpec(), 1);
		final Plane in = TestImages.blobs(70, 52, 2);
		try (Denoiser d = new Denoiser(m, 1024, 1)) {
			final Plane once = d.denoise(in, PredictionMonitor.NONE);
			final Plane eight = d.setEnsemble(true).denoise(in, PredictionMonitor.NONE);
			assertArrayEquals(once.pixels(), eight.pixels(), 1e-3f);
			assertArrayEquals(in.pixels(), eight.pixels(), 1e-3f);
		}
	}
}
