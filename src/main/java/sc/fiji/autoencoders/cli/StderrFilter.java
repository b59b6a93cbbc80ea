package sc.fiji.autoencoders.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The end of bin/fiji-ae's stderr filter. TensorFlow 2.x writes most of its INFO lines through absl logging, which
 * ignores TF_CPP_MIN_LOG_LEVEL and cannot be set from Java, so bin/fiji-ae passes stderr through a filter process (its
 * pid in {@value #PID_VARIABLE}). That process would pass on our last lines (an error message) only after fiji-ae had
 * returned, too late for a script that reads stderr right away; so before exiting the CLI closes its stderr, which
 * ends the filter's input, and waits for the filter to finish.
 */
final class StderrFilter {

	static final String PID_VARIABLE = "FIJI_AE_STDERR_FILTER";

	private StderrFilter() {}

	/** Closes stderr and waits (at most 2 s) for the filter to exit; does nothing when no filter is running. */
	static void drain() {
		final String pid = System.getenv(PID_VARIABLE);
		if (pid == null || !pid.matches("[0-9]{1,18}")) return;
		final Optional<ProcessHandle> filter = ProcessHandle.of(Long.parseLong(pid));
		if (filter.isEmpty()) return;
		System.err.flush();
		try {
			// closes file descriptor 2 (the JDK points it at /dev/null), the filter's only writer, so the filter sees
			// the end of its input
			new FileOutputStream(FileDescriptor.err).close();
			filter.get().onExit().get(2, TimeUnit.SECONDS);
		}
		catch (final IOException | ExecutionException | TimeoutException e) {
			// the lines still arrive, only maybe after we exit
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
