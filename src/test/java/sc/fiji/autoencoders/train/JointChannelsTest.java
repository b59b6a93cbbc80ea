package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestVolumes;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Channels trained jointly: one network whose input and output channels are an image's channels. On two channels
 * showing the same scene with independent noise, the joint network sees two observations of each pixel and beats the
 * single-channel network trained on the same planes; joint models denoise hyperstacks, in memory and streamed alike.
 */
public class JointChannelsTest {

	@TempDir
	File dir;

	private static Plane noisy(final Plane clean, final int sigma, final Random rng) {
		final Plane n = clean.copy();
		NoiseModels.parse("gaussian:" + sigma).apply(n.pixels(), 255, rng);
		return n;
	}

	/** Mean PSNR gain per channel of the joint model on (noisy1, noisy2) blocks, against the clean planes. */
	private static double[] jointGain(final AutoencoderModel m, final List<Plane> clean, final List<Plane> n1,
		final List<Plane> n2)
	{
		final double[] g = new double[2];
		try (Denoiser d = new Denoiser(m)) {
			for (int i = 0; i < clean.size(); i++) {
				final Plane c = clean.get(i);
				final int w = c.width(), h = c.height(), px = w * h;
				final float[] in = new float[2 * px];
				System.arraycopy(n1.get(i).pixels(), 0, in, 0, px);
				System.arraycopy(n2.get(i).pixels(), 0, in, px, px);
				final ArrayImg<FloatType, FloatArray> out = ArrayImgs.floats(w, h, 2);
				d.denoise(ArrayImgs.floats(in, w, h, 2), out, PredictionMonitor.NONE);
				final float[] o = out.update(null).getCurrentStorageArray();
				final float[] o1 = java.util.Arrays.copyOfRange(o, 0, px), o2 = java.util.Arrays.copyOfRange(o, px, 2 * px);
				g[0] += (Metrics.psnr(c.pixels(), o1, 255) - Metrics.psnr(c, n1.get(i), 255)) / clean.size();
				g[1] += (Metrics.psnr(c.pixels(), o2, 255) - Metrics.psnr(c, n2.get(i), 255)) / clean.size();
			}
		}
		return g;
	}

	/** Mean PSNR gain of a single-channel model on each plane on its own. */
	private static double gain(final AutoencoderModel m, final List<Plane> clean, final List<Plane> noisy) {
		double g = 0;
		try (Denoiser d = new Denoiser(m)) {
			for (int i = 0; i < clean.size(); i++)
				g += (Metrics.psnr(clean.get(i), d.denoise(noisy.get(i), PredictionMonitor.NONE), 255) - Metrics.psnr(clean
					.get(i), noisy.get(i), 255)) / clean.size();
		}
		return g;
	}

	/**
	 * Noise2Void on two channels that are one scene with independent noise: the joint network masks each channel on its
	 * own, so at a masked pixel it still sees the other channel's noisy value there, and it beats the single-channel
	 * network trained for the same steps on the same planes (pooled), on both channels.
	 */
	@Test
	public void jointNoise2VoidUsesTheOtherChannel() {
		final List<Plane> clean = TestImages.blobStack(6, 96, 96, 1);
		final Random rng = new Random(8);
		final List<Plane> c1 = new ArrayList<>(), c2 = new ArrayList<>();
		for (final Plane p : clean) {
			c1.add(noisy(p, 25, rng));
			c2.add(noisy(p, 25, rng));
		}
		final NetworkSpec spec = NetworkSpec.unet(2, 16).withResidual(false).n2v2();
		final AutoencoderModel joint = DenoiserTrainer.noise2Void(TrainingImages.jointPlanes(List.of(c1, c2)), Masking
			.n2v2(2), spec.withChannels(2), TrainingModesTest.quick(16)).process();
		final List<Plane> both = new ArrayList<>(c1);
		both.addAll(c2);
		final AutoencoderModel pooled = DenoiserTrainer.noise2Void(TrainingImages.planes(both), Masking.n2v2(2), spec,
			TrainingModesTest.quick(16)).process();
		assertEquals(2, joint.network.channels());
		assertEquals(2, joint.channelNormalizations.size());
		assertEquals("6 noisy planes (no clean image), 2 channels jointly, 2D", joint.data);

		final List<Plane> unseen = TestImages.blobStack(2, 128, 96, 50);
		final List<Plane> u1 = new ArrayList<>(), u2 = new ArrayList<>();
		for (final Plane p : unseen) {
			u1.add(noisy(p, 25, rng));
			u2.add(noisy(p, 25, rng));
		}
		final double[] j = jointGain(joint, unseen, u1, u2);
		final double p1 = gain(pooled, unseen, u1), p2 = gain(pooled, unseen, u2);
		System.out.printf(java.util.Locale.ROOT, "Noise2Void on unseen planes: joint %.2f / %.2f dB, single-channel " +
			"%.2f / %.2f dB (channels 1 / 2)%n", j[0], j[1], p1, p2);
		assertTrue(j[0] > 4 && j[1] > 4, "joint gains on both channels: " + j[0] + ", " + j[1]);
		// measured 8.68 / 8.69 dB joint, 7.52 / 7.26 dB single-channel
		assertTrue(j[0] > p1 + 0.5 && j[1] > p2 + 0.5, "joint " + j[0] + ", " + j[1] + " vs single-channel " + p1 + ", " +
			p2);
	}

