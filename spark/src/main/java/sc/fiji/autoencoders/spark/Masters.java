package sc.fiji.autoencoders.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The Spark master a job runs on: which one (the option, else spark-submit's, else local[*]), how many cores a task
 * gets there, and whether it answers, so that a wrong URL fails within seconds with a message naming it rather than
 * after Spark's minute of registration retries.
 */
final class Masters {

	/** How long a standalone master may take to accept a connection. */
	static final int PROBE_MILLIS = 5000;

	private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?\\])?");
	private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");

	private Masters() {}

	/** The option's master; empty: the one spark-submit gave (system property spark.master), else local[*]. */
	static String resolve(final String option) {
		if (option != null && !option.trim().isEmpty()) return option.trim();
		return System.getProperty("spark.master", "local[*]");
	}

	/** True for Spark inside this process. */
	static boolean isLocal(final String master) {
		return LOCAL.matcher(master).matches();
	}

	/** The cores of local[N] (all of this machine's for local[*]); 1 for plain local. */
	static int localCores(final String master) {
		final Matcher m = LOCAL.matcher(master);
		if (!m.matches()) throw new IllegalArgumentException(master);
		if (m.group(1) == null) return 1;
		if (m.group(1).equals("*")) return Runtime.getRuntime().availableProcessors();
		final int n = Integer.parseInt(m.group(1));
		if (n < 1) throw new BadInputException("--master " + master + ": local[N] needs N of 1 or more cores.");
		return n;
	}

	/** True if the driver and every executor are on this machine's loopback (tests, a laptop's standalone cluster). */
	static boolean isLoopback(final String master) {
		if (isLocal(master)) return true;
		final Matcher m = STANDALONE.matcher(master);
		if (!m.matches()) return false;
		for (final String hostPort : m.group(1).split(",")) {
			final String host = hostPort.replaceFirst(":\\d+$", "");
			if (!host.equals("127.0.0.1") && !host.equals("localhost")) return false;
		}
		return true;
	}

	/**
	 * Checks the master's form and, for a standalone cluster, that one of its masters accepts a connection.
	 *
	 * @throws BadInputException naming the URL and the fix
	 */
	static void check(final String master) {
		if (isLocal(master)) {
			localCores(master);
			return;
		}
		final Matcher m = STANDALONE.matcher(master);
		if (!m.matches()) {
			if (master.equals("yarn") || master.startsWith("k8s://") || master.startsWith("mesos://")) return;
			throw new BadInputException("--master " + master + " is not a Spark master: give local[N], " +
				"spark://HOST:7077 (a standalone cluster), yarn or k8s://https://HOST:PORT.");
		}
		String why = null;
		for (final String hostPort : m.group(1).split(",")) {
			final int colon = hostPort.lastIndexOf(':');
			final String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
			final int port;
			try {
				port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
			}
			catch (final NumberFormatException e) {
				throw new BadInputException("--master " + master + ": " + hostPort + " is not HOST:PORT.");
			}
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress(host, port), PROBE_MILLIS);
				return;
			}
			catch (final IOException e) {
				why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			}
		}
		throw new BadInputException("Cannot reach the Spark master " + master + " (" + why + " within " +
			PROBE_MILLIS / 1000 + " s): start it (docs/SCALE.md: Master and Worker), or check --master's host and port " +
			"and the firewall between this machine and the master.");
	}
}
