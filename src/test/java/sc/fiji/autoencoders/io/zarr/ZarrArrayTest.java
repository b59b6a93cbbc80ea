package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The Zarr v2 layer against python-zarr 2 (Debian's python3-zarr): every dtype, compressor and separator that
 * python writes reads back exactly here, missing chunks as the fill value; what this layer writes python reads exactly.
 */
class ZarrArrayTest {

	private static final String[] DTYPES = { "|u1", "|i1", "<u2", ">u2", "<i2", "<u4", "<i4", "<f4", ">f4", "<f8" };

	@TempDir
	Path tmp;

	@Test
	void readsEveryDtypeAndCompressorPythonWrites() throws Exception {
		PythonZarr.assumeAvailable();
		assertEquals("90", PythonZarr.run("write_arrays.py", tmp.toString()).trim());
		int arrays = 0, missing = 0;
		for (final File f : tmp.toFile().listFiles()) {
			if (!f.isDirectory()) continue;
			final ZarrArray z = ZarrArray.open(f.toPath());
			final double[] expected = PythonZarr.doubles(tmp.resolve(f.getName() + ".f8"));
			final boolean nullFill = expected.length != 5 * 13 * 17;
			final int[] size = { 5, 13, nullFill ? 12 : 17 };
			assertSame(expected, z.read(new long[3], size), f.getName());
			// an unaligned box that crosses chunks
			final double[] box = z.read(new long[] { 1, 3, 4 }, new int[] { 3, 8, 7 });
			for (int i = 0; i < 3; i++)
				for (int j = 0; j < 8; j++)
					for (int k = 0; k < 7; k++)
						assertSame(expected[((1 + i) * 13 + 3 + j) * size[2] + 4 + k], box[(i * 8 + j) * 7 + k], f.getName());
			if (!z.hasChunk(new long[] { 0, 0, 2 })) missing++;
			arrays++;
		}
		assertEquals(90, arrays);
		assertTrue(missing > 80, "missing chunks were read as the fill value (" + missing + " arrays had one)");
	}

	@Test
	void pythonReadsEveryDtypeAndCompressorWrittenHere() throws Exception {
		PythonZarr.assumeAvailable();
		final List<Codec> codecs = List.of(Codecs.blosc("lz4", 5, 1, 1), Codecs.blosc("zstd", 3, 2, 1), Codecs.blosc(
			"blosclz", 5, 0, 1), Codecs.blosc("zlib", 5, -1, 1), Codecs.zstd(3), Codecs.zlib(5, false), Codecs.zlib(5,
				true));
		final Random random = new Random(3);
		final long[] shape = { 3, 11, 14 };
		final List<double[]> written = new ArrayList<>();
		int n = 0;
		for (final String dtype : DTYPES) {
			final DataType t = DataType.parse(dtype);
			for (int c = 0; c <= codecs.size(); c++, n++) {
				final Codec codec = c == codecs.size() ? null : itemSized(codecs.get(c), t);
				final double fill = t.isFloat() ? Double.NaN : 3;
				final ZarrArray z = ZarrArray.create(tmp.resolve(String.format("a%03d", n)), new ArrayMetadata(shape,
					new int[] { 2, 4, 5 }, t, codec, fill, n % 2 == 0 ? "." : "/"));
				final double[] all = new double[3 * 11 * 14];
				for (int i = 0; i < all.length; i++) {
					final int x = i % 14;
					all[i] = x >= 10 ? fill : value(t, random);
				}
				// two unaligned boxes cover x < 10, leaving chunks of x >= 10 missing
				z.write(new long[] { 0, 0, 0 }, new int[] { 3, 11, 3 }, slice(all, 0, 3));
				z.write(new long[] { 0, 0, 3 }, new int[] { 3, 11, 7 }, slice(all, 3, 10));
				assertFalse(z.hasChunk(new long[] { 0, 0, 2 }));
				written.add(all);
			}
		}
		final String[] lines = PythonZarr.run("read_arrays.py", tmp.toString()).split("\n");
		assertEquals(n, lines.length);
		for (int i = 0; i < n; i++) {
			final JsonObject info = JsonParser.parseString(lines[i]).getAsJsonObject();
			final String name = String.format("a%03d", i);
			assertEquals(name, info.get("name").getAsString());
			assertEquals("[3,11,14]", info.get("shape").toString());
			assertEquals("[2,4,5]", info.get("chunks").toString());
			assertSame(written.get(i), PythonZarr.doubles(tmp.resolve(name + ".f8")), name + " " + info);
		}
	}

	@Test
	void corruptChunkNamesTheFile() throws Exception {
		for (final Codec codec : new Codec[] { null, Codecs.blosc("lz4", 5, 1, 2), Codecs.zstd(1), Codecs.zlib(1,
			false), Codecs.zlib(1, true) })
		{
			final Path dir = Files.createTempDirectory(tmp, "corrupt");
			final ZarrArray z = ZarrArray.create(dir, new ArrayMetadata(new long[] { 4, 4 }, new int[] { 4, 4 },
				DataType.parse("<u2"), codec, 0, "."));
			z.write(new long[2], new int[] { 4, 4 }, new double[16]);
			final Path chunk = dir.resolve("0.0");
			final byte[] b = Files.readAllBytes(chunk);
			Files.write(chunk, java.util.Arrays.copyOf(b, b.length - 3));
			final BadInputException e = assertThrows(BadInputException.class, () -> z.read(new long[2], new int[] { 1,
				1 }));
			assertTrue(e.getMessage().contains(chunk.toString()), e.getMessage());
		}
	}

	@Test
	void refusesWhatItCannotReadWithAMessage() throws Exception {
		final Path dir = tmp.resolve("a");
		ZarrArray.create(dir, new ArrayMetadata(new long[] { 4 }, new int[] { 2 }, DataType.UINT8, null, 0, "."));
		final String good = Files.readString(dir.resolve(".zarray"));
		assertRefused(dir, good.replace("\"C\"", "\"F\""), "Fortran");
		assertRefused(dir, good.replace("\"filters\": null", "\"filters\": [{\"id\": \"delta\", \"dtype\": \"|u1\"}]"),
			"filters");
		assertRefused(dir, good.replace("|u1", "<c8"), "dtype");
		assertRefused(dir, good.replace("\"zarr_format\": 2", "\"zarr_format\": 3"), "zarr_format 3");
		assertRefused(dir, good.substring(0, 20), "not a valid JSON");
		assertRefused(dir, good.replace("\"shape\"", "\"shap\""), "malformed");
		Files.delete(dir.resolve(".zarray"));
		final BadInputException e = assertThrows(BadInputException.class, () -> ZarrArray.open(dir));
		assertTrue(e.getMessage().contains("no .zarray"), e.getMessage());
	}

	private static void assertRefused(final Path dir, final String zarray, final String expected) throws Exception {
		Files.writeString(dir.resolve(".zarray"), zarray, StandardCharsets.UTF_8);
		final BadInputException e = assertThrows(BadInputException.class, () -> ZarrArray.open(dir));
		assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(dir.toString()), e.getMessage());
	}

	/** Blosc's shuffle needs the item size: the test's codec list is built for 1-byte items. */
	private static Codec itemSized(final Codec c, final DataType t) {
		return Codecs.fromJson(c.toJson(), t.size());
	}

	private static double value(final DataType t, final Random r) {
		if (t.isFloat()) return t.size() == 4 ? (float) (r.nextGaussian() * 1e3) : r.nextGaussian() * 1e6;
		final String d = t.dtype();
		final long lo = d.contains("u") ? 0 : -(1L << (8 * t.size() - 1));
		final long span = 1L << (8 * t.size());
		return lo + (long) (r.nextDouble() * span);
	}

	private static double[] slice(final double[] all, final int x0, final int x1) {
		final int w = x1 - x0;
		final double[] s = new double[all.length / 14 * w];
		for (int row = 0; row < all.length / 14; row++)
			System.arraycopy(all, row * 14 + x0, s, row * w, w);
		return s;
	}

	/** Equal bit for bit (NaN equals NaN, -0.0 differs from 0.0). */
	private static void assertSame(final double[] expected, final double[] actual, final String what) {
		assertEquals(expected.length, actual.length, what);
		for (int i = 0; i < expected.length; i++)
			assertSame(expected[i], actual[i], what + " [" + i + "]");
	}

	private static void assertSame(final double expected, final double actual, final String what) {
		assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), what + ": " + expected +
			" != " + actual);
	}
}
