package sc.fiji.autoencoders.io.zarr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs the other Zarr implementations' scripts (python-zarr, zarrita) as child processes. */
final class Processes {

	private Processes() {}

	/**
	 * Skips the test unless {@code installed}; under CI (CI=true), where .ci/run installs the other implementations,
	 * fails instead, so that a broken install is not a silent skip.
	 */
	static void assumeInstalled(final boolean installed, final String why) {
		if (!installed && "true".equals(System.getenv("CI"))) Assertions.fail(why);
		Assumptions.assumeTrue(installed, why);
	}

	/** What a command did: exit code (-1 if it could not start), standard output and error. */
	static final class Result {

		final int exitCode;
		final String out, err;

		Result(final int exitCode, final String out, final String err) {
			this.exitCode = exitCode;
			this.out = out;
			this.err = err;
		}
	}

	/** Runs {@code command} to its end (2 minutes at most: then the test fails). */
	static Result exec(final List<String> command) throws Exception {
		// files, not pipes: a child that writes much would block on a full pipe while this waits for it
		final Path out = Files.createTempFile("child", ".out"), err = Files.createTempFile("child", ".err");
		try {
			final Process p;
			try {
				p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			}
			catch (final IOException e) {
				return new Result(-1, "", e.getMessage());
			}
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new AssertionError("Timed out: " + command);
			}
			return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
				StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}
}
