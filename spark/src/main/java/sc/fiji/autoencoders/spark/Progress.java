package sc.fiji.autoencoders.spark;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import sc.fiji.autoencoders.op.Task;

/**
 * The driver's progress line: blocks done of all, blocks per second since the job started, and the time left at that
 * rate, at most every {@link #EVERY_SECONDS}. Counts the items of the tasks that succeed (a task of the job's
 * {@code i}-th batch holds {@code sizes[i]} items; a retried or speculative task counts once).
 */
final class Progress extends SparkListener {

	static final double EVERY_SECONDS = 5;

	private final AtomicInteger done = new AtomicInteger();
	private final String unit;
	private final Set<Integer> finished = ConcurrentHashMap.newKeySet();
	private final int[] sizes;
	private final int skipped, total;
	private final long started = System.nanoTime();
	private long last = started;

	/**
	 * {@code skipped} of {@code total} items ({@code unit}: "blocks", "parts") were complete before the job, whose tasks
	 * hold {@code sizes} items.
	 */
	Progress(final String unit, final int[] sizes, final int skipped, final int total) {
		this.unit = unit;
		this.sizes = sizes.clone();
		this.skipped = skipped;
		this.total = total;
	}

	@Override
	public void onTaskEnd(final SparkListenerTaskEnd end) {
		final int i = end.taskInfo().index();
		if (end.taskInfo().successful() && i < sizes.length && finished.add(i)) done.addAndGet(sizes[i]);
	}

	/** Items run by this job so far. */
	int done() {
		return done.get();
	}

	/** Logs the line if the last one is old enough, or {@code force}. */
	void report(final Task task, final boolean force) {
		final long now = System.nanoTime();
		if (!force && (now - last) / 1e9 < EVERY_SECONDS) return;
		last = now;
		task.log(line(now));
		task.progress(skipped + done(), total);
	}

	private String line(final long now) {
		final int n = done(), todo = total - skipped;
		final double sec = (now - started) / 1e9, rate = n / Math.max(sec, 1e-9);
		return String.format(Locale.ROOT, "  %s %d/%d%s, %.2f %s/s, %s", unit, skipped + n, total, skipped > 0
			? " (" + skipped + " complete before)" : "", rate, unit, n == 0 ? "time left unknown yet" : "about " + time((todo -
				n) / rate) + " left");
	}

	static String time(final double seconds) {
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60) : s >= 60 ? String.format(
			Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
	}
}
