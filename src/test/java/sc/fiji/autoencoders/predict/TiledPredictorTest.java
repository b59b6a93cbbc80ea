package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks.OnFallback;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Dihedral;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;

public class TiledPredictorTest {

	private static AutoencoderModel model() {
		return sc.fiji.autoencoders.TestModels.denoiser(NetworkSpec.unet(2, 8), 3);
	}

	@Test
	public void tiledEqualsUntiled() {
		final Plane in = TestImages.blobs(301, 170, 5);
		try (Denoiser untiled = new Denoiser(model(), 4096, 0); Denoiser tiled = new Denoiser(model(), 64, 0)) {
			assertEquals(1, untiled.tiler().tileCount(301, 170));
			assertEquals(15, tiled.tiler().tileCount(301, 170));
			final Plane a = untiled.denoise(in, PredictionMonitor.NONE);
			final AtomicLong last = new AtomicLong();
			final Plane b = tiled.denoise(in, new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					last.set(done * 1000 + total);
				}
			});
			assertEquals(15015, last.get(), "progress reports every tile");
			double maxDiff = 0;
			for (int i = 0; i < a.pixels().length; i++)
				maxDiff = Math.max(maxDiff, Math.abs(a.pixels()[i] - b.pixels()[i]));
			// in image units (0-255): 1e-4 of the normalized range
			assertTrue(maxDiff < 255e-4, "max difference " + maxDiff);
		}
	}

	@Test
	public void cancellationStopsBetweenTiles() {
		final Plane in = TestImages.blobs(200, 200, 1);
		try (Denoiser d = new Denoiser(model(), 64, 0)) {
			final AtomicLong tiles = new AtomicLong();
			assertThrows(PredictionMonitor.CancelledException.class, () -> d.denoise(in, new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					tiles.set(done);
				}

				@Override
				public boolean isCancelled() {
					return tiles.get() >= 2;
				}
			}));
			assertEquals(2, tiles.get());
		}
	}

	/** The old hand-written mirror (without repeating the edge pixel) that the ImgLib2 extension must match. */
	static int mirror(int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		i = Math.floorMod(i, period);
		return i < n ? i : period - i;
	}

	@Test
	public void mirrorIndexing() {
		assertEquals(1, mirror(-1, 5));
		assertEquals(3, mirror(5, 5));
		assertEquals(0, mirror(8, 5));
		assertEquals(0, mirror(7, 1));
		// ImgLib2's mirror-single extension, as the tiler copies it, for every size and far beyond the border
		for (int n = 1; n <= 6; n++) {
			final float[] line = new float[n];
			for (int i = 0; i < n; i++)
				line[i] = i;
			final float[] got = new float[61];
			TiledPredictor.mirrored(ArrayImgs.floats(line, n), OnFallback.ACCEPT).copy(new long[] { -30 }, got,
				new int[] { 61 });
			for (int i = -30; i <= 30; i++)
				assertEquals(mirror(i, n), got[i + 30], 0f, "index " + i + " of " + n);
		}
		// and in 2D, with a 1-pixel-high plane
		final float[] row = { 0, 1, 2, 3 };
		final float[] got = new float[12 * 3];
		TiledPredictor.mirrored(ArrayImgs.floats(row, 4, 1), OnFallback.ACCEPT).copy(new long[] { -4, -1 }, got,
			new int[] { 12, 3 });
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 12; x++)
				assertEquals(mirror(x - 4, 4), got[y * 12 + x], 0f);
	}

	@Test
	public void tilesOfImageJLikeViewsAreCopiedByTheFastBlockCopier() {
		// an XYCZT 16-bit PlanarImg (as AxisImages.wrap makes it), one XY plane of it, normalized, flipped and turned
		final PlanarImg<UnsignedShortType, ?> img = PlanarImgs.unsignedShorts(37, 23, 2, 3, 2);
		RandomAccessibleInterval<UnsignedShortType> plane = Views.hyperSlice(Views.hyperSlice(Views.hyperSlice(img, 4,
			1), 3, 2), 2, 1);
		for (int k = 0; k < Dihedral.VIEWS; k++) {
			final RandomAccessibleInterval<FloatType> v = Converters.convert(Dihedral.view(plane, k), (a, b) -> b.set(a
				.getRealFloat() / 2), new FloatType());
			TiledPredictor.mirrored(v, OnFallback.FAIL).copy(new long[] { -40, -40 }, new float[200 * 200], new int[] {
				200, 200 });
		}
	}

	@Test
	public void nanPixelsStayNanAndDoNotSpread() {
		final Plane in = TestImages.blobs(64, 64, 2);
		in.set(10, 10, Float.NaN);
		try (Denoiser d = new Denoiser(model())) {
			final Plane out = d.denoise(in, PredictionMonitor.NONE);
			int nan = 0;
			for (final float v : out.pixels())
				if (Float.isNaN(v)) nan++;
			assertEquals(1, nan);
			assertTrue(Float.isNaN(out.get(10, 10)));
		}
	}
}
