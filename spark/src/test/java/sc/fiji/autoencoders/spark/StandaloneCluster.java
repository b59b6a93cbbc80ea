package sc.fiji.autoencoders.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on this machine's loopback: a master and workers, each a JVM of its own started from
 * Spark's jars in Maven's repository (target/spark-classpath.txt), with a SPARK_HOME in target/ whose jars/ links to
 * them, as docs/SCALE.md tells users to do.
 */
final class StandaloneCluster implements AutoCloseable {

	/** Java 17's module options that Spark's JVMs need (the spark.opens property of the pom). */
	static final List<String> OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
		"--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
		"--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

	private final Path home, logs;
	private final int port;
	private final Process master;
	private final List<Process> workers = new ArrayList<>();

	/** Starts a master and waits until it accepts connections. */
	StandaloneCluster(final Path logs) throws Exception {
		this.logs = logs;
		home = sparkHome();
		port = freePort();
		master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer
			.toString(port), "--webui-port", Integer.toString(freePort()));
		waitForPort(port, 60);
	}

	String url() {
		return "spark://127.0.0.1:" + port;
	}

	/** Starts a worker of one core; returns its process. */
	Process addWorker() throws Exception {
		final int i = workers.size() + 1;
		final Process p = start("worker" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
			"1", "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir", workDir(i).toString(),
			url());
		workers.add(p);
		return p;
	}

	/** Where worker {@code i} (from 1) keeps its executors' folders and logs. */
	Path workDir(final int i) {
		return logs.resolve("work" + i);
	}

	/** The standard error of every executor that worker {@code i} ran. */
	String executorLogs(final int i) throws IOException {
		final StringBuilder all = new StringBuilder();
		if (!Files.isDirectory(workDir(i))) return "";
		try (var files = Files.walk(workDir(i))) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (p.getFileName().toString().equals("stderr")) all.append(Files.readString(p));
		}
		return all.toString();
	}

	private Process start(final String name, final String main, final String... args) throws IOException {
		final List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Xmx256m"));
		command.addAll(OPENS);
		command.addAll(List.of("-cp", home.resolve("jars").toString() + File.separator + "*", main));
		command.addAll(List.of(args));
		final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name +
			".log").toFile());
		final Map<String, String> env = pb.environment();
		env.put("SPARK_HOME", home.toString());
		env.put("SPARK_SCALA_VERSION", "2.13");
		env.put("SPARK_LOCAL_IP", "127.0.0.1");
		return pb.start();
	}

	/** target/spark-home: an empty RELEASE file and jars/ linking to Spark's jars, made once per build. */
	static Path sparkHome() throws IOException {
		final Path home = Paths.get("target", "spark-home").toAbsolutePath(), jars = home.resolve("jars");
		if (Files.isDirectory(jars)) return home;
		final Path tmp = Paths.get("target", "spark-home.tmp").toAbsolutePath();
		Files.createDirectories(tmp.resolve("jars"));
		Files.write(tmp.resolve("RELEASE"), new byte[0]);
		for (final String jar : Files.readString(Paths.get("target", "spark-classpath.txt")).trim().split(
			File.pathSeparator))
		{
			final Path j = Paths.get(jar);
			Files.createSymbolicLink(tmp.resolve("jars").resolve(j.getFileName()), j);
		}
		Files.move(tmp, home);
		return home;
	}

	/** The class path of this module's code and what it runs on, without Spark (what bin/fiji-ae gives executors). */
	static String appClassPath() throws IOException {
		return Paths.get("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(Paths.get(
			"target", "app-classpath.txt")).trim();
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return s.getLocalPort();
		}
	}

	private void waitForPort(final int p, final int seconds) throws Exception {
		final long end = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < end) {
			if (!master.isAlive()) throw new IllegalStateException("The master exited: " + Files.readString(logs.resolve(
				"master.log")));
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress("127.0.0.1", p), 1000);
				return;
			}
			catch (final IOException e) {
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("The master did not listen on " + p + " within " + seconds + " s");
	}

	@Override
	public void close() throws InterruptedException {
		for (final Process w : workers)
			stop(w);
		stop(master);
	}

	/** Stops a JVM and the executors it started (its descendants). */
	private static void stop(final Process p) throws InterruptedException {
		final List<ProcessHandle> children = new ArrayList<>();
		p.descendants().forEach(children::add);
		p.destroy();
		if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
		for (final ProcessHandle c : children)
			c.destroyForcibly();
	}
}
