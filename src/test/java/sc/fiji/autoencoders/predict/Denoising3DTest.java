package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Spacing;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;

/** A 3D network on hyperstacks: XYZ blocks per channel, tiled in all three axes exactly as untiled. */
public class Denoising3DTest {

	private static final int W = 29, H = 22, Z = 19;

	private static AutoencoderModel model() {
		// random weights everywhere (no zero output layer): every tile matters; values of order 1
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(2, 4).threeD(false, true), 11);
		m.normalization = Normalization.of(0, 1);
		return m;
	}

	/** X, Y, C (2), Z of random values in [0, 1). */
	private static AxisImage<FloatType> image() {
		final Img<FloatType> img = ArrayImgs.floats(W, H, 2, Z);
		final Random r = new Random(4);
		for (final FloatType t : img)
			t.set(r.nextFloat());
		return AxisImage.of(img, List.of(Axis.X, Axis.Y, Axis.C, Axis.Z), List.of(new Spacing(0.1, "µm"), new Spacing(
			0.1, "µm"), Spacing.UNCALIBRATED, new Spacing(0.3, "µm")));
	}

	@Test
	public void tiledInThreeAxesEqualsUntiled() {
		final AxisImage<FloatType> in = image();
		try (Denoiser untiled = new Denoiser(model(), Denoiser.DEFAULT_TILE, 2); Denoiser tiled = new Denoiser(model(), 8,
			2))
		{
			assertEquals(List.of(Axis.X, Axis.Y, Axis.Z), tiled.axes());
			assertEquals(1, untiled.workUnits(W, H, Z));
			// 8 x 8 x 8 cores: 4 x 3 x 3 tiles per channel
			assertEquals(36, tiled.workUnits(W, H, Z));
			assertEquals(8, tiled.tiler().tileSize(2));
			assertEquals(2, tiled.tiler().multiple(2), "Z is pooled once");
			assertEquals(4, tiled.tiler().multiple(0));
			// the receptive radius in Z (16) and the blend (4), rounded up to the multiple
			assertEquals(Denoiser.receptiveRadiusZ(tiled.model().networkSpec()) + 4, tiled.tiler().margin(2));
			final long[] progress = new long[2];
			final AxisImage<FloatType> a = Denoising.denoise(in, List.of(untiled), PredictionMonitor.NONE);
			final AxisImage<FloatType> b = Denoising.denoise(in, List.of(tiled), new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					progress[0] = done;
					progress[1] = total;
				}
			});
			assertEquals(72, progress[1], "36 tiles for each of the 2 channels");
			assertEquals(72, progress[0]);
			assertEquals(in.axes(), b.axes());
			assertEquals(in.spacings(), b.spacings());
			double maxDiff = 0, maxChange = 0;
			final Cursor<FloatType> ca = Views.flatIterable(a.data()).localizingCursor();
			final RandomAccess<FloatType> rb = b.data().randomAccess(), ri = in.data().randomAccess();
			while (ca.hasNext()) {
				final float va = ca.next().get();
				maxDiff = Math.max(maxDiff, Math.abs(va - rb.setPositionAndGet(ca).get()));
				maxChange = Math.max(maxChange, Math.abs(va - ri.setPositionAndGet(ca).get()));
			}
			assertTrue(maxChange > 0.05, "the network does something: " + maxChange);
			assertTrue(maxDiff < 1e-4, "tiled and untiled differ by " + maxDiff);
		}
	}

	/** The network sees Z: changing one plane changes its neighbours' results (a 2D network would not). */
	@Test
	public void neighbouringPlanesInfluenceEachOther() {
		final AxisImage<FloatType> in = image();
		try (Denoiser d = new Denoiser(model())) {
			final AxisImage<FloatType> a = Denoising.denoise(in, List.of(d), PredictionMonitor.NONE);
			for (final FloatType t : Views.iterable(Views.hyperSlice(in.data(), 3, 9)))
				t.set(t.get() + 1);
			final AxisImage<FloatType> b = Denoising.denoise(in, List.of(d), PredictionMonitor.NONE);
			final RandomAccess<FloatType> ra = a.data().randomAccess(), rb = b.data().randomAccess();
			assertTrue(Math.abs(ra.setPositionAndGet(5, 5, 0, 10).get() - rb.setPositionAndGet(5, 5, 0, 10).get()) > 1e-4,
				"plane 10 sees plane 9");
		}
	}

	@Test
	public void aStackWithoutZNamesTheFix() {
		final AxisImage<FloatType> planes = AxisImage.of(ArrayImgs.floats(16, 16, 3), List.of(Axis.X, Axis.Y, Axis.T),
			List.of(Spacing.UNCALIBRATED, Spacing.UNCALIBRATED, Spacing.UNCALIBRATED));
		try (Denoiser d = new Denoiser(model())) {
			final BadInputException e = assertThrows(BadInputException.class, () -> Denoising.denoise(planes, List.of(d),
				PredictionMonitor.NONE));
			assertTrue(e.getMessage().contains("has no Z axis") && e.getMessage().contains("or use a 2D model"), e
				.getMessage());
		}
	}
}
