package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed (kill -9) while its local[2] job writes chunks, then the same command with {@code --resume}: the
 * chunks complete at the crash are not rewritten (their modification times), only the other blocks run, and the
 * result is the single-process one.
 */
class SparkResumeTest {

	private static final int CHUNKS = 32;

	@TempDir
	Path tmp;

	@Test
	void resumeAfterADriverCrashRunsOnlyTheMissingBlocks() throws Exception {
		final Path in = Volumes.create(tmp.resolve("noisy.ome.zarr"), 8, 64);
		final Path single = tmp.resolve("single.ome.zarr"), out = tmp.resolve("spark.ome.zarr");
		Volumes.denoiseInOneProcess(in, single);

		final Path log = tmp.resolve("driver.log");
		final Process driver = driver(log, "denoise", "--model", Volumes.MODEL, "--input", in.toString(), "--output", out
			.toString(), "--spark", "--master", "local[2]");
		try {
			final long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (chunks(out).size() < 3) {
				assertTrue(driver.isAlive(), () -> "the driver ended before it was killed: " + read(log));
				assertTrue(System.nanoTime() < end, "3 chunks within 3 minutes");
				Thread.sleep(10);
			}
		}
		finally {
			driver.descendants().forEach(ProcessHandle::destroyForcibly);
			driver.destroyForcibly().waitFor();
		}
		final Map<String, FileTime> complete = chunks(out);
		assertTrue(complete.size() < CHUNKS, "killed with " + complete.size() + " of " + CHUNKS + " chunks written");

		final Object[] r = Volumes.cli("denoise", "--model", Volumes.MODEL, "--input", in.toString(), "--output", out
			.toString(), "--spark", "--master", "local[2]", "--resume");
		assertEquals(0, r[0], r[1] + "\n" + r[2]);
		assertTrue(r[1].toString().contains((CHUNKS - complete.size()) + " of " + CHUNKS + " blocks run"), r[1]
			.toString());
		final Map<String, FileTime> after = chunks(out);
		for (final Map.Entry<String, FileTime> c : complete.entrySet())
			assertEquals(c.getValue(), after.get(c.getKey()), "chunk " + c.getKey() + " complete at the crash is kept");
		Volumes.assertSameResult(single, out);
	}

	/** The CLI in a JVM of its own, as bin/fiji-ae starts it with --spark. */
	private static Process driver(final Path log, final String... args) throws Exception {
		final List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx768m", "-Djava.awt.headless=true"));
		command.addAll(StandaloneCluster.OPENS);
		command.addAll(List.of("-cp", StandaloneCluster.appClassPath() + File.pathSeparator + Files.readString(Paths
			.get("target", "spark-classpath.txt")).trim(), "sc.fiji.autoencoders.cli.Main"));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** The complete chunks of level 0 (an interrupted write leaves a hidden temporary file) and their times. */
	private static Map<String, FileTime> chunks(final Path out) throws Exception {
		final Map<String, FileTime> t = new TreeMap<>();
		if (!Files.isDirectory(out.resolve("0"))) return t;
		try (Stream<Path> files = Files.list(out.resolve("0"))) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (!p.getFileName().toString().startsWith(".")) t.put(p.getFileName().toString(), Files
					.getLastModifiedTime(p));
		}
		return t;
	}

	private static String read(final Path log) {
		try {
			return Files.readString(log);
		}
		catch (final Exception e) {
			return e.toString();
		}
	}
}
