package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a training so that Ctrl-C (SIGINT/SIGTERM) cancels it instead of killing it: the shutdown hook asks the trainer
 * to stop and waits until the best model so far has been saved.
 */
final class Interruptible {

	private Interruptible() {}

	static <T> T run(final Supplier<T> work, final Runnable cancel, final File out) {
		final CountDownLatch done = new CountDownLatch(1);
		final Thread hook = new Thread(() -> {
			System.out.println(out != null ? "Interrupted: stopping and saving the best model so far to " + out
				: "Interrupted: stopping (no partial file is left)");
			cancel.run();
			try {
				done.await(60, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return work.get();
		}
		finally {
			done.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (final IllegalStateException e) {
				// already shutting down: the hook is running and waits for 'done'
			}
		}
	}
}
