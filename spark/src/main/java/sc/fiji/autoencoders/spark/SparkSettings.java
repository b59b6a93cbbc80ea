package sc.fiji.autoencoders.spark;

import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a denoising job. Every {@code -Dspark.*} system property (JAVA_OPTS, or spark-submit's
 * --conf) is read first and wins over the choices made here except the master and cores that the options give.
 */
final class SparkSettings {

	/**
	 * The class path executors of a standalone cluster get when this process is not launched by spark-submit: the
	 * plugin, its dependencies and this module, at the same paths on every worker (one machine, or a shared file
	 * system). bin/fiji-ae sets it without Spark's own jars; the default is this JVM's whole class path.
	 */
	static final String APP_CLASSPATH = "fiji.ae.spark.app.classpath";

	private SparkSettings() {}

	/**
	 * The executors' garbage collector, sized to their cores rather than to the machine's: G1 runs threads of its own
	 * on every core, which on a node shared by several executors take from TensorFlow's. Two 1-core workers on 2 cores
	 * gave 1.51 x the throughput of one with G1 and 1.82 x with the serial collector (the machine's ceiling for two
	 * processes; docs/BENCHMARKS.md).
	 */
	static String gc(final int cores) {
		return cores <= 1 ? "-XX:+UseSerialGC" : "-XX:ParallelGCThreads=" + cores + " -XX:ConcGCThreads=1";
	}

	static SparkConf conf(final String master, final int executorCores, final String name) {
		final SparkConf conf = new SparkConf(true).setAppName("fiji-ae denoise " + name);
		final boolean submitted = System.getProperty("spark.master") != null && master.equals(System.getProperty(
			"spark.master"));
		conf.setMaster(master);
		final int cores;
		if (Masters.isLocal(master)) cores = Masters.localCores(master);
		else {
			cores = conf.getInt("spark.executor.cores", executorCores);
			conf.set("spark.executor.cores", Integer.toString(cores));
		}
		// one task at a time per executor, with all its cores as TensorFlow's threads: one model per executor JVM
		conf.set("spark.task.cpus", Integer.toString(cores));
		if (Masters.isLoopback(master)) {
			conf.setIfMissing("spark.driver.host", "127.0.0.1");
			conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
		}
		if (!Masters.isLocal(master)) conf.setIfMissing("spark.executor.extraJavaOptions", gc(cores));
		if (Masters.isLocal(master)) conf.setIfMissing("spark.ui.enabled", "false");
		else if (!submitted) conf.setIfMissing("spark.executor.extraClassPath", System.getProperty(APP_CLASSPATH, System
			.getProperty("java.class.path")));
		return conf;
	}
}
