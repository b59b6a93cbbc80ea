package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.io.zarr.PythonZarr;

/**
 * {@code denoise --spark} where the Spark module is not on the class path (the plugin alone, as in Fiji): one message
 * naming the fix, exit 2, no output. The module's own tests (spark/) run the jobs.
 */
class SparkWithoutModuleTest {

	@TempDir
	Path tmp;

	@Test
	void sparkWithoutTheModuleNamesTheFix() throws Exception {
		PythonZarr.assumeAvailable();
		final Path in = tmp.resolve("noisy.ome.zarr"), out = tmp.resolve("denoised.ome.zarr");
		PythonZarr.run("write_image.py", in.toString(), "<u2", "zyx", "1,20,20", "1,20,20");
		final Object[] r = MainTest.cli("denoise", "--model", "src/test/resources/fixtures/denoiser-v1.aemodel",
			"--input", in.toString(), "--output", out.toString(), "--spark", "--master", "local[2]");
		assertEquals(2, r[0], r[2].toString());
		assertTrue(r[2].toString().contains("--spark needs the Spark module") && r[2].toString().contains(
			"mvn -f spark/pom.xml package"), r[2].toString());
		assertFalse(r[2].toString().contains("\tat "), "no stack trace: " + r[2]);
		assertFalse(Files.exists(out), "no output");
	}
}
