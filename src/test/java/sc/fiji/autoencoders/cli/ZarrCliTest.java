package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.PythonZarr;

/**
 * {@code fiji-ae denoise --input IMAGE.ome.zarr --output OUT.ome.zarr} on a python-written OME-Zarr image: an OME-Zarr
 * result with the input's shape and a pyramid; an existing output is refused with a message, and {@code --resume}
 * writes no chunk of a complete one.
 */
class ZarrCliTest {

	@TempDir
	Path tmp;

	@Test
	void denoisesAnOmeZarrImageIntoOneAndResumes() throws Exception {
		PythonZarr.assumeAvailable();
		final Path in = tmp.resolve("noisy.ome.zarr"), out = tmp.resolve("denoised.ome.zarr");
		PythonZarr.run("write_image.py", in.toString(), "<u2", "zyx", "2,40,45", "1,20,20");
		final String model = "src/test/resources/fixtures/denoiser-v1.aemodel";
		Object[] r = MainTest.cli("denoise", "--model", model, "--input", in.toString(), "--output", out.toString());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("chunks written"), r[1].toString());
		final OmeZarrImage result = OmeZarrImage.open(out);
		assertArrayEquals(new long[] { 2, 40, 45 }, result.level(0).metadata().shape());
		assertTrue(result.levelCount() > 1, "a pyramid");

		r = MainTest.cli("denoise", "--model", model, "--input", in.toString(), "--output", out.toString());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains(out.toString()), r[2].toString());

		final Map<String, FileTime> before = times(out);
		Thread.sleep(20);
		r = MainTest.cli("denoise", "--model", model, "--input", in.toString(), "--output", out.toString(), "--resume");
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains(": 0 chunks written"), r[1].toString());
		assertEquals(before, times(out), "a complete output is not rewritten");
	}

	private static Map<String, FileTime> times(final Path root) throws Exception {
		final Map<String, FileTime> t = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (Files.isRegularFile(p)) t.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
		}
		return t;
	}
}
