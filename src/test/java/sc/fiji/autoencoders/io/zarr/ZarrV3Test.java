package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;

/**
 * Zarr v3 and OME-NGFF 0.5 against zarrita: the fixtures of src/test/resources/zarr-v3 (written by zarrita, the shards
 * assembled by src/test/zarrita/zarrita.mjs after the spec; every codec, key encoding and fill this reader takes) read
 * back exactly here, missing chunks and inner chunks as the fill value; what cannot be read is refused with a message.
 */
class ZarrV3Test {

	static final Path FIXTURES = Path.of("src/test/resources/zarr-v3");
	private static final long[] SHAPE = { 5, 13, 17 };

	/** Each fixture's type and fill value. */
	private static final Map<String, Double> FILLS = Map.of("u2-gzip", 7.0, "u2-big-crc32c", 0.0, "u2-gzip-v2keys",
		7.0, "u2-sharded", 7.0, "u2-sharded-start", 7.0, "f4-zstd", Double.NaN, "f4-blosc", Double.NEGATIVE_INFINITY,
		"f4-raw", 1.5);

	@TempDir
	Path tmp;

	/** Element i of the fixtures (zarrita.mjs's uint16 and float32). */
	static double value(final String name, final int i) {
		return name.startsWith("u2") ? (i * 7919L) % 65536 : ((i * 37) % 1000 - 500) / 8.0;
	}

	/** What a fixture holds at (z, y, x): chunks with x >= 15 and inner chunk 1 of each shard are not stored. */
	static double expected(final String name, final int i) {
		final int x = i % 17, y = i / 17 % 13, z = i / 17 / 13;
		final boolean skipped = name.contains("sharded") && z / 2 % 2 == 0 && y / 4 % 2 == 0 && x / 5 % 2 == 1;
		return x >= 15 || skipped ? FILLS.get(name) : value(name, i);
	}

