package sc.fiji.autoencoders.cli;

import static sc.fiji.autoencoders.train.TrainingLoop.duration;

import java.util.Locale;
import java.util.function.Consumer;

import sc.fiji.autoencoders.op.Task;

/**
 * A task on the terminal: lines on stdout, one line per training epoch, a progress line with the time left at most
 * every 10 s for long predictions, and {@link #cancel} for Ctrl-C.
 */
final class ConsoleTask implements Task {

	/** Progress lines at most this often (seconds). */
	private static final double REPORT_EVERY = 10;

	private volatile boolean cancelled;
	private volatile Runnable stopTraining;
	private final long started = System.nanoTime();
	private long last = started;

	@Override
	public void log(final String line) {
		System.out.println(line);
	}

	@Override
	public Consumer<Runnable> cancelHook() {
		return stop -> stopTraining = stop;
	}

	@Override
	public void progress(final long done, final long total) {
		final long now = System.nanoTime();
		if ((now - last) / 1e9 < REPORT_EVERY || done >= total || done == 0) return;
		last = now;
		final double s = (now - started) / 1e9;
		System.out.println(String.format(Locale.ROOT, "  %.1f%% after %s, about %s left", 100.0 * done / total, duration(s),
			duration(s * (total - done) / done)));
	}

	@Override
	public boolean isCancelled() {
		return cancelled;
	}

	/** Ctrl-C: a training stops and keeps its best model; a prediction stops between tiles. */
	void cancel() {
		cancelled = true;
		final Runnable stop = stopTraining;
		if (stop != null) stop.run();
	}
}
