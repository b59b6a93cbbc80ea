package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code denoise --spark --master spark://...} on a real standalone cluster (a master and two one-core workers, each a
 * JVM of its own): a worker killed with its executor while it denoises a block costs only its tasks; the job completes
 * with the single-process result, and the surviving executor loaded the model once.
 */
class SparkStandaloneTest {

	private static final Pattern LOADED = Pattern.compile("fiji-ae: model \\w+ loaded in executor JVM");

	@TempDir
	Path tmp;

	@AfterEach
	void forgetClassPath() {
		System.clearProperty(SparkSettings.APP_CLASSPATH);
	}

	@Test
	void aKilledWorkerCostsOnlyItsTasks() throws Exception {
		final Path in = Volumes.create(tmp.resolve("noisy.ome.zarr"), 8, 64);
		final Path single = tmp.resolve("single.ome.zarr"), out = tmp.resolve("cluster.ome.zarr");
		Volumes.denoiseInOneProcess(in, single);

		System.setProperty(SparkSettings.APP_CLASSPATH, StandaloneCluster.appClassPath());
		final Path logs = Files.createDirectories(Paths.get("target", "standalone-test").toAbsolutePath().resolve(Long
			.toString(System.currentTimeMillis())));
		final ExecutorService driver = Executors.newSingleThreadExecutor();
		try (StandaloneCluster cluster = new StandaloneCluster(logs)) {
			final Process[] workers = { cluster.addWorker(), cluster.addWorker() };
			final Future<Object[]> job = driver.submit(() -> Volumes.cli("denoise", "--model", Volumes.MODEL, "--input",
				in.toString(), "--output", out.toString(), "--spark", "--master", cluster.url()));
			// the first executor to denoise a block (it has loaded the model) dies with its worker's machine; the other,
			// started or still starting, must finish the job (waiting for both to run could outlast a fast job)
			final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
			int doomed = 0;
			while (doomed == 0) {
				for (int i = 1; i <= 2 && doomed == 0; i++)
					if (LOADED.matcher(cluster.executorLogs(i)).find()) doomed = i;
				if (doomed > 0) break;
				assertFalse(job.isDone(), () -> "the job ended before an executor ran: " + output(job));
				assertTrue(System.nanoTime() < end, "an executor starts within 4 minutes; logs in " + logs);
				Thread.sleep(20);
			}
			assertFalse(job.isDone(), "the job still runs when the worker is killed");
			final long chunksAtKill = chunks(out);
			workers[doomed - 1].descendants().forEach(ProcessHandle::destroyForcibly);
			workers[doomed - 1].destroyForcibly().waitFor();

			final Object[] r = job.get(5, TimeUnit.MINUTES);
			assertEquals(0, r[0], r[1] + "\n" + r[2] + "\nlogs in " + logs);
			assertTrue(chunksAtKill < 32, "killed with " + chunksAtKill + " of 32 chunks written");
			Volumes.assertSameResult(single, out);
			assertEquals(1, count(LOADED, cluster.executorLogs(3 - doomed)), "the surviving executor loaded the model " +
				"once");
		}
		finally {
			driver.shutdownNow();
		}
	}

	private static long chunks(final Path out) throws Exception {
		if (!Files.isDirectory(out.resolve("0"))) return 0;
		try (var files = Files.list(out.resolve("0"))) {
			return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
		}
	}

	private static int count(final Pattern p, final String text) {
		final Matcher m = p.matcher(text);
		int n = 0;
		while (m.find())
			n++;
		return n;
	}

	private static String output(final Future<Object[]> job) {
		try {
			final Object[] r = job.get();
			return r[0] + "\n" + r[1] + "\n" + r[2];
		}
		catch (final Exception e) {
			return e.toString();
		}
	}
}
