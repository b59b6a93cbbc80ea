package sc.fiji.autoencoders.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Groups a job's items (blocks, parts) into Spark tasks: a task runs consecutive items (neighbours in the plan's order)
 * up to a weight, so that Spark's cost per task (a few ms) stays small beside the work of small chunks, while tasks
 * stay short enough for the executors to finish together (at 4 Mvoxels, 16 tasks of 8.6 s left two 1-core workers at
 * 1.51x the throughput of one).
 */
final class Batches {

	/** Voxels per task: about a second of a small network's work on one core. */
	static final long VOXELS = 1L << 20;

	private Batches() {}

	/**
	 * Consecutive runs of {@code items}, each of total weight at most {@code target} (or one item heavier than it),
	 * and at least {@code minimum} runs where there are as many items.
	 */
	static <T> List<List<T>> of(final List<T> items, final ToLongFunction<T> weight, final long target,
		final int minimum)
	{
		long total = 0;
		for (final T t : items)
			total += weight.applyAsLong(t);
		final long cap = Math.max(1, Math.min(target, total / Math.max(1, minimum)));
		final List<List<T>> batches = new ArrayList<>();
		List<T> batch = new ArrayList<>();
		long w = 0;
		for (final T t : items) {
			final long x = weight.applyAsLong(t);
			if (!batch.isEmpty() && w + x > cap) {
				batches.add(batch);
				batch = new ArrayList<>();
				w = 0;
			}
			batch.add(t);
			w += x;
		}
		if (!batch.isEmpty()) batches.add(batch);
		return batches;
	}
}
