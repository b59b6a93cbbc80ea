package sc.fiji.autoencoders.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.io.zarr.ArrayMetadata;
import sc.fiji.autoencoders.io.zarr.Codecs;
import sc.fiji.autoencoders.io.zarr.DataType;
import sc.fiji.autoencoders.io.zarr.NodeZarrita;
import sc.fiji.autoencoders.io.zarr.OmeAxis;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.ZarrArray;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Block-wise denoising of Zarr v3 / OME-NGFF 0.5 images: the output is v3 / 0.5 too (not sharded), with the values
 * of the same image denoised from Zarr v2, exactly; a resumed run writes only missing chunks; a sharded input (the
 * zarrita fixture) denoises into its inner chunks; zarrita reads the result.
 */
class ZarrV3DenoisingTest {

	private static final File MODEL_2D = new File("src/test/resources/fixtures/denoiser-v1.aemodel");

	@TempDir
	Path tmp;

	@Test
	void aV3ImageDenoisesAsItsV2CopyIntoV3AndResumes() throws Exception {
		final long[] shape = { 2, 2, 50, 61 };
		final int[] chunks = { 1, 2, 24, 21 };
		final double[] values = new double[2 * 2 * 50 * 61];
		for (int i = 0; i < values.length; i++)
			values[i] = 1000 + (i * 7919L) % 2000 + 30 * Math.sin(i * 0.01);
		final List<OmeAxis> axes = List.of(OmeAxis.of(Axis.C, null), OmeAxis.of(Axis.Z, "micrometer"), OmeAxis.of(
			Axis.Y, "micrometer"), OmeAxis.of(Axis.X, "micrometer"));
		final Path v2 = image(tmp.resolve("v2.ome.zarr"), axes, new ArrayMetadata(shape, chunks, DataType.parse("<u2"),
			Codecs.defaultCodec(DataType.parse("<u2")), 0, "/"), values);
		final Path v3 = image(tmp.resolve("v3.ome.zarr"), axes, ArrayMetadata.v3(shape, chunks, DataType.parseV3(
			"uint16", ByteOrder.LITTLE_ENDIAN), List.of(Codecs.zlib(5, true), Codecs.CRC32C_CODEC), 0, null), values);
		final Path out2 = tmp.resolve("out2.ome.zarr"), out3 = tmp.resolve("out3.ome.zarr");
		try (Denoiser d = new Denoiser(ModelFile.load(MODEL_2D))) {
			ZarrDenoising.denoise(v2, out2, d, ZarrDenoising.Existing.REFUSE, PredictionMonitor.NONE);
			ZarrDenoising.denoise(v3, out3, d, ZarrDenoising.Existing.REFUSE, PredictionMonitor.NONE);
			assertTrue(Files.isRegularFile(out3.resolve("zarr.json")) && !Files.exists(out3.resolve(".zattrs")));
			final JsonObject attrs = JsonParser.parseString(Files.readString(out3.resolve("zarr.json")))
				.getAsJsonObject().getAsJsonObject("attributes").getAsJsonObject("ome");
			assertEquals("0.5", attrs.get("version").getAsString());
			final OmeZarrImage a = OmeZarrImage.open(out2), b = OmeZarrImage.open(out3);
			assertEquals(3, b.level(0).metadata().format());
			assertEquals("[gzip, crc32c]", names(b.level(0).metadata()));
			assertEquals(a.levelCount(), b.levelCount());
			for (int k = 0; k < a.levelCount(); k++) {
				final long[] s = a.level(k).shape();
				assertArrayEquals(s, b.level(k).shape());
				final int[] size = { (int) s[0], (int) s[1], (int) s[2], (int) s[3] };
				assertArrayEquals(a.level(k).read(new long[4], size), b.level(k).read(new long[4], size), 0, "level " + k);
			}
			assertFalse(Double.isNaN(b.level(0).read(new long[4], new int[] { 1, 1, 1, 1 })[0]), "written");

			// resumed: nothing to write; a lost chunk of level 0 and one of level 1 are written again, byte for byte
			final Map<Path, FileTime> times = ZarrDenoisingTest.chunkTimes(out3);
			final Map<Path, byte[]> complete = ZarrDenoisingTest.chunkBytes(out3);
			Thread.sleep(20);
			for (final Block block : ZarrDenoising.plan(v3, out3, d, ZarrDenoising.Existing.RESUME, 1))
				assertEquals(0, ZarrDenoising.run(block, d, PredictionMonitor.NONE));
			assertEquals(0, ZarrDenoising.pyramid(out3));
			assertEquals(times, ZarrDenoisingTest.chunkTimes(out3));
			Files.delete(out3.resolve("0/c/1/0/1/2"));
			Files.delete(out3.resolve("1/c/0/0/0/1"));
			int written = 0;
			for (final Block block : ZarrDenoising.plan(v3, out3, d, ZarrDenoising.Existing.RESUME, 1))
				written += ZarrDenoising.run(block, d, PredictionMonitor.NONE);
			assertEquals(1, written);
			assertEquals(1, ZarrDenoising.pyramid(out3));
			final Map<Path, byte[]> resumed = ZarrDenoisingTest.chunkBytes(out3);
			assertEquals(complete.keySet(), resumed.keySet());
			for (final Path p : complete.keySet())
				assertArrayEquals(complete.get(p), resumed.get(p), p.toString());

			NodeZarrita.assumeAvailable();
			final JsonObject r = JsonParser.parseString(NodeZarrita.run("read", out3.resolve("0").toString()))
				.getAsJsonObject();
			assertEquals("[2,2,50,61]", r.get("shape").toString());
			assertEquals("[1,2,24,21]", r.get("chunks").toString());
			assertEquals("[\"c\",\"z\",\"y\",\"x\"]", r.get("dimension_names").toString());
			assertArrayEquals(b.level(0).read(new long[4], new int[] { 2, 2, 50, 61 }), doubles(r.getAsJsonArray(
				"values")), 0);
		}
	}

