package sc.fiji.autoencoders.ij1;

import java.awt.Color;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import ij.IJ;
import ij.gui.Plot;
import ij.gui.PlotWindow;
import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.TrainingListener;
import sc.fiji.autoencoders.train.TrainingLoop;

/**
 * Training progress in ImageJ: progress bar and status line per step (with ETA and "press Esc to stop"), a log line
 * per epoch, and, when interactive, a live plot of training and validation loss with the validation metric in its
 * title. Esc cancels the training, which keeps the best model so far.
 */
final class LossPlot implements TrainingListener {

	private final String title;
	private final Runnable cancel;
	private final boolean plot;
	private final List<Double> epochs = new ArrayList<>(), train = new ArrayList<>(), val = new ArrayList<>();
	private PlotWindow window;
	private boolean cancelled;

	/**
	 * @param title names the run in the status line and the plot ("Denoiser", "VAE")
	 * @param cancel stops the training, keeping its best model (on Esc)
	 */
	LossPlot(final String title, final Runnable cancel) {
		this.title = title;
		this.cancel = cancel;
		this.plot = PlugInSupport.interactive();
	}

	@Override
	public void onEvent(final TrainingEvent e) {
		if (e.type == TrainingEvent.Type.STEP) {
			IJ.showProgress(e.progress());
			IJ.showStatus(String.format(Locale.ROOT, "%s: epoch %d, step %d/%d, loss %.4g, ETA %s (Esc stops, keeping the " +
				"best model)", title, e.epoch, e.step, e.stepsPerEpoch, e.trainLoss, TrainingLoop.duration(e.etaSeconds)));
			if (!cancelled && IJ.escapePressed()) {
				cancelled = true;
				IJ.resetEscape();
				IJ.log(title + ": stopping after this step; the best model so far is kept.");
				cancel.run();
			}
			return;
		}
		IJ.log(e.message);
		if (e.type == TrainingEvent.Type.FINISHED) {
			IJ.showProgress(1.0);
			IJ.showStatus(title + ": done");
			return;
		}
		epochs.add((double) e.epoch);
		train.add(e.trainLoss);
		val.add(e.validationLoss);
		if (plot) draw(e);
	}

	private void draw(final TrainingEvent e) {
		final Plot p = new Plot(title + " loss", "epoch", "loss");
		p.setColor(Color.BLUE);
		p.addPoints(toArray(epochs), toArray(train), Plot.LINE);
		p.setColor(Color.RED);
		p.addPoints(toArray(epochs), toArray(val), Plot.LINE);
		p.setColor(Color.BLACK);
		p.addLegend("training loss\t" + e.validationLabel);
		final String metric = e.metricLabel != null ? String.format(Locale.ROOT, e.metricLabel, e.validationMetric)
			: String.format(Locale.ROOT, "%s %.5g", e.validationLabel, e.validationLoss);
		p.addLabel(0, 0, String.format(Locale.ROOT, "epoch %d: %s, ETA %s", e.epoch, metric, TrainingLoop.duration(
			e.etaSeconds)));
		// both curves, not only the first one, with a margin
		final DoubleSummaryStatistics range = Stream.concat(train.stream(), val.stream()).mapToDouble(Double::doubleValue)
			.filter(Double::isFinite).summaryStatistics();
		final double lo = range.getMin(), hi = range.getMax();
		if (range.getCount() > 0) p.setLimits(1, Math.max(2, epochs.size()), lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo));
		if (window == null || window.isClosed()) window = p.show();
		else window.drawPlot(p);
	}

	private static double[] toArray(final List<Double> l) {
		return l.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