	/**
	 * Through the facade on a 2-channel hyperstack: the model file records the channels and their normalizations, info
	 * describes them, denoising in memory and streamed plane by plane give the same pixels, and images with another
	 * channel count are refused with the fix.
	 */
	@Test
	public void jointModelsDenoiseHyperstacksInMemoryAndStreamedAlike() {
		final ImagePlus two = hyperstack("two", 2, 3, 20);
		final TrainDenoiserSettings s = settings();
		s.channels = TrainDenoiserSettings.JOINT;
		final File f = new File(dir, "joint.aemodel");
		final AutoencoderModel m = Autoencoders.trainDenoiser(List.of(two), s, f, null, null);
		assertEquals(2, m.network.channels());
		final AutoencoderModel back = ModelFile.load(f);
		assertEquals(m.channelNormalizations, back.channelNormalizations);
		assertTrue(back.channelNormalizations.get(1).high() > 1.8 * back.channelNormalizations.get(0).high(),
			"channel 2 is twice as bright and normalized on its own: " + back.channelNormalizations);
		final String info = Autoencoders.info(f);
		assertTrue(info.contains("channels:      2, trained jointly") && info.contains("channel 2:") && info.contains(
			"2 channels jointly"), info);

		// tiled (16-pixel cores: 16 tiles, C whole in each) equals untiled
		final float[] block = new float[64 * 64 * 2];
		for (int c = 0; c < 2; c++)
			System.arraycopy((float[]) two.getStack().getPixels(1 + c), 0, block, c * 64 * 64, 64 * 64);
		final ArrayImg<FloatType, FloatArray> whole = ArrayImgs.floats(64, 64, 2), tiled = ArrayImgs.floats(64, 64, 2);
		try (Denoiser big = new Denoiser(back); Denoiser small = new Denoiser(back, 16, 0)) {
			assertEquals(List.of(sc.fiji.autoencoders.image.Axis.X, sc.fiji.autoencoders.image.Axis.Y,
				sc.fiji.autoencoders.image.Axis.C), big.axes());
			assertEquals(16, small.workUnits(64, 64, 2));
			big.denoise(ArrayImgs.floats(block, 64, 64, 2), whole, PredictionMonitor.NONE);
			small.denoise(ArrayImgs.floats(block, 64, 64, 2), tiled, PredictionMonitor.NONE);
		}
		// margins of the receptive field training measured: equal within 30 times its tolerance of the data range, as
		// in ReceptiveFieldsTest
		final double range = Math.max(back.normalization(0).high() - back.normalization(0).low(), back.normalization(1)
			.high() - back.normalization(1).low());
		assertArrayEquals(whole.update(null).getCurrentStorageArray(), tiled.update(null).getCurrentStorageArray(),
			(float) (30 * back.receptiveField.tolerance() * range));

		final ImagePlus inMemory = Autoencoders.denoise(two, f, new DenoiseSettings(), PredictionMonitor.NONE);
		assertEquals(List.of(64, 64, 2, 3, 32), List.of(inMemory.getWidth(), inMemory.getHeight(), inMemory
			.getNChannels(), inMemory.getNSlices(), inMemory.getBitDepth()));
		final File tif = new File(dir, "streamed.tif");
		Autoencoders.denoiseToTiff(List.of(two), f, new DenoiseSettings(), i -> tif, (i, o) -> {},
			PredictionMonitor.NONE);
		final ImagePlus streamed = ImageFiles.open(tif);
		assertEquals(6, streamed.getStackSize());
		for (int i = 1; i <= 6; i++)
			assertArrayEquals((float[]) inMemory.getStack().getPixels(i), (float[]) streamed.getStack().getPixels(i),
				"plane " + i);
		// the denoised channels differ (channel 2 is brighter): each output channel is its own
		assertTrue(mean((float[]) inMemory.getStack().getPixels(2)) > 1.5 * mean((float[]) inMemory.getStack()
			.getPixels(1)));

		BadInputException e = assertThrows(BadInputException.class, () -> Autoencoders.denoise(hyperstack("three", 3,
			1, 21), f, new DenoiseSettings(), PredictionMonitor.NONE));
		assertEquals("Image 'three' has 3 channels but the model denoises 2 channels jointly (trained with channels " +
			"joint): give it an image of 2 channels, in the order it was trained on (Image > Color > Merge " +
			"Channels...), with no other model, or use a single-channel model.", e.getMessage());
		e = assertThrows(BadInputException.class, () -> Autoencoders.denoise(hyperstack("one", 1, 2, 22), f,
			new DenoiseSettings(), PredictionMonitor.NONE));
		assertTrue(e.getMessage().startsWith("Image 'one' has 1 channel but the model denoises 2 channels jointly"), e
			.getMessage());

		// training: a joint choice that contradicts the channel, or images of different channel counts
		s.channel = 2;
		e = assertThrows(BadInputException.class, () -> Autoencoders.trainDenoiser(List.of(two), s, f, null, null));
		assertTrue(e.getMessage().startsWith("Channel 2 picks one channel, but channels joint trains on all of them"),
			e.getMessage());
		s.channel = 0;
		e = assertThrows(BadInputException.class, () -> Autoencoders.trainDenoiser(List.of(two, hyperstack("three", 3,
			3, 23)), s, f, null, null));
		assertTrue(e.getMessage().startsWith("Image 'three' has 3 channels but 'two' has 2"), e.getMessage());

		// pooled (the default) stays a single-channel model that denoises each channel on its own
		final TrainDenoiserSettings pooled = settings();
		final AutoencoderModel single = Autoencoders.trainDenoiser(List.of(two), pooled, new File(dir,
			"pooled.aemodel"), null, null);
		assertEquals(1, single.network.channels());
		assertNull(single.channelNormalizations);
	}

