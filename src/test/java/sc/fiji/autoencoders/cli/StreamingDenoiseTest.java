package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Stacks read and written plane by plane (folders of planes with --stack, TIFF stacks with --stream, virtual stacks
 * in Fiji) give the same planes as the in-memory path.
 */
public class StreamingDenoiseTest {

	private static final int W = 75, H = 50, TILE = 32;

	@TempDir
	File dir;

	private File model, model2;

	@BeforeEach
	public void models() {
		model = new File(dir, "m.aemodel");
		model2 = new File(dir, "m2.aemodel");
		ModelFile.save(denoiser(1), model);
		ModelFile.save(denoiser(2), model2);
	}

	private static AutoencoderModel denoiser(final long seed) {
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(1, 4), seed);
		m.normalization = Normalization.of(0, 25500);
		return m;
	}

	/** 16-bit blobs (0-25500): plane i is blobs seeded i. */
	private static ShortProcessor plane(final int i) {
		final Plane p = TestImages.blobs(W, H, i);
		final short[] px = new short[W * H];
		for (int j = 0; j < px.length; j++)
			px[j] = (short) Math.round(p.pixels()[j] * 100);
		return new ShortProcessor(W, H, px, null);
	}

	private static ImagePlus stack(final int n) {
		final ImageStack s = new ImageStack(W, H);
		for (int i = 0; i < n; i++)
			s.addSlice(plane(i));
		final ImagePlus imp = new ImagePlus("stack", s);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = cal.pixelHeight = 0.2;
		cal.pixelDepth = 1.5;
		cal.setUnit("µm");
		return imp;
	}

	private DenoiseSettings settings() {
		final DenoiseSettings s = new DenoiseSettings();
		s.tileSize = TILE;
		return s;
	}

	private static void assertSamePlanes(final ImagePlus expected, final ImagePlus actual) {
		assertEquals(expected.getStackSize(), actual.getStackSize());
		assertEquals(32, actual.getBitDepth());
		for (int i = 1; i <= expected.getStackSize(); i++) {
			final float[] e = (float[]) expected.getStack().getProcessor(i).getPixels();
			final float[] a = (float[]) actual.getStack().getProcessor(i).getPixels();
			assertEquals(e.length, a.length);
			for (int j = 0; j < e.length; j++)
				assertEquals(e[j], a[j], 1e-5 * Math.abs(e[j]) + 1e-4, "plane " + i + ", pixel " + j);
		}
	}

	@Test
	public void folderOfPlanesAsOneStackEqualsInMemory() {
		final int n = 5;
		final File planes = new File(dir, "planes");
		planes.mkdirs();
		for (int i = 0; i < n; i++)
			ImageOutputs.writeTiff(new ImagePlus("z" + i, plane(i)), new File(planes, String.format(Locale.ROOT,
				"z%03d.tif", i)));
		final File out = new File(dir, "out");
		final Object[] r = MainTest.cli("denoise", "--model", model.getPath(), "--input", planes.getPath(), "--stack",
			"--output", out.getPath(), "--tile-size", "" + TILE);
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("read plane by plane"), r[1].toString());
		final ImagePlus streamed = ImageFiles.open(new File(out, "planes.tif"));
		assertEquals(W, streamed.getWidth());
		assertEquals(H, streamed.getHeight());
		assertEquals(n, streamed.getNSlices());
		assertEquals(1, streamed.getNChannels());
		assertEquals(1, streamed.getNFrames());
		assertSamePlanes(Autoencoders.denoise(stack(n), model, settings(), PredictionMonitor.NONE), streamed);
		assertEquals(1, out.list().length, "only the stack, no temporary file: " + String.join(", ", out.list()));

		// without --stack: one output per plane file, the same planes
		final File each = new File(dir, "each");
		assertEquals(0, MainTest.cli("denoise", "--model", model.getPath(), "--input", planes.getPath(), "--output",
			each.getPath(), "--tile-size", "" + TILE)[0]);
		assertEquals(n, each.list().length);
		final ImageStack s = new ImageStack(W, H);
		for (int i = 0; i < n; i++)
			s.addSlice(ImageFiles.open(new File(each, String.format(Locale.ROOT, "z%03d.tif", i))).getProcessor());
		assertSamePlanes(streamed, new ImagePlus("each", s));
	}

	@Test
	public void tiffHyperstackStreamedWithChannelModelsEqualsInMemory() {
		final ImagePlus in = stack(6);
		in.setDimensions(2, 3, 1);
		in.setOpenAsHyperStack(true);
		final File tif = new File(dir, "hyper.tif");
		ImageOutputs.writeTiff(in, tif);
		final File out = new File(dir, "out");
		final Object[] r = MainTest.cli("denoise", "--model", model.getPath(), "--channel-models", model2.getPath(),
			"--input", tif.getPath(), "--stream", "--output", out.getPath(), "--tile-size", "" + TILE);
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("read plane by plane"), r[1].toString());
		final ImagePlus streamed = ImageFiles.open(new File(out, "hyper.tif"));
		assertEquals(2, streamed.getNChannels());
		assertEquals(3, streamed.getNSlices());
		assertEquals(0.2, streamed.getCalibration().pixelWidth, 1e-6);
		assertEquals(1.5, streamed.getCalibration().pixelDepth, 1e-9);
		assertEquals("µm", streamed.getCalibration().getUnit());
		final DenoiseSettings s = settings();
		s.channelModels = model2.getPath();
		assertSamePlanes(Autoencoders.denoise(ImageFiles.open(tif), model, s, PredictionMonitor.NONE), streamed);

		// the same file without --stream (small: read whole) gives the same planes
		final File whole = new File(dir, "whole");
		assertEquals(0, MainTest.cli("denoise", "--model", model.getPath(), "--channel-models", model2.getPath(),
			"--input", tif.getPath(), "--output", whole.getPath(), "--tile-size", "" + TILE)[0]);
		assertSamePlanes(streamed, ImageFiles.open(new File(whole, "hyper.tif")));
	}

	@Test
	public void virtualStackInFijiGivesAVirtualResultBesideIt() {
		final File tif = new File(dir, "big.tif");
		ImageOutputs.writeTiff(stack(4), tif);
		final ImagePlus virtual = ImageFiles.openVirtual(tif);
		assertTrue(virtual.getStack().isVirtual());
		final AtomicLong last = new AtomicLong(), total = new AtomicLong();
		final ImagePlus out = Autoencoders.denoise(virtual, model, settings(), new PredictionMonitor() {

			@Override
			public void progress(final long done, final long t) {
				assertEquals(last.get() + 1, done, "progress counts up by one tile over the whole stack");
				last.set(done);
				total.set(t);
			}
		});
		assertEquals(total.get(), last.get());
		assertTrue(out.getStack().isVirtual(), "the result is read from its file");
		assertEquals("big-denoised.tif", out.getTitle());
		final File written = new File(dir, "big-denoised.tif");
		assertTrue(written.isFile());
		assertEquals(written.getAbsolutePath(), new File(out.getOriginalFileInfo().getFilePath()).getAbsolutePath());
		assertEquals(4, out.getNSlices());
		assertEquals(1.5, out.getCalibration().pixelDepth, 1e-9);
		assertSamePlanes(Autoencoders.denoise(stack(4), model, settings(), PredictionMonitor.NONE), out);
		// a second run does not overwrite the first result
		Autoencoders.denoise(virtual, model, settings(), PredictionMonitor.NONE);
		assertTrue(new File(dir, "big-denoised-2.tif").isFile());
	}

	@Test
	public void virtualFolderStackInFijiGivesAResultBesideTheFolder() {
		final File planes = new File(dir, "seq");
		planes.mkdirs();
		for (int i = 0; i < 3; i++)
			ImageOutputs.writeTiff(new ImagePlus("z" + i, plane(i)), new File(planes, "z" + i + ".tif"));
		final ImagePlus virtual = ImageFiles.openFolderAsStack(planes);
		assertTrue(virtual.getStack().isVirtual());
		final ImagePlus out = Autoencoders.denoise(virtual, model, settings(), PredictionMonitor.NONE);
		assertTrue(out.getStack().isVirtual());
		assertTrue(new File(dir, "seq-denoised.tif").isFile(), "beside the folder, not among its planes");
		assertEquals(3, planes.list().length);
		assertSamePlanes(Autoencoders.denoise(stack(3), model, settings(), PredictionMonitor.NONE), out);
	}

	@Test
	public void refusesToOverwriteItsInput() {
		final File tif = new File(dir, "in.tif");
		ImageOutputs.writeTiff(stack(2), tif);
		final Object[] r = MainTest.cli("denoise", "--model", model.getPath(), "--input", tif.getPath(), "--output", dir
			.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("would overwrite it"), r[2].toString());
		assertEquals(2, ImageFiles.open(tif).getStackSize());
		assertEquals(16, ImageFiles.open(tif).getBitDepth());
	}

	@Test
	public void cancelledStreamLeavesNoFile() {
		final File tif = new File(dir, "c.tif");
		ImageOutputs.writeTiff(stack(3), tif);
		final File out = new File(dir, "out");
		out.mkdirs();
		final AtomicLong calls = new AtomicLong();
		assertThrows(PredictionMonitor.CancelledException.class, () -> Autoencoders.denoiseToTiff(List.of(ImageFiles
			.openVirtual(tif)), model, settings(), imp -> new File(out, "c.tif"), (imp, f) -> {}, new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					calls.incrementAndGet();
				}

				@Override
				public boolean isCancelled() {
					return calls.get() > 2;
				}
			}));
		assertFalse(new File(out, "c.tif").exists());
		assertEquals(0, out.list().length, "no temporary file left");
	}

	@Test
	public void folderStackPlanesMustMatch() {
		final File planes = new File(dir, "mixed");
		planes.mkdirs();
		ImageOutputs.writeTiff(new ImagePlus("a", plane(0)), new File(planes, "a.tif"));
		final ImageProcessor other = plane(1).resize(W + 1, H);
		ImageOutputs.writeTiff(new ImagePlus("b", other), new File(planes, "b.tif"));
		final Object[] r = MainTest.cli("denoise", "--model", model.getPath(), "--input", planes.getPath(), "--stack",
			"--output", new File(dir, "out").getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("b.tif"), r[2].toString());
		assertTrue(r[2].toString().contains("one size and type"), r[2].toString());
		assertEquals(0, new File(dir, "out").list().length, "no output and no temporary file");
	}
}
