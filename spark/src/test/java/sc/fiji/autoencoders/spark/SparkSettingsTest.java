package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Executors of a cluster get a garbage collector sized to their cores, unless the user chose their JVM options. */
class SparkSettingsTest {

	@Test
	void clusterExecutorsGetACollectorSizedToTheirCores() {
		assertEquals("-XX:+UseSerialGC", SparkSettings.conf("spark://127.0.0.1:7077", 1, "x").get(
			"spark.executor.extraJavaOptions"));
		assertEquals("-XX:ParallelGCThreads=4 -XX:ConcGCThreads=1", SparkSettings.conf("spark://127.0.0.1:7077", 4, "x")
			.get("spark.executor.extraJavaOptions"));
		assertEquals("4", SparkSettings.conf("spark://127.0.0.1:7077", 4, "x").get("spark.task.cpus"));
		assertFalse(SparkSettings.conf("local[2]", 1, "x").contains("spark.executor.extraJavaOptions"),
			"local mode: the executor is this JVM");
	}

	@Test
	void theUsersExecutorOptionsWin() {
		System.setProperty("spark.executor.extraJavaOptions", "-XX:+UseParallelGC");
		try {
			assertEquals("-XX:+UseParallelGC", SparkSettings.conf("spark://127.0.0.1:7077", 1, "x").get(
				"spark.executor.extraJavaOptions"));
		}
		finally {
			System.clearProperty("spark.executor.extraJavaOptions");
		}
	}
}
