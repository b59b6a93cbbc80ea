package sc.fiji.autoencoders.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;

import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.scale.Block;

/**
 * A Spark task: denoises one block with its executor's denoiser (the model comes once per executor as a broadcast)
 * and writes its chunks atomically; a cancelled job stops it between tiles, leaving its chunks absent or complete.
 */
final class DenoiseBlock implements VoidFunction<Block> {

	private static final long serialVersionUID = 1L;

	private final Broadcast<byte[]> model;
	private final String hash;
	private final int tileSize;
	private final boolean ensemble;

	DenoiseBlock(final Broadcast<byte[]> model, final String hash, final int tileSize, final boolean ensemble) {
		this.model = model;
		this.hash = hash;
		this.tileSize = tileSize;
		this.ensemble = ensemble;
	}

	@Override
	public void call(final Block block) {
		final TaskContext context = TaskContext.get();
		final PredictionMonitor monitor = new PredictionMonitor() {

			@Override
			public boolean isCancelled() {
				return context.isInterrupted();
			}
		};
		ExecutorDenoisers.run(hash, model::value, tileSize, ensemble, context.cpus(), block, monitor);
	}
}
