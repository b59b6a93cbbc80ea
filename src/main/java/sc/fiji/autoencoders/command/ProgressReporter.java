package sc.fiji.autoencoders.command;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.TrainingListener;

/** Shows training progress through SciJava: the status bar and progress bar per step, one log line per epoch. */
final class ProgressReporter implements TrainingListener {

	private final LogService log;
	private final StatusService status;

	ProgressReporter(final LogService log, final StatusService status) {
		this.log = log;
		this.status = status;
	}

	@Override
	public void onEvent(final TrainingEvent e) {
		if (e.type == TrainingEvent.Type.STEP) {
			if (status != null) {
				status.showProgress((int) Math.round(1000 * e.progress()), 1000);
				status.showStatus(String.format("Training epoch %d, step %d/%d, loss %.4g, ETA %s", e.epoch, e.step,
					e.stepsPerEpoch, e.trainLoss, sc.fiji.autoencoders.train.TrainingLoop.duration(e.etaSeconds)));
			}
		}
		else {
			log.info(e.message);
			if (status != null && e.type == TrainingEvent.Type.FINISHED) status.clearStatus();
		}
	}
}
