package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code denoise --spark --master local[2]}: Spark inside this JVM gives the single-process result; a second run with
 * {@code --resume} writes nothing; a master that does not answer fails within seconds with a message naming it.
 */
class SparkLocalTest {

	@TempDir
	Path tmp;

	@Test
	void localSparkGivesTheSingleProcessResult() throws Exception {
		final Path in = Volumes.create(tmp.resolve("noisy.ome.zarr"), 2, 64);
		final Path single = tmp.resolve("single.ome.zarr"), spark = tmp.resolve("spark.ome.zarr");
		Volumes.denoiseInOneProcess(in, single);
		Object[] r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", in.toString(), "--output", spark
			.toString(), "--spark", "--master", "local[2]");
		assertEquals(0, r[0], r[1] + "\n" + r[2]);
		assertTrue(r[1].toString().contains("8 of 8 blocks run"), r[1].toString());
		Volumes.assertSameResult(single, spark);

		final var before = Volumes.times(spark);
		r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", in.toString(), "--output", spark.toString(),
			"--spark", "--master", "local[2]", "--resume");
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("0 of 8 blocks run"), r[1].toString());
		assertEquals(before, Volumes.times(spark), "a complete output is not rewritten");
	}

	/** A Zarr v3 / OME-NGFF 0.5 image written by zarrita: the output is v3 too, and the single-process result. */
	@Test
	void aZarrV3ImageGivesTheSingleProcessResult() throws Exception {
		final Path in = Path.of("../src/test/resources/zarr-v3/image.ome.zarr").toAbsolutePath();
		final Path single = tmp.resolve("single.ome.zarr"), spark = tmp.resolve("spark.ome.zarr");
		Volumes.denoiseInOneProcess(in, single);
		final Object[] r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", in.toString(), "--output", spark
			.toString(), "--spark", "--master", "local[2]");
		assertEquals(0, r[0], r[1] + "\n" + r[2]);
		Volumes.assertSameResult(single, spark);
		assertTrue(java.nio.file.Files.readString(spark.resolve("zarr.json")).contains("\"0.5\""), "OME-NGFF 0.5 out");
	}

	@Test
	void anUnreachableMasterFailsWithinSecondsNamingIt() throws Exception {
		final Path in = Volumes.create(tmp.resolve("noisy.ome.zarr"), 1, 32);
		final int port;
		try (ServerSocket s = new ServerSocket(0)) {
			port = s.getLocalPort(); // closed again: nothing listens there
		}
		final String url = "spark://127.0.0.1:" + port;
		final long t0 = System.nanoTime();
		final Object[] r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", in.toString(), "--output", tmp
			.resolve("out.ome.zarr").toString(), "--spark", "--master", url);
		assertEquals(2, r[0], r[2].toString());
		assertTrue(r[2].toString().contains("Cannot reach the Spark master " + url), r[2].toString());
		assertTrue((System.nanoTime() - t0) / 1e9 < 10, "within seconds");
		assertTrue(!tmp.resolve("out.ome.zarr").toFile().exists(), "no output is created");
	}
}
