package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the scripts of src/test/resources/zarr with Debian's python3 and its zarr 2 and numcodecs (package
 * python3-zarr), the other implementation that the Zarr tests check against.
 */
public final class PythonZarr {

	private static final String PYTHON = "/usr/bin/python3";
	private static Boolean available;

	private PythonZarr() {}

	/**
	 * Skips the test unless /usr/bin/python3 can import zarr and numcodecs; under CI (CI=true), where .ci/run installs
	 * them, fails instead, so that a broken install is not a silent skip.
	 */
	public static void assumeAvailable() throws Exception {
		if (available == null) {
			available = new File(PYTHON).canExecute() && Processes.exec(List.of(PYTHON, "-c", "import zarr, numcodecs"))
				.exitCode == 0;
		}
		final String why = PYTHON + " cannot import zarr and numcodecs: install Debian's python3-zarr (apt-get " +
			"install python3-zarr) to run the tests against python-zarr";
		Processes.assumeInstalled(available, why);
	}

	/** Runs {@code src/test/resources/zarr/SCRIPT} with {@code args}; returns its standard output; fails on an error. */
	public static String run(final String script, final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of(PYTHON, new File("src/test/resources/zarr", script)
			.getAbsolutePath()));
		command.addAll(List.of(args));
		final Processes.Result r = Processes.exec(command);
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
}