	@Test
	void readsEveryArrayZarritaWrote() {
		for (final String name : FILLS.keySet()) {
			final ZarrArray z = ZarrArray.open(FIXTURES.resolve("arrays.zarr").resolve(name));
			final ArrayMetadata m = z.metadata();
			assertEquals(3, m.format(), name);
			assertArrayEquals(SHAPE, m.shape(), name);
			assertArrayEquals(new int[] { 2, 4, 5 }, m.chunks(), name + ": inner chunks of a sharded one");
			assertEquals(name.startsWith("u2") ? "uint16" : "float32", m.type().v3Name(), name);
			assertEquals(List.of("z", "y", "x"), m.dimensionNames(), name);
			assertEquals(name.contains("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, m.type().order(), name);
			final double[] all = z.read(new long[3], new int[] { 5, 13, 17 });
			for (int i = 0; i < all.length; i++)
				assertEquals(expected(name, i), all[i], 0, name + " [" + i + "]");
			// an unaligned box across chunks (and shards)
			final double[] box = z.read(new long[] { 1, 3, 4 }, new int[] { 3, 8, 7 });
			for (int i = 0; i < 3; i++)
				for (int j = 0; j < 8; j++)
					for (int k = 0; k < 7; k++)
						assertEquals(expected(name, ((1 + i) * 13 + 3 + j) * 17 + 4 + k), box[(i * 8 + j) * 7 + k], 0, name);
			assertFalse(z.hasChunk(new long[] { 0, 0, 3 }), name);
			assertTrue(z.hasChunk(new long[] { 0, 0, 0 }), name);
			assertEquals(name.contains("sharded"), !z.hasChunk(new long[] { 0, 0, 1 }), name + ": inner chunk 1 missing");
		}
	}

	@Test
	void readsAnOme05ImageZarritaWrote() {
		final OmeZarrImage image = OmeZarrImage.open(FIXTURES.resolve("image.ome.zarr"));
		assertEquals(List.of(Axis.Z, Axis.Y, Axis.X), image.imageAxes());
		assertEquals("micrometer", image.axes().get(2).unit());
		assertEquals("zarrita", image.multiscale().name());
		assertEquals(2, image.levelCount());
		assertArrayEquals(new double[] { 2, 1, 1 }, image.multiscale().levels().get(1).scale(), 0);
		assertArrayEquals(new double[] { 0, 0.25, 0.25 }, image.multiscale().levels().get(1).translation(), 0);
		final double[] level0 = image.level(0).read(new long[3], new int[] { 5, 13, 17 });
		for (int i = 0; i < level0.length; i++)
			assertEquals(value("u2", i), level0[i], 0);
		assertArrayEquals(new long[] { 5, 7, 9 }, image.level(1).shape());
	}

	@Test
	void anArrayOrAGroupWithoutOmeMetadataIsNoImage() {
		assertMessage(() -> OmeZarrImage.open(FIXTURES.resolve("arrays.zarr/u2-gzip")), "plain Zarr array");
		assertMessage(() -> OmeZarrImage.open(FIXTURES.resolve("arrays.zarr")), "no 'multiscales'");
	}

	@Test
	void refusesWhatItCannotReadWithAMessage() throws Exception {
		final Path dir = copy("u2-gzip");
		final String good = Files.readString(dir.resolve("zarr.json"));
		assertRefused(dir, good.replace("\"bytes\",", "\"transpose\", \"configuration\": {\"order\": [2, 1, 0]}}, " +
			"{\"name\": \"bytes\","), "transpose");
		assertRefused(dir, good.replace("\"gzip\"", "\"lz4\""), "codec 'lz4'");
		assertRefused(dir, good.replace("\"uint16\"", "\"complex64\""), "data_type 'complex64'");
		assertRefused(dir, good.replace("\"regular\"", "\"rectilinear\""), "regular");
		assertRefused(dir, good.replace("\"default\"", "\"other\""), "chunk_key_encoding");
		assertRefused(dir, good.replace("\"array\"", "\"group\""), "not an array");
		assertRefused(dir, good.replace("\"codecs\": [", "\"codecs\": [{\"name\": \"bytes\"},"), "two array-to-bytes");
		assertRefused(dir, good.replace("\"level\": 5", "\"level\": 5}}, {\"name\": \"zstd\", \"configuration\": " +
			"{\"level\": 1"), "twice");
		assertRefused(dir, good.replace("\"shape\"", "\"shap\""), "malformed");
		final Path sharded = copy("u2-sharded");
		final String shardJson = Files.readString(sharded.resolve("zarr.json"));
		assertRefused(sharded, shardJson.replace("\"crc32c\"", "\"gzip\""), "index codecs");
		assertRefused(sharded, shardJson.replace("\"end\"", "\"middle\""), "index_location");
		// the inner chunks (2, 4, 5) become (3, 4, 5) in shards of (4, 8, 10)
		assertRefused(sharded, shardJson.replaceAll("(\"chunk_shape\": \\[\\s*)2,", "$13,"), "not whole inner chunks");
	}

	@Test
	void corruptChunksAndShardsNameTheFile() throws Exception {
		final Path crc = copy("u2-big-crc32c");
		final Path chunk = crc.resolve("c/0/0/0");
		final byte[] b = Files.readAllBytes(chunk);
		b[3] ^= 1;
		Files.write(chunk, b);
		assertMessage(() -> ZarrArray.open(crc).read(new long[3], new int[] { 1, 1, 1 }), chunk.toString());
		final Path sharded = copy("u2-sharded");
		final Path shard = sharded.resolve("c/0/0/0");
		final byte[] s = Files.readAllBytes(shard);
		s[s.length - 10] ^= 1; // in the index
		Files.write(shard, s);
		assertMessage(() -> ZarrArray.open(sharded).read(new long[3], new int[] { 1, 1, 1 }), "Zarr shard " + shard +
			" is corrupt (the shard index's crc32c");
		final ZarrArray z = ZarrArray.open(sharded);
		assertMessage(() -> z.write(new long[3], new int[] { 1, 1, 1 }, new double[1]), "sharded");
	}

	private Path copy(final String name) throws Exception {
		final Path from = FIXTURES.resolve("arrays.zarr").resolve(name), to = tmp.resolve(name);
		try (Stream<Path> all = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) all.sorted(Comparator.naturalOrder())::iterator)
				Files.copy(p, to.resolve(from.relativize(p).toString()));
		}
		return to;
	}

	private static void assertRefused(final Path dir, final String json, final String expected) throws Exception {
		Files.writeString(dir.resolve("zarr.json"), json);
		final BadInputException e = assertThrows(BadInputException.class, () -> ZarrArray.open(dir));
		assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(dir.toString()), e.getMessage());
	}

	static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String expected) {
		final BadInputException e = assertThrows(BadInputException.class, call);
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
