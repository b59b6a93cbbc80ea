package sc.fiji.autoencoders.spark;

import java.util.List;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;

import sc.fiji.autoencoders.op.denoising.PlaneParts;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.scale.Block;
import sc.fiji.autoencoders.scale.ZarrDenoising;

/**
 * A Spark task: denoises a batch of items (blocks of an OME-Zarr image, or parts of image files) with its executor's
 * denoiser (the model comes once per executor as a broadcast) and writes their files atomically; a cancelled job stops
 * it between tiles, leaving its files absent or complete.
 */
abstract class DenoiseTask<T> implements VoidFunction<List<T>> {

	private static final long serialVersionUID = 1L;

	private final Broadcast<byte[]> model;
	private final String hash;
	private final int tileSize;
	private final boolean ensemble;

	DenoiseTask(final Broadcast<byte[]> model, final String hash, final int tileSize, final boolean ensemble) {
		this.model = model;
		this.hash = hash;
		this.tileSize = tileSize;
		this.ensemble = ensemble;
	}

	abstract void work(T item, Denoiser denoiser, PredictionMonitor monitor);

	@Override
	public void call(final List<T> batch) {
		final TaskContext context = TaskContext.get();
		final PredictionMonitor monitor = new PredictionMonitor() {

			@Override
			public boolean isCancelled() {
				return context.isInterrupted();
			}
		};
		ExecutorDenoisers.run(hash, model::value, tileSize, ensemble, context.cpus(), d -> {
			for (final T item : batch) {
				if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
				work(item, d, monitor);
			}
		});
	}

	/** A block of whole output chunks of an OME-Zarr image. */
	static final class Blocks extends DenoiseTask<Block> {

		private static final long serialVersionUID = 1L;

		Blocks(final Broadcast<byte[]> model, final String hash, final int tileSize, final boolean ensemble) {
			super(model, hash, tileSize, ensemble);
		}

		@Override
		void work(final Block block, final Denoiser denoiser, final PredictionMonitor monitor) {
			ZarrDenoising.run(block, denoiser, monitor);
		}
	}

	/** A run of planes of a stack, or a whole image file. */
	static final class Parts extends DenoiseTask<PlaneParts.Part> {

		private static final long serialVersionUID = 1L;

		Parts(final Broadcast<byte[]> model, final String hash, final int tileSize, final boolean ensemble) {
			super(model, hash, tileSize, ensemble);
		}

		@Override
		void work(final PlaneParts.Part part, final Denoiser denoiser, final PredictionMonitor monitor) {
			PlaneParts.run(part, denoiser, monitor);
		}
	}
}