	@Test
	void aShardedInputDenoisesIntoItsInnerChunks() throws Exception {
		// the zarrita fixture's sharded array as level 0 of an OME-NGFF 0.5 image
		final Path in = tmp.resolve("sharded.ome.zarr");
		copy(Path.of("src/test/resources/zarr-v3/arrays.zarr/u2-sharded"), in.resolve("0"));
		final String group = Files.readString(Path.of("src/test/resources/zarr-v3/image.ome.zarr/zarr.json"));
		final JsonObject g = JsonParser.parseString(group).getAsJsonObject();
		final JsonArray datasets = g.getAsJsonObject("attributes").getAsJsonObject("ome").getAsJsonArray("multiscales")
			.get(0).getAsJsonObject().getAsJsonArray("datasets");
		datasets.remove(1);
		Files.writeString(in.resolve("zarr.json"), g.toString());
		final ZarrArray sharded = OmeZarrImage.open(in).level(0);
		final double[] values = sharded.read(new long[3], new int[] { 5, 13, 17 });
		final List<OmeAxis> axes = new ArrayList<>(OmeZarrImage.open(in).axes());
		final Path v2 = image(tmp.resolve("copy.ome.zarr"), axes, new ArrayMetadata(new long[] { 5, 13, 17 }, new int[] {
			2, 4, 5 }, DataType.parse("<u2"), null, 7, "/"), values);
		final Path out = tmp.resolve("out.ome.zarr"), out2 = tmp.resolve("out2.ome.zarr");
		try (Denoiser d = new Denoiser(ModelFile.load(MODEL_2D))) {
			ZarrDenoising.denoise(in, out, d, ZarrDenoising.Existing.REFUSE, PredictionMonitor.NONE);
			ZarrDenoising.denoise(v2, out2, d, ZarrDenoising.Existing.REFUSE, PredictionMonitor.NONE);
		}
		final ArrayMetadata m = OmeZarrImage.open(out).level(0).metadata();
		assertEquals(3, m.format());
		assertEquals(null, m.sharding(), "outputs are not sharded");
		assertArrayEquals(new int[] { 2, 4, 5 }, m.chunks(), "the input's inner chunks");
		assertEquals("[gzip]", names(m));
		assertTrue(Files.isRegularFile(out.resolve("0/c/2/3/3")), "one file per chunk");
		assertArrayEquals(OmeZarrImage.open(out2).level(0).read(new long[3], new int[] { 5, 13, 17 }), OmeZarrImage.open(
			out).level(0).read(new long[3], new int[] { 5, 13, 17 }), 0);
	}

	private static Path image(final Path root, final List<OmeAxis> axes, final ArrayMetadata meta,
		final double[] values)
	{
		final double[] scale = new double[meta.rank()], translation = new double[meta.rank()];
		java.util.Arrays.fill(scale, 0.5);
		final OmeZarrImage image = OmeZarrImage.create(root, "in", axes, meta, scale, translation);
		final long[] shape = meta.shape();
		final int[] size = new int[shape.length];
		for (int d = 0; d < size.length; d++)
			size[d] = (int) shape[d];
		image.level(0).write(new long[shape.length], size, values);
		return root;
	}

	private static String names(final ArrayMetadata m) {
		final List<String> names = new ArrayList<>();
		m.codecs().forEach(c -> names.add(c.toV3Json().get("name").getAsString()));
		return names.toString();
	}

	private static double[] doubles(final JsonArray a) {
		return a.asList().stream().mapToDouble(e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? Double
			.parseDouble(e.getAsString()) : e.getAsDouble()).toArray();
	}

	private static void copy(final Path from, final Path to) throws Exception {
		try (Stream<Path> all = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) all.sorted(Comparator.naturalOrder())::iterator) {
				final Path target = to.resolve(from.relativize(p).toString());
				Files.createDirectories(target.getParent());
				if (!Files.isDirectory(p)) Files.copy(p, target);
				else Files.createDirectories(target);
			}
		}
	}
}