	/** Joint channels in 3D: a network of 2 input channels trained on 2-channel Z stacks denoises the hyperstack. */
	@Test
	public void jointChannelsIn3D() {
		final List<Plane> planes = new ArrayList<>();
		final List<Plane> a = TestVolumes.blobs(32, 32, 8, 1).planes(), b = TestVolumes.blobs(32, 32, 8, 2).planes();
		final Random rng = new Random(3);
		for (int z = 0; z < 8; z++) {
			planes.add(noisy(a.get(z), 20, rng));
			planes.add(noisy(b.get(z), 20, rng));
		}
		final ImagePlus imp = ImagePlanes.toImagePlus("stack", planes, 2, 8, 1);
		final TrainDenoiserSettings s = settings();
		s.channels = TrainDenoiserSettings.JOINT;
		s.mode = "noisy";
		s.dims = 3;
		s.patchPlanes = 8;
		s.zPooling = "none";
		final File f = new File(dir, "joint3d.aemodel");
		final AutoencoderModel m = Autoencoders.trainDenoiser(List.of(imp), s, f, null, null);
		assertEquals(3, m.network.dims());
		assertEquals(2, m.network.channels());
		assertEquals("1 noisy Z stacks (no clean image), 2 channels jointly, 3D", m.data);
		final ImagePlus out = Autoencoders.denoise(imp, f, new DenoiseSettings(), PredictionMonitor.NONE);
		assertEquals(List.of(32, 32, 2, 8, 32), List.of(out.getWidth(), out.getHeight(), out.getNChannels(), out
			.getNSlices(), out.getBitDepth()));
		for (int i = 1; i <= 16; i++)
			for (final float v : (float[]) out.getStack().getPixels(i))
				assertTrue(Float.isFinite(v));
	}

	// -- Helper methods --

	private static TrainDenoiserSettings settings() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.depth = 2;
		s.filters = 4;
		s.maxFilters = 8;
		s.patchSize = 16;
		s.batchSize = 2;
		s.epochs = 1;
		s.stepsPerEpoch = 3;
		s.minutes = 0;
		s.warmup = 0;
		s.threads = 2;
		return s;
	}

	/** Blobs in {@code channels} channels, channel c (1-based) c times as bright, noisy. */
	private static ImagePlus hyperstack(final String title, final int channels, final int slices, final long seed) {
		final Random rng = new Random(seed);
		final List<Plane> planes = new ArrayList<>();
		for (int z = 0; z < slices; z++) {
			final Plane p = TestImages.blobs(64, 64, seed + z);
			for (int c = 1; c <= channels; c++) {
				final Plane n = noisy(p, 20, rng);
				for (int i = 0; i < n.pixels().length; i++)
					n.pixels()[i] *= c;
				planes.add(n);
			}
		}
		final ImagePlus imp = ImagePlanes.toImagePlus(title, planes, channels, slices, 1);
		imp.setTitle(title);
		return imp;
	}

	private static double mean(final float[] v) {
		double s = 0;
		for (final float x : v)
			s += x;
		return s / v.length;
	}
}
