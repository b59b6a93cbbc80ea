package sc.fiji.autoencoders.model;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** Creates sessions with the project's thread and graph-rewriting settings. */
public final class Sessions {

	private Sessions() {}

	/**
	 * A session on {@code graph} using {@code threads} threads for each operation (0: all cores). Grappler's remapper is
	 * off: on TF 2.x it fails to fuse LeakyReLU gradients in these graphs and logs an error for every new graph,
	 * without any speed gain. Per-session thread pools notwithstanding, a JVM's first session sizes some process-wide
	 * thread state: a later session with more threads ran 1.5x slower after a 1-thread one (measured in Spark's local
	 * mode), so a session made only for a side task (planning, export) asks for as many threads as the work's.
	 */
	public static Session create(final Graph graph, final int threads) {
		return create(graph, threads, false);
	}

	/**
	 * As {@link #create(Graph, int)}; with {@code bfloat16}, oneDNN's auto-mixed-precision pass runs convolutions in
	 * bfloat16 (see {@link Precision}).
	 */
	public static Session create(final Graph graph, final int threads, final boolean bfloat16) {
		final int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		final ConfigProto config = ConfigProto.newBuilder() //
			.setIntraOpParallelismThreads(n) //
			.setInterOpParallelismThreads(n == 1 ? 1 : 2) //
			.setUsePerSessionThreads(true) //
			.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(RewriterConfig.newBuilder() //
				.setRemapping(RewriterConfig.Toggle.OFF) //
				.setAutoMixedPrecisionOnednnBfloat16(bfloat16 ? RewriterConfig.Toggle.ON : RewriterConfig.Toggle.OFF))) //
			.build();
		final Session session = new Session(graph, config);
		session.initialize();
		return session;
	}
}
