package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.TestImages;
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

	@Test
	public void mirrorIndexing() {
		assertEquals(1, TiledPredictor.mirror(-1, 5));
		assertEquals(3, TiledPredictor.mirror(5, 5));
		assertEquals(0, TiledPredictor.mirror(8, 5));
		assertEquals(0, TiledPredictor.mirror(7, 1));
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
