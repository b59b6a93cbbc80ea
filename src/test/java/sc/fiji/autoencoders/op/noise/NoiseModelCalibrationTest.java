package sc.fiji.autoencoders.op.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.NoiseFitOptions;
import sc.fiji.autoencoders.noise.PoissonGaussianNoiseModel;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;

/**
 * Noise models fitted from ImageJ images: a two-channel stack of repeated frames whose channels have different cameras,
 * clean images, and noisy images alone (bootstrapped with Noise2Void).
 */
public class NoiseModelCalibrationTest {

	@TempDir
	File dir;

	/** Gain and read-noise variance of channel 1 and 2. */
	private static final double[][] CAMERAS = { { 2.5, 100 }, { 1, 25 } };

	private static Plane scene(final int size, final long seed) {
		final Plane p = TestImages.blobs(size, size, seed);
		final float[] v = p.pixels();
		for (int i = 0; i < v.length; i++)
			v[i] *= 5; // 100 to 1150
		return p;
	}

	private static Plane observe(final Plane signal, final double[] camera, final Random rng) {
		final float[] s = signal.pixels(), x = new float[s.length];
		for (int i = 0; i < s.length; i++)
			x[i] = (float) (camera[0] * poisson(s[i] / camera[0], rng) + Math.sqrt(camera[1]) * rng.nextGaussian());
		return new Plane(signal.width(), signal.height(), x);
	}

	/** Normal approximation of Poisson counts, exact enough for means above 40. */
	private static double poisson(final double mean, final Random rng) {
		return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
	}

	private static PoissonGaussianNoiseModel pg(final ChannelNoiseModels m, final int c) {
		return (PoissonGaussianNoiseModel) m.model(c);
	}

	@Test
	public void framesOfTwoChannelsGiveEachChannelItsCamera() {
		final Random rng = new Random(1);
		final Plane[] scenes = { scene(64, 1), scene(64, 2) };
		final List<Plane> planes = new ArrayList<>();
		final int frames = 30;
		for (int f = 0; f < frames; f++)
			for (int c = 0; c < 2; c++)
				planes.add(observe(scenes[c], CAMERAS[c], rng));
		final ImagePlus stack = ImagePlanes.toImagePlus("frames", planes, 2, 1, frames);
		final NoiseFitOptions o = new NoiseFitOptions();
		o.kind = NoiseFitOptions.Kind.POISSON_GAUSSIAN;
		final ChannelNoiseModels m = NoiseModelCalibration.fromFrames(List.of(stack), o);
		assertEquals(2, m.size());
		for (int c = 0; c < 2; c++) {
			System.out.println("channel " + (c + 1) + ": " + m.model(c).describe());
			// x minus the average of 30 frames has 29/30 of the variance
			assertEquals(CAMERAS[c][0], pg(m, c).gain(), 0.1 * CAMERAS[c][0]);
			assertEquals(CAMERAS[c][1], pg(m, c).offset(), 0.1 * CAMERAS[c][1] + 0.1 * CAMERAS[c][0] * 100);
		}
		final BadInputException one = assertThrows(BadInputException.class, () -> NoiseModelCalibration.fromCalibration(
			List.of(stack), List.of(ImagePlanes.toImagePlus("clean", List.of(scenes[0]), 1, 1, 1)), o));
		assertTrue(one.getMessage().contains("has 1 channel but 'frames' has 2"), one.getMessage());
	}

	/** A smooth scene from 100 to 1100: what a short Noise2Void run predicts well. */
	private static Plane smooth(final int size) {
		final float[] v = new float[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++)
				v[y * size + x] = (float) (600 + 500 * Math.sin(x / 9.0) * Math.cos(y / 13.0));
		return new Plane(size, size, v);
	}

	/**
	 * PN2V's bootstrap: with Noise2Void's prediction as the signal, the fitted variance is the camera's plus the
	 * prediction's error, so it is at least the true variance; after this short training (180 steps) it is within a factor of 3 (a longer
	 * training brings it closer: the bootstrap is only as good as the denoiser).
	 */
	@Test
	public void bootstrapFromNoisyImagesAlone() {
		final Random rng = new Random(2);
		final List<ImagePlus> noisy = List.of(ImagePlanes.toImagePlus("noisy", List.of(observe(smooth(96), CAMERAS[0],
			rng)), 1, 1, 1));
		final TrainDenoiserSettings n2v = new TrainDenoiserSettings();
		n2v.mode = "noisy";
		n2v.epochs = 6;
		n2v.stepsPerEpoch = 30;
		n2v.patchSize = 32;
		n2v.depth = 2;
		n2v.filters = 16;
		n2v.warmup = 10;
		final NoiseFitOptions o = new NoiseFitOptions();
		o.kind = NoiseFitOptions.Kind.POISSON_GAUSSIAN;
		final long t0 = System.nanoTime();
		final ChannelNoiseModels m = NoiseModelCalibration.bootstrap(noisy, n2v, null, null, o);
		System.out.printf("bootstrap (Noise2Void %d steps + fit): %.1f s, %s%n", n2v.epochs * n2v.stepsPerEpoch, (System
			.nanoTime() - t0) / 1e9, m.model(0).describe());
		for (final double s : new double[] { 300, 600, 900 }) {
			final double truth = CAMERAS[0][0] * s + CAMERAS[0][1], got = m.model(0).std(s) * m.model(0).std(s);
			System.out.printf("  variance at %.0f: %.0f (true %.0f)%n", s, got, truth);
			assertTrue(got > 0.95 * truth && got < 3 * truth, "variance " + got + " at " + s + ", true " + truth);
		}
	}
}
