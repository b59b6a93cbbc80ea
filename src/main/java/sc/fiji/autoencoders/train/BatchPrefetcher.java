package sc.fiji.autoencoders.train;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Prepares the next training batch on a background thread while TensorFlow runs the current step. Batches are still
 * made one after the other by one thread, so the sequence is the same as without prefetching (reproducible seeds).
 */
final class BatchPrefetcher implements AutoCloseable {

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		final Thread t = new Thread(r, "autoencoder-batches");
		t.setDaemon(true);
		return t;
	});
	private final Supplier<float[][]> supplier;
	private Future<float[][]> pending;

	BatchPrefetcher(final Supplier<float[][]> supplier) {
		this.supplier = supplier;
	}

	float[][] next() {
		if (pending == null) pending = executor.submit(supplier::get);
		try {
			final float[][] batch = pending.get();
			pending = executor.submit(supplier::get);
			return batch;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while preparing a training batch", e);
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}
}
