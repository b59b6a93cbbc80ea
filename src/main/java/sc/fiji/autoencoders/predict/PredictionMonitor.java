package sc.fiji.autoencoders.predict;

/** Progress and cancellation of a long prediction. Both methods are called on the predicting thread. */
public interface PredictionMonitor {

	PredictionMonitor NONE = new PredictionMonitor() {};

	/** {@code done} of {@code total} work units (tiles, or planes) are finished. */
	default void progress(final long done, final long total) {}

	/** Checked between tiles; true stops the prediction with a {@link CancelledException}. */
	default boolean isCancelled() {
		return false;
	}

	/** Thrown when a prediction is cancelled; nothing partial is returned. */
	final class CancelledException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public CancelledException() {
			super("Prediction cancelled.");
		}
	}
}
