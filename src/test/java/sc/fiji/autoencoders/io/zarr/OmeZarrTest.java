package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;

/**
 * OME-NGFF 0.4 images: what this layer writes validates against the official schema and python-zarr reads its
 * shape, chunks, scales and pyramid levels (each the 2x2 mean of the one before); an image python wrote reads here
 * with its axes, units and voxel sizes.
 */
class OmeZarrTest {

	static final File SCHEMA = new File("../shared/spec/ome-ngff/0.4/image.schema");
	static JsonSchema schema, strict;

	@TempDir
	Path tmp;

	@BeforeAll
	static void loadSchema() throws Exception {
		assertTrue(SCHEMA.isFile(), "the OME-NGFF schema is at " + SCHEMA.getAbsolutePath() + " (../shared/spec)");
		schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA
			.toPath()));
		// the strict schema refers to the other by its URL: read it from the folder instead (no network)
		strict = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaMappers(m -> m.mapPrefix(
			"https://ngff.openmicroscopy.org/0.4/schemas/", SCHEMA.getAbsoluteFile().getParentFile().toURI().toString())))
			.getSchema(Files.readString(SCHEMA.toPath().resolveSibling("strict_image.schema")));
	}

	/** The validator's control: it accepts the spec's example and rejects it broken. */
	@Test
	void theSchemaTellsValidFromInvalid() throws Exception {
		final String example = Files.readString(SCHEMA.toPath().resolveSibling("multiscales_example.json"))
			.replaceAll("//[^\n]*", "");
		assertEquals(Set.of(), schema.validate(example, InputFormat.JSON));
		assertFalse(schema.validate(example.replace("\"0.4\"", "\"0.3\""), InputFormat.JSON).isEmpty());
		assertFalse(schema.validate(example.replace("\"type\": \"scale\"", "\"type\": \"scal\""), InputFormat.JSON)
			.isEmpty());
	}

	@Test
	void writtenImageValidatesAndPythonReadsItsLevels() throws Exception {
		final Path root = tmp.resolve("out.ome.zarr");
		final List<OmeAxis> axes = List.of(OmeAxis.of(Axis.C, null), OmeAxis.of(Axis.Z, "micrometer"), OmeAxis.of(
			Axis.Y, "micrometer"), OmeAxis.of(Axis.X, "micrometer"));
		final long[] shape = { 2, 3, 70, 45 };
		final ArrayMetadata meta = new ArrayMetadata(shape, new int[] { 1, 2, 16, 10 }, DataType.FLOAT32, Codecs
			.defaultCodec(DataType.FLOAT32), Double.NaN, "/");
		final OmeZarrImage image = OmeZarrImage.create(root, "test", axes, meta, new double[] { 1, 2, 0.5, 0.5 },
			new double[] { 0, 0, 10, 20 });
		final double[] values = new double[2 * 3 * 70 * 45];
		final Random r = new Random(1);
		for (int i = 0; i < values.length; i++)
			values[i] = (float) (r.nextGaussian() * 100);
		image.level(0).write(new long[4], new int[] { 2, 3, 70, 45 }, values);
		final long written = Pyramid.build(image, false);
		// levels: 70x45, 35x23, 18x12, 9x6 (the first whose y and x fit in a 16x10 chunk)
		assertEquals(4, image.levelCount());
		assertEquals(2 * 2 * (3 * 3 + 2 * 2 + 1), written, "chunks of levels 1-3");
		assertEquals(0, Pyramid.build(image, true), "a resumed build writes nothing");
		// a cluster's build: each level in ranges of chunks (uneven, one empty), level after level, gives the same
		final Path copy = tmp.resolve("ranges.ome.zarr");
		final OmeZarrImage ranged = OmeZarrImage.create(copy, "test", axes, meta, new double[] { 1, 2, 0.5, 0.5 },
			new double[] { 0, 0, 10, 20 });
		ranged.level(0).write(new long[4], new int[] { 2, 3, 70, 45 }, values);
		long inRanges = 0;
		for (int k = 1; k < ranged.levelCount(); k++) {
			final long n = Pyramid.chunkCount(ranged, k);
			for (final long[] range : new long[][] { { 0, 3 }, { 3, 3 }, { 3, n / 2 + 1 }, { n / 2 + 1, n } })
				inRanges += Pyramid.build(ranged, k, range[0], Math.min(range[1], n), false);
		}
		assertEquals(written, inRanges);
		for (int k = 1; k < 4; k++) {
			final long[] s = image.level(k).shape();
			final int[] size = { (int) s[0], (int) s[1], (int) s[2], (int) s[3] };
			assertArrayEquals(image.level(k).read(new long[4], size), ranged.level(k).read(new long[4], size), 0,
				"level " + k);
		}

		final String attrs = Files.readString(root.resolve(".zattrs"));
		final Set<ValidationMessage> errors = schema.validate(attrs, InputFormat.JSON);
		assertTrue(errors.isEmpty(), errors + "\n" + attrs);
		assertEquals(Set.of(), strict.validate(attrs, InputFormat.JSON), "the strict schema too");
		assertFalse(strict.validate(attrs.replace("\"type\": \"mean\",", ""), InputFormat.JSON).isEmpty(), "the strict " +
			"schema is applied: it requires the multiscale's type");

		PythonZarr.assumeAvailable();
		final JsonObject py = JsonParser.parseString(PythonZarr.run("read_ome.py", root.toString())).getAsJsonObject();
		assertEquals("[{\"name\":\"c\",\"type\":\"channel\"},{\"name\":\"z\",\"type\":\"space\",\"unit\":\"micrometer\"}," +
			"{\"name\":\"y\",\"type\":\"space\",\"unit\":\"micrometer\"},{\"name\":\"x\",\"type\":\"space\",\"unit\":" +
			"\"micrometer\"}]", py.get("axes").toString());
		final JsonArray levels = py.getAsJsonArray("levels");
		final long[][] shapes = { { 2, 3, 70, 45 }, { 2, 3, 35, 23 }, { 2, 3, 18, 12 }, { 2, 3, 9, 6 } };
		final int[][] chunks = { { 1, 2, 16, 10 }, { 1, 2, 16, 10 }, { 1, 2, 16, 10 }, { 1, 2, 9, 6 } };
		for (int k = 0; k < 4; k++) {
			final JsonObject l = levels.get(k).getAsJsonObject();
			assertEquals(Integer.toString(k), l.get("path").getAsString());
			assertArrayEquals(shapes[k], longs(l.get("shape")));
			assertArrayEquals(chunks[k], ints(l.get("chunks")));
			assertEquals("<f4", l.get("dtype").getAsString());
			final double f = 1 << k;
			assertArrayEquals(new double[] { 1, 2, 0.5 * f, 0.5 * f }, doubles(l.get("scale")), 0);
			assertArrayEquals(new double[] { 0, 0, 10 + (f - 1) / 4, 20 + (f - 1) / 4 }, doubles(l.get("translation")),
				1e-12);
			if (k > 0) assertTrue(l.get("mean_error").getAsDouble() < 1e-4, "level " + k + " is the 2x2 mean of the " +
				"level before (float32 rounding): " + l);
		}
		// and back here
		final OmeZarrImage again = OmeZarrImage.open(root);
		assertEquals(List.of(Axis.C, Axis.Z, Axis.Y, Axis.X), again.imageAxes());
		assertArrayEquals(new double[] { 1, 2, 1, 1 }, again.multiscale().levels().get(1).scale(), 0);
	}

	@Test
	void readsAnImagePythonWrote() throws Exception {
		PythonZarr.assumeAvailable();
		final Path root = tmp.resolve("py.ome.zarr");
		PythonZarr.run("write_ome.py", root.toString(), ">i2");
		final OmeZarrImage image = OmeZarrImage.open(root);
		assertEquals(List.of(Axis.T, Axis.C, Axis.Z, Axis.Y, Axis.X), image.imageAxes());
		assertEquals("second", image.axes().get(0).unit());
		assertNull(image.axes().get(1).unit());
		assertEquals("micrometer", image.axes().get(4).unit());
		assertEquals(2, image.levelCount());
		assertArrayEquals(new double[] { 30, 1, 2, 0.25, 0.25 }, image.multiscale().levels().get(0).scale(), 0);
		assertArrayEquals(new double[] { 30, 1, 2, 0.5, 0.5 }, image.multiscale().levels().get(1).scale(), 0);
		assertArrayEquals(new double[] { 0, 0, 0, 0.125, 0.125 }, image.multiscale().levels().get(1).translation(), 0);
		assertEquals("/", image.level(0).metadata().separator());
		assertArrayEquals(PythonZarr.doubles(tmp.resolve("py.ome.zarr.f8")), image.level(0).read(new long[5],
			new int[] { 2, 2, 3, 37, 45 }), 0);
	}

	@Test
	void badMetadataGetsAMessage() throws Exception {
		final Path root = tmp.resolve("bad.zarr");
		final OmeZarrImage image = OmeZarrImage.create(root, null, List.of(OmeAxis.of(Axis.Y, null), OmeAxis.of(Axis.X,
			null)), new ArrayMetadata(new long[] { 4, 4 }, new int[] { 4, 4 }, DataType.UINT8, null, 0, "."),
			new double[] { 1, 1 }, new double[2]);
		assertEquals(1, image.levelCount());
		final Path attrs = root.resolve(".zattrs");
		final String good = Files.readString(attrs);
		assertRefused(root, good.replace("multiscales", "multiscale"), "no 'multiscales'");
		assertRefused(root, good.replace("\"axes\"", "\"axis\""), "malformed");
		assertRefused(root, good.replace("\"name\": \"y\"", "\"name\": \"x\""), "twice");
		assertRefused(root, good.replace("1.0,", "-1.0,"), "positive");
		Files.writeString(attrs, good.replace("\"name\": \"y\"", "\"name\": \"q\""));
		assertMessage(() -> OmeZarrImage.open(root).imageAxes(), "axis 'q'");
		Files.delete(attrs);
		assertMessage(() -> OmeZarrImage.open(root), "not an OME-Zarr image");
		assertMessage(() -> OmeZarrImage.open(root.resolve("0")), "plain Zarr array");
		assertMessage(() -> OmeZarrImage.open(tmp.resolve("none")), "not a folder");
	}

	private static void assertRefused(final Path root, final String attrs, final String expected) throws Exception {
		Files.writeString(root.resolve(".zattrs"), attrs);
		assertMessage(() -> OmeZarrImage.open(root), expected);
	}

	private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String expected) {
		final BadInputException e = assertThrows(BadInputException.class, call);
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}

	private static long[] longs(final JsonElement a) {
		return a.getAsJsonArray().asList().stream().mapToLong(JsonElement::getAsLong).toArray();
	}

	private static int[] ints(final JsonElement a) {
		return a.getAsJsonArray().asList().stream().mapToInt(JsonElement::getAsInt).toArray();
	}

	private static double[] doubles(final JsonElement a) {
		return a.getAsJsonArray().asList().stream().mapToDouble(JsonElement::getAsDouble).toArray();
	}
}
