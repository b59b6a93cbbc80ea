package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;


/**
 * Runs an operation so that Ctrl-C (SIGINT/SIGTERM) cancels it instead of killing it: the shutdown hook asks it to stop
 * and waits until it has (a training saves the best model so far; a denoising leaves only complete files).
 */
final class Interruptible {

	private Interruptible() {}

	/**
	 * @param out the file the work writes, or null
	 * @param training true if the work is a training, which keeps its best model when stopped
	 */
	static <T> T run(final Supplier<T> work, final Runnable cancel, final File out, final boolean training) {
		final CountDownLatch done = new CountDownLatch(1);
		final Thread hook = new Thread(() -> {
			System.out.println(out == null ? "Interrupted: stopping (no partial file is left)" : training
				? "Interrupted: stopping and saving the best model so far to " + out
				: "Interrupted: stopping (what is written to " + out + " so far is complete)");
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
