package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scripts of src/test/resources/zarr with Debian's python3 and its zarr 2 and numcodecs (package
 * python3-zarr), the other implementation that the Zarr tests check against.
 */
public final class PythonZarr {

	private static final String PYTHON = "/usr/bin/python3";
	private static Boolean available;

	private PythonZarr() {}

	/** Skips the test unless /usr/bin/python3 can import zarr and numcodecs. */
	public static void assumeAvailable() throws Exception {
		if (available == null) {
			available = new File(PYTHON).canExecute() && exec(List.of(PYTHON, "-c", "import zarr, numcodecs"))
				.exitCode == 0;
		}
		Assumptions.assumeTrue(available, PYTHON + " cannot import zarr and numcodecs: install Debian's python3-zarr " +
			"(apt-get install python3-zarr) to run the tests against python-zarr");
	}

	/** Runs {@code src/test/resources/zarr/SCRIPT} with {@code args}; returns its standard output; fails on an error. */
	public static String run(final String script, final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of(PYTHON, new File("src/test/resources/zarr", script)
			.getAbsolutePath()));
		command.addAll(List.of(args));
		final Result r = exec(command);
		assertEquals(0, r.exitCode, script + " failed:\n" + r.err);
		return r.out;
	}

	/** Float64 little-endian values that a script wrote (numpy's tofile). */
	public static double[] doubles(final Path file) throws IOException {
		final java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(
			java.nio.ByteOrder.LITTLE_ENDIAN);
		final double[] v = new double[b.remaining() / 8];
		b.asDoubleBuffer().get(v);
		return v;
	}

	private static final class Result {

		int exitCode;
		String out, err;
	}

	private static Result exec(final List<String> command) throws Exception {
		final Path out = Files.createTempFile("python", ".out"), err = Files.createTempFile("python", ".err");
		try {
			final Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
				.start();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new AssertionError("Timed out: " + command);
			}
			final Result r = new Result();
			r.exitCode = p.exitValue();
			r.out = Files.readString(out, StandardCharsets.UTF_8);
			r.err = Files.readString(err, StandardCharsets.UTF_8);
			return r;
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}
}
