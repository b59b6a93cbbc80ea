package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Spacing;
import sc.fiji.autoencoders.model.NetworkSpec;

public class DenoisingTest {

	private static final int W = 75, H = 50;

	/** X, Y, C (2), T (3) of 16-bit blobs: plane (c, t) is blobs seeded c + 10 t. */
	private static Img<UnsignedShortType> image() {
		final Img<UnsignedShortType> img = ArrayImgs.unsignedShorts(W, H, 2, 3);
		for (int c = 0; c < 2; c++)
			for (int t = 0; t < 3; t++) {
				final Plane p = TestImages.blobs(W, H, c + 10 * t);
				LoopBuilder.setImages(ArrayImgs.floats(p.pixels(), W, H), Views.hyperSlice(Views.hyperSlice(img, 3, t), 2,
					c)).forEachPixel((a, b) -> b.setReal(a.get() * 100));
			}
		return img;
	}

	private static Plane plane(final RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>> v) {
		final float[] px = new float[W * H];
		final RandomAccess<? extends net.imglib2.type.numeric.RealType<?>> ra = v.randomAccess();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				px[y * W + x] = ra.setPositionAndGet(x, y).getRealFloat();
		return new Plane(W, H, px);
	}

	@Test
	public void everyPlaneWithItsChannelsModelAsThePlaneAlone() {
		final Img<UnsignedShortType> img = image();
		final AxisImage<UnsignedShortType> in = AxisImage.of(img, List.of(Axis.X, Axis.Y, Axis.C, Axis.T), List.of(
			new Spacing(0.1, "µm"), new Spacing(0.1, "µm"), Spacing.UNCALIBRATED, new Spacing(5, "sec")));
		try (Denoiser d1 = new Denoiser(TestModels.denoiser(NetworkSpec.unet(2, 8), 1), 32, 1); Denoiser d2 =
			new Denoiser(TestModels.denoiser(NetworkSpec.unet(1, 8), 2), 32, 1))
		{
			final AtomicLong last = new AtomicLong(), calls = new AtomicLong();
			final AxisImage<FloatType> out = Denoising.denoise(in, List.of(d1, d2), new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					assertEquals(last.get() / 1000 + 1, done, "progress counts up by one tile");
					last.set(done * 1000 + total);
					calls.incrementAndGet();
				}
			});
			assertEquals(in.axes(), out.axes());
			assertEquals(in.spacings(), out.spacings());
			assertArrayEquals(img.dimensionsAsLongArray(), out.data().dimensionsAsLongArray());
			final long tiles = d1.workUnits(W, H) * 3 + d2.workUnits(W, H) * 3;
			assertEquals(tiles * 1000 + tiles, last.get());
			for (int c = 0; c < 2; c++)
				for (int t = 0; t < 3; t++) {
					final Plane alone = (c == 0 ? d1 : d2).denoise(plane(Views.hyperSlice(Views.hyperSlice(img, 3, t), 2, c)),
						PredictionMonitor.NONE);
					assertEquals(alone, plane(Views.hyperSlice(Views.hyperSlice(out.data(), 3, t), 2, c)), "c" + c + " t" + t);
				}

			// the same image with its axes in another order (T, Y, C, X): the same result, in that order
			final RandomAccessibleInterval<UnsignedShortType> tycx = Views.permute(img, 0, 3);
			final AxisImage<FloatType> other = Denoising.denoise(AxisImage.of(tycx, Axis.T, Axis.Y, Axis.C, Axis.X), List
				.of(d1, d2), PredictionMonitor.NONE);
			LoopBuilder.setImages(Views.permute(out.data(), 0, 3), other.data()).forEachPixel((a, b) -> assertEquals(a
				.get(), b.get(), 0f));
		}
	}

	@Test
	public void ensembleCountsEightViewsOfProgress() {
		final Img<FloatType> img = ArrayImgs.floats(TestImages.blobs(40, 30, 3).pixels(), 40, 30);
		try (Denoiser d = new Denoiser(TestModels.denoiser(NetworkSpec.unet(1, 8), 1), 16, 1).setEnsemble(true)) {
			final AtomicLong last = new AtomicLong();
			final AxisImage<FloatType> out = Denoising.denoise(AxisImage.of(img, Axis.X, Axis.Y), List.of(d), new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					last.set(done * 1000 + total);
				}
			});
			final long units = d.workUnits(40, 30);
			assertEquals(8 * d.tiler().tileCount(40, 30), units);
			assertEquals(units * 1000 + units, last.get());
			assertEquals(d.denoise(new Plane(40, 30, TestImages.blobs(40, 30, 3).pixels()), PredictionMonitor.NONE),
				plane2(out.data()));
		}
	}

	private static Plane plane2(final RandomAccessibleInterval<FloatType> v) {
		final int w = (int) v.dimension(0), h = (int) v.dimension(1);
		final float[] px = new float[w * h];
		LoopBuilder.setImages(v, ArrayImgs.floats(px, w, h)).forEachPixel((a, b) -> b.set(a));
		return new Plane(w, h, px);
	}

	@Test
	public void wrongAxesOrModelCountsAreReported() {
		try (Denoiser d = new Denoiser(TestModels.denoiser(NetworkSpec.unet(1, 8), 1))) {
			final BadInputException noY = assertThrows(BadInputException.class, () -> Denoising.denoise(AxisImage.of(
				ArrayImgs.floats(8, 8), Axis.X, Axis.Z), List.of(d), PredictionMonitor.NONE));
			assertTrue(noY.getMessage().contains("no Y axis"), noY.getMessage());
			final BadInputException count = assertThrows(BadInputException.class, () -> Denoising.denoise(AxisImage.of(
				ArrayImgs.floats(8, 8, 3), Axis.X, Axis.Y, Axis.C), List.of(d, d), PredictionMonitor.NONE));
			assertTrue(count.getMessage().contains("3 channels but 2 models"), count.getMessage());
			assertThrows(IllegalArgumentException.class, () -> d.denoise(ArrayImgs.floats(8, 8, 8),
				PredictionMonitor.NONE));
		}
	}
}
