package sc.fiji.autoencoders.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Turns a failed Spark job back into the message a user needs: Spark reports a task's exception as text ("Lost task
 * 3.3 in stage 0.0 (TID 12) (host executor 1): sc.fiji...BadInputException: ..."), so an executor's bad-input message
 * (a corrupt chunk, an executor that cannot load TensorFlow) is found there and given as such.
 */
final class Failures {

	private static final Pattern BAD_INPUT = Pattern.compile(Pattern.quote(BadInputException.class.getName()) +
		": (.*)");

	private Failures() {}

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
