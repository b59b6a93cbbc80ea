package sc.fiji.autoencoders.ij1;

import java.util.function.Consumer;

import ij.IJ;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.train.TrainingListener;

/** A task in ImageJ: lines to the Log, the progress bar and status line, Esc to stop, a live loss plot in training. */
final class Ij1Task implements Task {

	private final String title;
	private Runnable stopTraining;

	Ij1Task(final String title) {
		this.title = title;
	}

	@Override
	public void log(final String line) {
		IJ.log(line);
	}

	@Override
	public void progress(final long done, final long total) {
		IJ.showProgress((double) done / total);
		IJ.showStatus(title + ": " + done + "/" + total + " (Esc cancels)");
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}

	@Override
	public TrainingListener training() {
		return new LossPlot(title, () -> {
			if (stopTraining != null) stopTraining.run();
		});
	}

	@Override
	public Consumer<Runnable> cancelHook() {
		return stop -> stopTraining = stop;
	}
}
