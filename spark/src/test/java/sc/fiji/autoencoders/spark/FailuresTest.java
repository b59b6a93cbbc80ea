package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * An executor's bad-input message (here: it cannot load TensorFlow) reaches the user as that one message, although
 * Spark hands the driver only the text of the task's failure; any other failure stays what it is.
 */
class FailuresTest {

	@Test
	void anExecutorsBadInputIsTheMessage() {
		final String why = "A Spark executor on node7 cannot load TensorFlow (java.lang.UnsatisfiedLinkError: no " +
			"jnitensorflow): its machine needs Linux x86-64 or arm64 (glibc 2.28+).";
		final SparkException e = new SparkException("Job aborted due to stage failure: Task 3 in stage 0.0 failed 4 " +
			"times, most recent failure: Lost task 3.3 in stage 0.0 (TID 12) (node7 executor 1): " + BadInputException.class
				.getName() + ": " + why + "\n\tat sc.fiji.autoencoders.spark.ExecutorDenoisers.load(ExecutorDenoisers.java:70)");
		final RuntimeException r = Failures.explain(e);
		assertTrue(r instanceof BadInputException, r.toString());
		assertEquals(why, r.getMessage());
	}

	@Test
	void otherFailuresStayWhatTheyAre() {
		final IllegalStateException bug = new IllegalStateException("a bug");
		assertSame(bug, Failures.explain(bug));
		final RuntimeException r = Failures.explain(new SparkException("Lost task 0.3: java.lang.OutOfMemoryError"));
		assertTrue(r.getMessage().startsWith("The Spark job failed: "), r.getMessage());
	}
}
