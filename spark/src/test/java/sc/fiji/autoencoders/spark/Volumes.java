package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import sc.fiji.autoencoders.cli.Main;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.io.zarr.ArrayMetadata;
import sc.fiji.autoencoders.io.zarr.Codecs;
import sc.fiji.autoencoders.io.zarr.DataType;
import sc.fiji.autoencoders.io.zarr.OmeAxis;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.ZarrArray;

/** Test volumes (16-bit, z y x, blosc) and the checks the Spark tests share. */
final class Volumes {

	/** The plugin's 2D denoiser fixture (a file written by an earlier version). */
	static final String MODEL = Path.of("../src/test/resources/fixtures/denoiser-v1.aemodel").toAbsolutePath()
		.toString();

	private Volumes() {}

	/** A noisy 16-bit volume of smooth structures, {@code z x size x size}, chunks of 1 x 32 x 32. */
	static Path create(final Path root, final int z, final int size) {
		final ArrayMetadata meta = new ArrayMetadata(new long[] { z, size, size }, new int[] { 1, 32, 32 }, DataType
			.parse("<u2"), Codecs.blosc("lz4", 5, 1, 2), 0, ".");
		final OmeZarrImage image = OmeZarrImage.create(root, "noisy", List.of(OmeAxis.of(Axis.Z, "micrometer"), OmeAxis
			.of(Axis.Y, "micrometer"), OmeAxis.of(Axis.X, "micrometer")), meta, new double[] { 2, 0.5, 0.5 },
			new double[] { 0, 0, 0 });
		final Random random = new Random(26);
		final double[] plane = new double[size * size];
		for (int k = 0; k < z; k++) {
			for (int y = 0; y < size; y++)
				for (int x = 0; x < size; x++)
					plane[y * size + x] = Math.max(0, Math.round(1000 + 600 * Math.sin(x / 7.0 + k) * Math.cos(y / 11.0) +
						120 * random.nextGaussian()));
			image.level(0).write(new long[] { k, 0, 0 }, new int[] { 1, size, size }, plane);
		}
		return root;
	}

	/** The reference: {@code denoise} without Spark, in this JVM. */
	static void denoiseInOneProcess(final Path in, final Path out) {
		final Object[] r = cli("denoise", "--model", MODEL, "--input", in.toString(), "--output", out.toString());
		assertEquals(0, r[0], r[2].toString());
	}

	/** Level 0 of an OME-Zarr image, whole. */
	static double[] read(final Path root) {
		return read(root, 0);
	}

	/** A level of an OME-Zarr image, whole. */
	static double[] read(final Path root, final int level) {
		final ZarrArray a = OmeZarrImage.open(root).level(level);
		final long[] shape = a.shape();
		final int[] size = new int[shape.length];
		for (int d = 0; d < shape.length; d++)
			size[d] = (int) shape[d];
		return a.read(new long[shape.length], size);
	}

	/**
	 * Asserts equal shapes, no NaN (every chunk written), and values equal within 1e-5 of the expected range, at level
	 * 0 and every pyramid level.
	 */
	static void assertSameResult(final Path expected, final Path actual) {
		final double[] e = read(expected), a = read(actual);
		assertArrayEquals(OmeZarrImage.open(expected).level(0).shape(), OmeZarrImage.open(actual).level(0).shape());
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, diff = 0;
		for (int i = 0; i < e.length; i++) {
			assertTrue(!Double.isNaN(a[i]), "voxel " + i + " written");
			min = Math.min(min, e[i]);
			max = Math.max(max, e[i]);
			diff = Math.max(diff, Math.abs(e[i] - a[i]));
		}
		assertTrue(diff <= 1e-5 * (max - min), "max difference " + diff + " within 1e-5 of the range " + (max - min));
		assertTrue(OmeZarrImage.open(actual).levelCount() == OmeZarrImage.open(expected).levelCount(), "pyramid levels");
		for (int k = 1; k < OmeZarrImage.open(expected).levelCount(); k++)
			assertArrayEquals(read(expected, k), read(actual, k), 1e-5 * (max - min), "pyramid level " + k);
	}

	/** The modification time of every file under {@code root}. */
	static Map<String, FileTime> times(final Path root) throws IOException {
		final Map<String, FileTime> t = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (Files.isRegularFile(p)) t.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
		}
		return t;
	}

	/** The CLI in this JVM: exit status, stdout, stderr. */
	static synchronized Object[] cli(final String... args) {
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
			final int status = Main.run(args);
			return new Object[] { status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8) };
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}
}
