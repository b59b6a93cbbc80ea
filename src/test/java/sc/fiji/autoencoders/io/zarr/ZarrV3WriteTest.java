package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import sc.fiji.autoencoders.image.Axis;

/**
 * What this layer writes as Zarr v3 (not sharded) and OME-NGFF 0.5: zarrita reads every type and codec chain back
 * exactly, and the image's attributes validate against the OME-NGFF 0.5 schema (../shared/spec).
 */
class ZarrV3WriteTest {

	static final File SCHEMA = new File("../shared/spec/ome-ngff/0.5/image.schema");
	static JsonSchema schema, strict;

	private static final String[] TYPES = { "bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64",
		"int64", "float32", "float64" };

	@TempDir
	Path tmp;

	@BeforeAll
	static void loadSchema() throws Exception {
		assertTrue(SCHEMA.isFile(), "the OME-NGFF schema is at " + SCHEMA.getAbsolutePath() + " (../shared/spec)");
		// the schemas refer to each other by their URLs: read them from the folder instead (no network)
		final JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaMappers(
			m -> m.mapPrefix("https://ngff.openmicroscopy.org/0.5/schemas/", SCHEMA.getAbsoluteFile().getParentFile()
				.toURI().toString())));
		schema = f.getSchema(Files.readString(SCHEMA.toPath()));
		strict = f.getSchema(Files.readString(SCHEMA.toPath().resolveSibling("strict_image.schema")));
	}

	@Test
	void zarritaReadsEveryTypeAndCodecWrittenHere() throws Exception {
		final List<List<Codec>> chains = List.of(List.of(), List.of(Codecs.zlib(5, true)), List.of(Codecs.zstd(3)),
			List.of(Codecs.zstd(3, true), Codecs.CRC32C_CODEC), List.of(Codecs.blosc("lz4", 5, 1, 1)), List.of(Codecs
				.blosc("zstd", 3, 2, 1), Codecs.CRC32C_CODEC), List.of(Codecs.CRC32C_CODEC, Codecs.zlib(1, true)), List.of(
					Codecs.CRC32C_CODEC), List.of(Codecs.zlib(5, false)));
		final Random random = new Random(5);
		final long[] shape = { 3, 11, 14 };
		final List<double[]> written = new ArrayList<>();
		final List<Path> arrays = new ArrayList<>();
		int n = 0;
		for (final String name : TYPES) {
			for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
				final DataType t = DataType.parseV3(name, order);
				if (t.size() == 1 && order == ByteOrder.BIG_ENDIAN) continue;
				final List<Codec> chain = new ArrayList<>();
				for (final Codec c : chains.get(n % chains.size()))
					chain.add(c.forItemSize(t.size()));
				final double fill = t.isFloat() ? Double.NaN : t.isBool() ? 1 : 3;
				final Path dir = tmp.resolve(String.format("a%03d", n++));
				final ZarrArray z = ZarrArray.create(dir, ArrayMetadata.v3(shape, new int[] { 2, 4, 5 }, t, chain, fill,
					List.of("z", "y", "x")));
				final double[] all = new double[3 * 11 * 14];
				for (int i = 0; i < all.length; i++)
					all[i] = i % 14 >= 10 ? fill : value(t, random);
				final int w = 10;
				final double[] left = new double[3 * 11 * w];
				for (int r = 0; r < 3 * 11; r++)
					System.arraycopy(all, r * 14, left, r * w, w);
				z.write(new long[3], new int[] { 3, 11, w }, left); // chunks of x >= 10 stay missing
				assertFalse(z.hasChunk(new long[] { 0, 0, 2 }));
				assertEquals(fill, z.read(new long[] { 0, 0, 13 }, new int[] { 1, 1, 1 })[0], 0);
				assertArrayEquals(all, ZarrArray.open(dir).read(new long[3], new int[] { 3, 11, 14 }), 0, dir.toString());
				written.add(all);
				arrays.add(dir);
			}
		}
		assertTrue(Files.isRegularFile(arrays.get(0).resolve("c/0/0/0")), "chunk keys c/z/y/x");
		NodeZarrita.assumeAvailable();
		for (int k = 0; k < arrays.size(); k++) {
			final JsonObject r = JsonParser.parseString(NodeZarrita.run("read", arrays.get(k).toString()))
				.getAsJsonObject();
			final String what = arrays.get(k) + " " + Files.readString(arrays.get(k).resolve("zarr.json"));
			assertEquals("[3,11,14]", r.get("shape").toString(), what);
			assertEquals("[2,4,5]", r.get("chunks").toString(), what);
			assertEquals("[\"z\",\"y\",\"x\"]", r.get("dimension_names").toString(), what);
			assertArrayEquals(written.get(k), values(r.getAsJsonArray("values")), 0, what);
		}
	}

	@Test
	void writtenOme05ImageValidatesAndZarritaReadsItsLevels() throws Exception {
		final Path root = tmp.resolve("out.ome.zarr");
		final List<OmeAxis> axes = List.of(OmeAxis.of(Axis.C, null), OmeAxis.of(Axis.Y, "micrometer"), OmeAxis.of(
			Axis.X, "micrometer"));
		final ArrayMetadata meta = ArrayMetadata.v3(new long[] { 2, 40, 30 }, new int[] { 1, 16, 16 },
			DataType.FLOAT32, List.of(Codecs.zstd(1)), Double.NaN, null);
		final OmeZarrImage image = OmeZarrImage.create(root, "test", axes, meta, new double[] { 1, 0.5, 0.5 },
			new double[] { 0, 3, 4 });
		final double[] values = new double[2 * 40 * 30];
		for (int i = 0; i < values.length; i++)
			values[i] = i % 97 - 40.5;
		image.level(0).write(new long[3], new int[] { 2, 40, 30 }, values);
		Pyramid.build(image, false);
		assertEquals(3, image.levelCount(), "40 x 30, 20 x 15, 10 x 8");
		assertFalse(Files.exists(root.resolve(".zattrs")) || Files.exists(root.resolve(".zgroup")), "no v2 files");
		final JsonObject group = JsonParser.parseString(Files.readString(root.resolve("zarr.json"))).getAsJsonObject();
		assertEquals(3, group.get("zarr_format").getAsInt());
		assertEquals("group", group.get("node_type").getAsString());
		final String attrs = group.get("attributes").toString();
		final Set<ValidationMessage> errors = schema.validate(attrs, InputFormat.JSON);
		assertTrue(errors.isEmpty(), errors + "\n" + attrs);
		assertEquals(Set.of(), strict.validate(attrs, InputFormat.JSON), "the strict schema too");
		assertFalse(schema.validate(attrs.replace("\"0.5\"", "\"0.4\""), InputFormat.JSON).isEmpty(), "the schema " +
			"is applied: it requires version 0.5");
		final OmeZarrImage again = OmeZarrImage.open(root);
		assertEquals(List.of(Axis.C, Axis.Y, Axis.X), again.imageAxes());
		assertArrayEquals(new double[] { 1, 1, 1 }, again.multiscale().levels().get(1).scale(), 0);
		assertEquals(List.of("c", "y", "x"), again.level(2).metadata().dimensionNames());

		NodeZarrita.assumeAvailable();
		final long[][] shapes = { { 2, 40, 30 }, { 2, 20, 15 }, { 2, 10, 8 } };
		for (int k = 0; k < 3; k++) {
			final JsonObject r = JsonParser.parseString(NodeZarrita.run("read", root.resolve(Integer.toString(k))
				.toString())).getAsJsonObject();
			assertArrayEquals(shapes[k], r.get("shape").getAsJsonArray().asList().stream().mapToLong(
				JsonElement::getAsLong).toArray());
			assertEquals("[\"bytes\",\"zstd\"]", r.get("codecs").toString());
			final int[] size = { 2, (int) shapes[k][1], (int) shapes[k][2] };
			assertArrayEquals(again.level(k).read(new long[3], size), values(r.getAsJsonArray("values")), 0, "level " +
				k);
		}
	}

	/** zarrita's values: numbers, booleans, and strings for NaN and 64-bit integers. */
	private static double[] values(final JsonArray a) {
		final double[] v = new double[a.size()];
		for (int i = 0; i < v.length; i++) {
			final JsonElement e = a.get(i);
			v[i] = e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() ? 1 : 0 : e.getAsJsonPrimitive().isString()
				? Double.parseDouble(e.getAsString()) : e.getAsDouble();
		}
		return v;
	}

	private static double value(final DataType t, final Random r) {
		if (t.isBool()) return r.nextBoolean() ? 1 : 0;
		if (t.isFloat()) return t.size() == 4 ? (float) (r.nextGaussian() * 1e3) : r.nextGaussian() * 1e6;
		// 64-bit integers: values a double holds exactly (up to 2^53), as images have
		final int bits = Math.min(8 * t.size(), 53);
		final boolean unsigned = t.v3Name().startsWith("u");
		final long span = 1L << bits;
		return (unsigned ? 0 : t.size() == 8 ? -(span / 2) : -(1L << (8 * t.size() - 1))) + (long) (r.nextDouble() *
			span);
	}
}
