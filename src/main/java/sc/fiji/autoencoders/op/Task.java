package sc.fiji.autoencoders.op;

import java.util.function.Consumer;

import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.TrainingListener;

/**
 * What a running {@link Operation} tells its front end and hears from it: progress of predictions (tiles or planes),
 * the events of a training, status lines, and cancellation (Esc, a Cancel button, Ctrl-C). Methods are called on the
 * operation's thread; implementations hand UI work to the UI thread.
 */
public interface Task extends PredictionMonitor {

	/** A task that shows nothing and is never cancelled (scripts, tests). */
	Task NONE = new Task() {};

	/** A line for the user: the Log in Fiji, stdout on the command line. */
	default void log(final String line) {}

	/** Where a training reports its steps and epochs: by default its start, epochs and end as lines to {@link #log}. */
	default TrainingListener training() {
		return e -> {
			if (e.type != TrainingEvent.Type.STEP) log(e.message);
		};
	}

	/**
	 * Receives the action that stops a running training and keeps its best model: the front end calls it on Esc, the
	 * Cancel button or Ctrl-C. Called once a training starts.
	 */
	default Consumer<Runnable> cancelHook() {
		return null;
	}
}
