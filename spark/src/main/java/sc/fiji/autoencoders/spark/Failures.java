package sc.fiji.autoencoders.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkContext;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Turns a failed Spark job back into the message a user needs: Spark reports a task's exception as text ("Lost task
 * 3.3 in stage 0.0 (TID 12) (host executor 1): sc.fiji...BadInputException: ..."), so an executor's bad-input message
 * (a corrupt chunk, an executor that cannot load TensorFlow) is found there and given as such.
 */
final class Failures {

	private static final Pattern BAD_INPUT = Pattern.compile(Pattern.quote(BadInputException.class.getName()) +
		": (.*)");

	/** How long a context that Spark is stopping (in a thread of its own) may take to say so. */
	private static final long STOPPING_MILLIS = 3000;

	private Failures() {}

	/**
	 * The failure of a job whose context Spark stopped by itself (not Ctrl-C): in a standalone cluster, the master did not
	 * register the application (Spark gives up after about a minute of retries: a refused secret looks like that) or
	 * gave it up.
	 */
	static BadInputException masterGaveUp(final String master, final Throwable failure) {
		return new BadInputException("Spark stopped the job on " + master + " before it finished: the master did not " +
			"accept this application, or gave it up. If the cluster requires authentication (spark.authenticate=true), " +
			"give this driver the same secret (JAVA_OPTS or spark-submit's --properties-file; docs/SCALE.md, Securing a " +
			"shared cluster); otherwise see the master's log. Chunks written so far are complete: rerun with --resume to " +
			"finish. (Spark: " + firstLine(failure) + ")", failure);
	}

	/** The first line of the innermost message, at most 200 characters: Spark's messages can hold stack traces. */
	static String firstLine(final Throwable failure) {
		String m = String.valueOf(failure.getMessage());
		for (Throwable t = failure.getCause(); t != null; t = t.getCause())
			if (t.getMessage() != null) m = t.getMessage();
		m = m.strip().split("\\R", 2)[0];
		return m.length() > 200 ? m.substring(0, 200) + "..." : m;
	}

	/** Whether Spark stopped the context, waiting a little for a stop that Spark runs in a thread of its own. */
	static boolean stopped(final SparkContext sc) {
		final long end = System.currentTimeMillis() + STOPPING_MILLIS;
		while (!sc.isStopped() && System.currentTimeMillis() < end) {
			try {
				Thread.sleep(100);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return sc.isStopped();
	}

	/** Whether this JVM is shutting down (Ctrl-C: Spark's own shutdown hook stops the context then). */
	static boolean shuttingDown() {
		try {
			final Thread probe = new Thread(() -> {});
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (final IllegalStateException e) {
			return true;
		}
	}

	static RuntimeException explain(final Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BadInputException) return (BadInputException) t;
			final Matcher m = BAD_INPUT.matcher(String.valueOf(t.getMessage()));
			if (m.find()) return new BadInputException(m.group(1).trim(), failure);
		}
		return failure instanceof RuntimeException ? (RuntimeException) failure : new IllegalStateException(
			"The Spark job failed: " + failure, failure);
	}
}
