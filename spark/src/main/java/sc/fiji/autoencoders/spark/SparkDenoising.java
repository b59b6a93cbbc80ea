package sc.fiji.autoencoders.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.denoising.DenoiseFilesSettings;
import sc.fiji.autoencoders.op.denoising.DistributedDenoising;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.scale.Block;
import sc.fiji.autoencoders.scale.ZarrDenoising;

/**
 * The Spark driver of {@code denoise --spark}: plans the blocks here (creating or resuming the output), sends the
 * blocks that are not complete to the executors, one task each, with the model as a broadcast (one copy per executor),
 * reports progress, cancels the job on Ctrl-C, and builds the pyramid here once every block is done.
 */
public final class SparkDenoising implements DistributedDenoising {

	@Override
	public String denoise(final File input, final File output, final File model, final DenoiseFilesSettings s,
		final Task task)
	{
		final long t0 = System.nanoTime();
		final String master = Masters.resolve(s.master);
		Masters.check(master);
		final ZarrDenoising.Existing existing = s.resume ? ZarrDenoising.Existing.RESUME : s.overwrite
			? ZarrDenoising.Existing.OVERWRITE : ZarrDenoising.Existing.REFUSE;
		final List<Block> blocks;
		try (Denoiser d = new Denoiser(ModelFile.load(model, AutoencoderModel.DENOISER), s.tileSize, 1)) {
			// absolute: executors run in folders of their own (a worker's work directory), not the driver's
			blocks = ZarrDenoising.plan(input.getAbsoluteFile().toPath(), output.getAbsoluteFile().toPath(), d, existing,
				1);
		}
		final List<Block> todo = new ArrayList<>();
		for (final Block b : blocks)
			if (!ZarrDenoising.isComplete(b)) todo.add(b);
		task.log("[" + input.getName() + "] " + blocks.size() + " blocks of whole output chunks into " + output + (todo
			.size() < blocks.size() ? ", " + todo.size() + " not complete yet" : "") + ", on Spark " + master);
		if (!todo.isEmpty()) run(SparkSettings.conf(master, s.executorCores, input.getName()), todo, blocks.size(),
			model, s, task);
		final long levels = ZarrDenoising.pyramid(output.toPath());
		return String.format(Locale.ROOT, "Denoised %s into %s on Spark: %d of %d blocks run, %d pyramid chunks, " +
			"%.1f s", input, output, todo.size(), blocks.size(), levels, (System.nanoTime() - t0) / 1e9);
	}

	private static void run(final SparkConf conf, final List<Block> todo, final int total, final File model,
		final DenoiseFilesSettings s, final Task task)
	{
		final byte[] bytes;
		try {
			bytes = Files.readAllBytes(model.toPath());
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read " + model, e);
		}
		final Progress progress = new Progress(total - todo.size(), total);
		try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
			jsc.setLogLevel("WARN");
			jsc.sc().addSparkListener(progress);
			final Broadcast<byte[]> shared = jsc.broadcast(bytes);
			final JavaFutureAction<Void> job = jsc.parallelize(todo, todo.size()).foreachAsync(new DenoiseBlock(shared,
				sha256(bytes), s.tileSize, s.ensemble));
			while (true) {
				try {
					job.get(1, TimeUnit.SECONDS);
					break;
				}
				catch (final TimeoutException e) {
					if (task.isCancelled()) {
						task.log("Stopping: cancelling the Spark job (chunks written so far are complete; rerun with " +
							"--resume to finish).");
						job.cancel(true);
						throw new PredictionMonitor.CancelledException();
					}
					progress.report(task, false);
				}
				catch (final InterruptedException e) {
					job.cancel(true);
					Thread.currentThread().interrupt();
					throw new PredictionMonitor.CancelledException();
				}
				catch (final ExecutionException e) {
					if (task.isCancelled() || jsc.sc().isStopped()) throw new PredictionMonitor.CancelledException();
					throw Failures.explain(e.getCause());
				}
			}
			progress.report(task, true);
		}
	}

	private static String sha256(final byte[] bytes) {
		try {
			final StringBuilder hex = new StringBuilder();
			for (final byte b : MessageDigest.getInstance("SHA-256").digest(bytes))
				hex.append(String.format("%02x", b));
			return hex.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
