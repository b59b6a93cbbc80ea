package sc.fiji.autoencoders.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.Pyramid;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.denoising.DenoiseFilesSettings;
import sc.fiji.autoencoders.op.denoising.DistributedDenoising;
import sc.fiji.autoencoders.op.denoising.PlaneParts;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.scale.Block;
import sc.fiji.autoencoders.scale.ZarrDenoising;

/**
 * The Spark driver of {@code denoise --spark}: plans the blocks of an OME-Zarr image (creating or resuming the output)
 * or the parts of image files here, sends those not complete to the executors in {@link Batches} (a task runs
 * neighbouring blocks of about 1 Mvoxel), with the model as a broadcast (one copy per executor), reports progress,
 * cancels the job on Ctrl-C, then has the executors build the pyramid (or joins the stacks' parts here) once every task
 * is done.
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
		try (Denoiser d = planner(model, s, master)) {
			// absolute: executors run in folders of their own (a worker's work directory), not the driver's
			blocks = ZarrDenoising.plan(input.getAbsoluteFile().toPath(), output.getAbsoluteFile().toPath(), d, existing,
				1);
		}
		final List<Block> todo = new ArrayList<>();
		for (final Block b : blocks)
			if (!ZarrDenoising.isComplete(b)) todo.add(b);
		task.log("[" + input.getName() + "] " + blocks.size() + " blocks of whole output chunks into " + output + (todo
			.size() < blocks.size() ? ", " + todo.size() + " not complete yet" : "") + ", on Spark " + master);
		final long[] levels = new long[1];
		if (todo.isEmpty()) levels[0] = ZarrDenoising.pyramid(output.toPath()); // at most a few chunks left
		else run(SparkSettings.conf(master, s.executorCores, input.getName()), "blocks", todo, SparkDenoising::voxels,
			blocks.size(), model, task,
			(shared, hash) -> new DenoiseTask.Blocks(shared, hash, s.tileSize, s.ensemble), jsc -> levels[0] = pyramid(jsc,
				output.getAbsoluteFile().toPath(), task));
		return String.format(Locale.ROOT, "Denoised %s into %s on Spark: %d of %d blocks run, %d pyramid chunks, " +
			"%.1f s", input, output, todo.size(), blocks.size(), levels[0], (System.nanoTime() - t0) / 1e9);
	}

	@Override
	public String denoiseFiles(final List<File> sources, final List<File> targets, final File model,
		final DenoiseFilesSettings s, final Task task)
	{
		final long t0 = System.nanoTime();
		final String master = Masters.resolve(s.master);
		Masters.check(master);
		final List<PlaneParts.Part> parts;
		try (Denoiser d = planner(model, s, master)) {
			parts = PlaneParts.plan(absolute(sources), absolute(targets), d, s.resume);
		}
		final List<PlaneParts.Part> todo = new ArrayList<>();
		for (final PlaneParts.Part p : parts)
			if (!PlaneParts.isComplete(p)) todo.add(p);
		task.log(sources.size() + " file(s) in " + parts.size() + " parts (runs of planes or whole files) into " + s
			.output + (todo.size() < parts.size() ? ", " + todo.size() + " not complete yet" : "") + ", on Spark " +
			master);
		// a part is already a few seconds of work (PlaneParts sizes them): one task each
		if (!todo.isEmpty()) run(SparkSettings.conf(master, s.executorCores, sources.get(0).getName()), "parts", todo,
			p -> Batches.VOXELS, parts.size(), model, task, (shared, hash) -> new DenoiseTask.Parts(shared, hash,
				s.tileSize, s.ensemble), jsc -> {});
		final int stacks = PlaneParts.assemble(parts);
		return String.format(Locale.ROOT, "Denoised %d file(s) into %s on Spark: %d of %d parts run, %d stack(s) " +
			"joined from parts, %.1f s", sources.size(), s.output, todo.size(), parts.size(), stacks, (System.nanoTime() -
				t0) / 1e9);
	}

	/**
	 * The denoiser the driver plans with (its model's axes, halo and size multiple). With a local master it must have the
	 * executors' thread count: TensorFlow sizes process-wide thread state by a JVM's first session, and a 1-thread
	 * session here made local[2]'s executor 1.5x slower per block.
	 */
	private static Denoiser planner(final File model, final DenoiseFilesSettings s, final String master) {
		return new Denoiser(ModelFile.load(model, AutoencoderModel.DENOISER), s.tileSize, Masters.isLocal(master)
			? Masters.localCores(master) : 1);
	}

	private static List<File> absolute(final List<File> files) {
		final List<File> a = new ArrayList<>();
		for (final File f : files)
			a.add(f.getAbsoluteFile()); // executors run in folders of their own (a worker's work directory)
		return a;
	}

	private static long voxels(final Block b) {
		long n = 1;
		for (final int d : b.size())
			n *= d;
		return n;
	}

	private static <T> void run(final SparkConf conf, final String unit, final List<T> todo,
		final ToLongFunction<T> weight, final int total, final File model, final Task task,
		final BiFunction<Broadcast<byte[]>, String, DenoiseTask<T>> work,
		final Consumer<JavaSparkContext> then)
	{
		final byte[] bytes;
		try {
			bytes = Files.readAllBytes(model.toPath());
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read " + model, e);
		}
		try (JavaSparkContext jsc = context(conf, task)) {
			try {
				jsc.setLogLevel("WARN");
				final List<List<T>> batches = Batches.of(todo, weight, Batches.VOXELS, 4 * jsc.defaultParallelism());
				final int[] sizes = new int[batches.size()];
				for (int i = 0; i < sizes.length; i++)
					sizes[i] = batches.get(i).size();
				final Progress progress = new Progress(unit, sizes, total - todo.size(), total);
				jsc.sc().addSparkListener(progress);
				final Broadcast<byte[]> shared = jsc.broadcast(bytes);
				await(jsc.parallelize(batches, batches.size()).foreachAsync(work.apply(shared, sha256(bytes))), progress,
					task);
				then.accept(jsc);
			}
			catch (final RuntimeException e) {
				if (e instanceof PredictionMonitor.CancelledException || e instanceof BadInputException) throw e;
				throw stopped(conf, task, e, () -> Failures.stopped(jsc.sc()));
			}
		}
	}

	/** A context on the conf's master; a standalone master that refuses the application is explained. */
	private static JavaSparkContext context(final SparkConf conf, final Task task) {
		final String url = conf.get("spark.master");
		if (url.startsWith("spark://")) {
			task.log("Registering with the Spark master " + url + " (one that refuses this application, a wrong secret " +
				"for instance, is known only after Spark's retries: about a minute)...");
			// each retry logs a stack trace; the message that ends them says what to do
			Configurator.setLevel("org.apache.spark.deploy.client.StandaloneAppClient$ClientEndpoint", Level.ERROR);
		}
		try {
			return new JavaSparkContext(conf);
		}
		catch (final RuntimeException e) {
			throw stopped(conf, task, e, () -> true);
		}
	}

	/**
	 * What a Spark failure means to the user: a cancellation if the task was cancelled or the JVM is stopping (Ctrl-C:
	 * Spark's shutdown hook stops the context), a master that gave the application up if Spark stopped the context of
	 * a cluster by itself, else the failure itself.
	 */
	private static RuntimeException stopped(final SparkConf conf, final Task task, final RuntimeException failure,
		final BooleanSupplier contextStopped)
	{
		if (task.isCancelled() || Failures.shuttingDown()) return new PredictionMonitor.CancelledException();
		final String master = conf.get("spark.master");
		return !Masters.isLocal(master) && contextStopped.getAsBoolean() ? Failures.masterGaveUp(master, failure)
			: failure;
	}

	/** Waits for the job, reporting progress; cancels it when the task is. */
	private static void await(final JavaFutureAction<Void> job, final Progress progress, final Task task) {
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
				throw Failures.explain(e.getCause());
			}
		}
		progress.report(task, true);
	}

	/**
	 * The output's pyramid on the executors, level after level (each from the one below): a level's chunks in ranges,
	 * a few per executor core, so that reading the whole of level 0 is spread over the cluster, not the driver's disk.
	 *
	 * @return the chunks written
	 */
	private static long pyramid(final JavaSparkContext jsc, final Path output, final Task task) {
		final OmeZarrImage image = OmeZarrImage.open(output);
		final int slots = Math.max(1, jsc.defaultParallelism());
		long written = 0;
		for (int k = 1; k < image.levelCount(); k++) {
			final long n = Pyramid.chunkCount(image, k);
			final int tasks = (int) Math.min(n, 4L * slots);
			final List<long[]> ranges = new ArrayList<>();
			for (int i = 0; i < tasks; i++)
				ranges.add(new long[] { n * i / tasks, n * (i + 1) / tasks });
			final String root = output.toString();
			final int level = k;
			written += jsc.parallelize(ranges, tasks).map(r -> Pyramid.build(OmeZarrImage.open(Path.of(root)), level, r[0],
				r[1], true)).reduce(Long::sum);
			task.log(String.format(Locale.ROOT, "  pyramid level %d: %d chunks in %d tasks", k, n, tasks));
		}
		return written;
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
