package sc.fiji.autoencoders.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.PythonZarr;
import sc.fiji.autoencoders.io.zarr.ZarrArray;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.denoising.AxisDenoising;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Block-wise denoising of python-written OME-Zarr images with the committed fixture models: the result equals
 * {@link Autoencoders#denoise} of the same image in memory, python reads it back with the input's shape, chunks and
 * voxel sizes and with its pyramid, and a resumed rerun rewrites nothing and completes an interrupted one exactly.
 */
class ZarrDenoisingTest {

	private static final File MODEL_2D = new File("src/test/resources/fixtures/denoiser-v1.aemodel");
	private static final File MODEL_3D = new File("src/test/resources/fixtures/denoiser3d-v1.aemodel");

	@TempDir
	Path tmp;

	@Test
	void twoDimensionalModelBlockByBlockEqualsInMemoryAndResumes() throws Exception {
		PythonZarr.assumeAvailable();
		final Path in = tmp.resolve("in.ome.zarr"), out = tmp.resolve("out.ome.zarr");
		PythonZarr.run("write_image.py", in.toString(), "<u2", "czyx", "2,2,50,61", "1,2,24,21");
		final AutoencoderModel model = ModelFile.load(MODEL_2D);
		try (Denoiser d = new Denoiser(model)) {
			final List<Block> blocks = ZarrDenoising.plan(in, out, d, ZarrDenoising.Existing.REFUSE, 1);
			assertEquals(2 * 1 * 3 * 3, blocks.size());
			assertTrue(blocks.get(0).halo()[3] > 0 && blocks.get(0).halo()[1] == 0, "halo in x and y only: " + blocks
				.get(0));
			for (final Block b : blocks)
				assertTrue(ZarrDenoising.run(b, d, PredictionMonitor.NONE) > 0);
			assertEquals(2 * 1 * (2 * 2 + 1), ZarrDenoising.pyramid(out), "levels 25x31 (2x2 chunks), 13x16 (1)");

			assertEqualsInMemory(in, out, model, 2);
			checkPythonReadsIt(out, new long[] { 2, 2, 50, 61 }, new int[] { 1, 2, 24, 21 }, 3, new double[] { 1, 2, 0.5,
				0.5 });

			// a rerun with resume writes no chunk
			final Map<Path, FileTime> before = chunkTimes(out);
			Thread.sleep(20);
			for (final Block b : ZarrDenoising.plan(in, out, d, ZarrDenoising.Existing.RESUME, 1))
				assertEquals(0, ZarrDenoising.run(b, d, PredictionMonitor.NONE));
			assertEquals(0, ZarrDenoising.pyramid(out));
			assertEquals(before, chunkTimes(out));

			// an interrupted run (chunks of level 0 and the pyramid lost) resumes to the same result, byte for byte
			final Map<Path, byte[]> complete = chunkBytes(out);
			Files.delete(out.resolve("0/1/0/1/2"));
			Files.delete(out.resolve("0/0/0/2/0"));
			Files.delete(out.resolve("1/1/0/0/1"));
			Files.delete(out.resolve("2/0/0/0/0"));
			final List<Block> again = ZarrDenoising.plan(in, out, d, ZarrDenoising.Existing.RESUME, 1);
			int written = 0;
			for (final Block b : again)
				written += ZarrDenoising.run(b, d, PredictionMonitor.NONE);
			assertEquals(2, written);
			assertEquals(2, ZarrDenoising.pyramid(out));
			final Map<Path, byte[]> resumed = chunkBytes(out);
			assertEquals(complete.keySet(), resumed.keySet());
			for (final Path p : complete.keySet())
				assertArrayEquals(complete.get(p), resumed.get(p), p.toString());

			// an existing output is refused unless resumed or replaced
			final BadInputException e = assertThrows(BadInputException.class, () -> ZarrDenoising.plan(in, out, d,
				ZarrDenoising.Existing.REFUSE, 1));
			assertTrue(e.getMessage().contains("exists") && e.getMessage().contains("--resume"), e.getMessage());
			ZarrDenoising.plan(in, out, d, ZarrDenoising.Existing.OVERWRITE, 2);
			assertTrue(chunkTimes(out).isEmpty(), "replaced: no chunk left");
		}
	}

	@Test
	void threeDimensionalModelBlockByBlockEqualsInMemory() throws Exception {
		PythonZarr.assumeAvailable();
		final Path in = tmp.resolve("vol.ome.zarr"), out = tmp.resolve("vol-out.ome.zarr");
		PythonZarr.run("write_image.py", in.toString(), "<f4", "zyx", "8,16,72", "8,16,24");
		final AutoencoderModel model = ModelFile.load(MODEL_3D);
		try (Denoiser d = new Denoiser(model)) {
			final List<Block> blocks = ZarrDenoising.plan(in, out, d, ZarrDenoising.Existing.REFUSE, 1);
			assertEquals(3, blocks.size());
			assertTrue(blocks.get(0).halo()[0] > 0 && blocks.get(0).multiple()[2] == 4, "a halo in z, pooling in x: " +
				blocks.get(0));
			for (final Block b : blocks)
				ZarrDenoising.run(b, d, PredictionMonitor.NONE);
			ZarrDenoising.pyramid(out);
			assertEqualsInMemory(in, out, model, 3);
			checkPythonReadsIt(out, new long[] { 8, 16, 72 }, new int[] { 8, 16, 24 }, 3, new double[] { 2, 0.5, 0.5 });
		}
	}

	@Test
	void aThreeDimensionalModelOnPlaneChunksRunsBlocksManyPlanesDeep() throws Exception {
		PythonZarr.assumeAvailable();
		final Path in = tmp.resolve("planes.ome.zarr"), out = tmp.resolve("planes-out.ome.zarr");
		PythonZarr.run("write_image.py", in.toString(), "<f4", "zyx", "20,16,24", "1,16,24");
		final AutoencoderModel model = ModelFile.load(MODEL_3D);
		try (Denoiser d = new Denoiser(model)) {
			final List<Block> blocks = ZarrDenoising.plan(in, out, d, ZarrDenoising.Existing.REFUSE, 1);
			final int halo = blocks.get(0).halo()[0];
			assertTrue(halo > 0, blocks.get(0).toString());
			// each block at least 8 x halo planes deep (or the whole volume): the halo is at most a quarter of the work
			assertEquals(Math.min(20, 8 * halo), blocks.get(0).size()[0], blocks.toString());
			assertEquals((20 + 8 * halo - 1) / (8 * halo), blocks.size(), blocks.toString());
			for (final Block b : blocks)
				ZarrDenoising.run(b, d, PredictionMonitor.NONE);
			ZarrDenoising.pyramid(out);
			assertEqualsInMemory(in, out, model, 3);
		}
	}

	@Test
	void axesTheModelCannotTakeAreRefused() throws Exception {
		PythonZarr.assumeAvailable();
		final Path in = tmp.resolve("planes.ome.zarr");
		PythonZarr.run("write_image.py", in.toString(), "|u1", "cyx", "2,20,20", "1,10,10");
		try (Denoiser d = new Denoiser(ModelFile.load(MODEL_3D))) {
			final BadInputException e = assertThrows(BadInputException.class, () -> ZarrDenoising.plan(in, tmp.resolve(
				"o.zarr"), d, ZarrDenoising.Existing.REFUSE, 1));
			assertTrue(e.getMessage().contains("without z"), e.getMessage());
		}
		assertTrue(!Files.exists(tmp.resolve("o.zarr")), "nothing written");
	}

	/** The Zarr result equals the in-memory denoising of the whole input within 1e-5 of the model's data range. */
	private static void assertEqualsInMemory(final Path in, final Path out, final AutoencoderModel model,
		final int modelDims) throws Exception
	{
		final ZarrArray input = OmeZarrImage.open(in).level(0), output = OmeZarrImage.open(out).level(0);
		final long[] shape = input.shape();
		final int[] size = new int[shape.length];
		final long[] dims = new long[shape.length];
		for (int d = 0; d < shape.length; d++)
			dims[shape.length - 1 - d] = size[d] = (int) shape[d];
		final List<Axis> axes = new ArrayList<>(OmeZarrImage.open(in).imageAxes());
		Collections.reverse(axes);
		final double[] raw = input.read(new long[shape.length], size);
		final AxisImage<FloatType> expected = AxisDenoising.denoise(AxisImage.of(ArrayImgs.doubles(raw, dims), axes
			.toArray(new Axis[0])), modelDims == 3 ? MODEL_3D : MODEL_2D);
		final double[] actual = output.read(new long[shape.length], size);
		final float[] e = new float[actual.length];
		int i = 0;
		for (final FloatType v : Views.flatIterable(expected.data()))
			e[i++] = v.get();
		final double range = model.normalization.high() - model.normalization.low();
		double maxDiff = 0, change = 0;
		for (i = 0; i < e.length; i++) {
			maxDiff = Math.max(maxDiff, Math.abs(actual[i] - e[i]));
			change += Math.abs(e[i] - raw[i]) / e.length;
		}
		assertTrue(change > 10 * 1e-5 * range, "the model changes its input (mean " + change + ") by more than the " +
			"tolerance, so the comparison means something");
		assertTrue(maxDiff <= 1e-5 * range, "largest difference " + maxDiff + " (data range " + range + ")");
	}

	/** python-zarr reads the output with the input's shape, chunks and voxel sizes, and the pyramid's levels. */
	private static void checkPythonReadsIt(final Path out, final long[] shape, final int[] chunks, final int levels,
		final double[] scale) throws Exception
	{
		final JsonObject py = JsonParser.parseString(PythonZarr.run("read_ome.py", out.toString())).getAsJsonObject();
		final JsonArray l = py.getAsJsonArray("levels");
		assertEquals(levels, l.size(), py.toString());
		final JsonObject l0 = l.get(0).getAsJsonObject();
		assertEquals(toJson(shape), l0.get("shape").toString());
		assertEquals(toJson(chunks), l0.get("chunks").toString());
		assertEquals(toJson(scale), l0.get("scale").toString());
		assertTrue(py.get("axes").toString().contains("\"unit\":\"micrometer\""), py.get("axes").toString());
		for (int k = 1; k < levels; k++)
			assertTrue(l.get(k).getAsJsonObject().get("mean_error").getAsDouble() < 1e-3, l.get(k).toString());
	}

	private static String toJson(final Object array) {
		final String s = array instanceof long[] ? java.util.Arrays.toString((long[]) array) : array instanceof int[]
			? java.util.Arrays.toString((int[]) array) : java.util.Arrays.toString((double[]) array);
		return s.replace(" ", "");
	}

	static Map<Path, FileTime> chunkTimes(final Path root) throws Exception {
		final Map<Path, FileTime> m = new TreeMap<>();
		for (final Path p : chunks(root))
			m.put(p, Files.getLastModifiedTime(p));
		return m;
	}

	static Map<Path, byte[]> chunkBytes(final Path root) throws Exception {
		final Map<Path, byte[]> m = new TreeMap<>();
		for (final Path p : chunks(root))
			m.put(p, Files.readAllBytes(p));
		return m;
	}

	/** The chunk files under {@code root}: not the metadata (Zarr v2's dot files, v3's zarr.json). */
	private static List<Path> chunks(final Path root) throws Exception {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".") && !p
				.getFileName().toString().equals("zarr.json")).collect(Collectors.toList());
		}
	}
}
