package sc.fiji.autoencoders.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs src/test/zarrita/zarrita.mjs with node and zarrita (npm), the other Zarr v3 implementation that the v3 tests
 * check against. {@code npm ci} in src/test/zarrita installs zarrita (.ci/run does).
 */
public final class NodeZarrita {

	static final File DIR = new File("src/test/zarrita");
	private static Boolean available;

	private NodeZarrita() {}

	/**
	 * Skips the test unless node runs and zarrita is installed; under CI (CI=true), where .ci/run installs both, fails
	 * instead, so that a broken install is not a silent skip.
	 */
	public static void assumeAvailable() throws Exception {
		if (available == null) available = new File(DIR, "node_modules/zarrita/package.json").isFile() && Processes
			.exec(List.of("node", "--version")).exitCode == 0;
		final String why = "node or zarrita is missing: install node 18+ and run 'npm ci' in " + DIR + " to run the " +
			"Zarr v3 tests against zarrita";
		Processes.assumeInstalled(available, why);
	}

	/** Runs zarrita.mjs with {@code args}; returns its standard output; fails on an error. */
	public static String run(final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of("node", new File(DIR, "zarrita.mjs").getAbsolutePath()));
		command.addAll(List.of(args));
		final Processes.Result r = Processes.exec(command);
		assertEquals(0, r.exitCode, "zarrita.mjs failed:\n" + r.err);
		return r.out;
	}
}
