package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.model.TrainingHistory;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import sc.fiji.autoencoders.model.Weights;

/**
 * The epoch loop shared by all trainers: a cosine learning-rate schedule (or reduction on plateau when it is off),
 * recovery from blow-ups, early stopping on the validation loss,
 * keeping the best weights, time budget, cancellation and progress events. What a step and a validation do is the
 * {@link Problem}'s business.
 */
public final class TrainingLoop {

	/** One network being trained. */
	public interface Problem {

		/** Runs one optimizer step (1-based global step count) and returns its training loss. */
		double step(long globalStep, float learningRate);

		/** Returns {validation loss, validation metric}. */
		double[] validate();

		/** A copy of the current weights. */
		Weights snapshot();

		/**
		 * Sets the weights back to {@code weights} and restarts the optimizer's moment estimates, after a blow-up.
		 *
		 * @param stepsDone global steps done so far
		 */
		void restore(Weights weights, long stepsDone);

		/**
		 * A validation loss that a healthy run never exceeds, e.g. twice the untrained identity's for a residual
		 * denoiser; infinity where there is none.
		 */
		default double divergenceLimit() {
			return Double.POSITIVE_INFINITY;
		}
	}

	/** Blow-ups the loop recovers from (halving the learning rate each time) before it stops the run. */
	public static final int MAX_RECOVERIES = 3;

	/**
	 * A validation loss this many times the best so far counts as a blow-up: ordinary epoch-to-epoch noise is a few per
	 * cent, an exploding run is orders of magnitude.
	 */
	static final double BLOW_UP_FACTOR = 10;

	/** What a run produced. */
	public static final class Outcome {

		/** Weights of the epoch with the best validation loss (of this run or the history it continued). */
		public final Weights best;
		public final TrainingHistory history;
		public final long steps;
		public final float learningRate;
		public final boolean cancelled;
		public final String stopReason;

		Outcome(final Weights best, final TrainingHistory history, final long steps, final float learningRate,
			final boolean cancelled, final String stopReason)
		{
			this.best = best;
			this.history = history;
			this.steps = steps;
			this.learningRate = learningRate;
			this.cancelled = cancelled;
			this.stopReason = stopReason;
		}
	}

	private final TrainingConfig config;
	private final String metricLabel;
	private final String validationLabel;
	private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
	private volatile boolean cancelled;
	private volatile double progress;
	private Checkpoint checkpoint;

	/** Receives the best weights each time the validation loss improves, e.g. to save them at once. */
	@FunctionalInterface
	public interface Checkpoint {

		void save(Weights best, TrainingHistory history, long step, float learningRate);
	}

	public void setCheckpoint(final Checkpoint c) {
		checkpoint = c;
	}

	/** @param metricLabel how to print the validation metric, e.g. {@code "validation PSNR %.2f dB"} */
	public TrainingLoop(final TrainingConfig config, final String metricLabel) {
		this(config, "validation loss", metricLabel);
	}

	/**
	 * @param validationLabel the log's name of the validation loss, e.g. "masked validation loss" for Noise2Void
	 * @param metricLabel how to print the validation metric, or null to leave it out (when it is the loss itself)
	 */
	public TrainingLoop(final TrainingConfig config, final String validationLabel, final String metricLabel) {
		this.config = config;
		this.validationLabel = validationLabel;
		this.metricLabel = metricLabel;
	}

	public void addListener(final TrainingListener l) {
		listeners.add(l);
	}

	public void addListeners(final List<TrainingListener> ls) {
		listeners.addAll(ls);
	}

	/** Asks the run to stop after the current step; the best weights so far are kept. */
	public void cancel() {
		cancelled = true;
	}

	public boolean isCancelled() {
		return cancelled;
	}

	/**
	 * How far the run is, from 0 to 1, by the one clock of the run: the larger of the steps done over the steps of the
	 * epoch limit and the time spent over the time budget (whichever of them is set). The cosine schedule decays by it;
	 * a method may ramp its own weights by it (Neighbor2Neighbor's regulariser).
	 */
	public double progress() {
		return progress;
	}

	/**
	 * Trains, continuing {@code history} (empty for a new model) from global step {@code startStep}.
	 *
	 * @param startBest weights that scored the best validation loss in {@code history}, or null
	 */
	public Outcome run(final Problem problem, final TrainingHistory history, final long startStep,
		final float startLearningRate, final Weights startBest)
	{
		final long t0 = System.nanoTime();
		final int firstEpoch = history.size() + 1;
		// no epoch limit (0): the time budget ends the run (TrainingConfig#validate requires one of them)
		final int lastEpoch = config.epochs > 0 ? history.size() + config.epochs : Integer.MAX_VALUE;
		final double budget = config.minutes > 0 ? config.minutes * 60 : Double.POSITIVE_INFINITY;
		final TrainingHistory.Epoch previousBest = history.best();
		double bestLoss = previousBest == null || startBest == null ? Double.POSITIVE_INFINITY
			: previousBest.validationLoss;
		Weights best = startBest;
		// the weights to go back to if the first epochs blow up before any best exists
		final Weights initial = startBest != null ? null : problem.snapshot();
		int recoveries = 0;
		long restartStep = startStep; // the warm-up counts from here: the start, or the last recovery
		float lr = startLearningRate;
		long step = startStep;
		int sinceBest = 0, sincePlateau = 0;
		double lastValLoss = Double.NaN, lastMetric = Double.NaN;
		float current = lr;
		String reason = "reached " + config.epochs + " epochs";
		progress = 0;
		boolean stop = false;
		for (int epoch = firstEpoch; epoch <= lastEpoch && !stop; epoch++) {
			double lossSum = 0;
			int n = 0;
			for (int s = 1; s <= config.stepsPerEpoch; s++) {
				step++;
				progress = progress(step - startStep, seconds(t0), budget);
				current = annealed(lr, step - restartStep);
				final double stepLoss = problem.step(step, current);
				lossSum += stepLoss;
				n++;
				final double elapsed = seconds(t0);
				final double rate = elapsed / (step - startStep);
				final long remainingSteps = (long) (lastEpoch - epoch) * config.stepsPerEpoch + config.stepsPerEpoch - s;
				final double eta = Math.max(0, Math.min(remainingSteps * rate, budget - elapsed));
				fire(new TrainingEvent(TrainingEvent.Type.STEP, epoch, lastEpoch, s, config.stepsPerEpoch, lossSum / n,
					lastValLoss, lastMetric, current, elapsed, eta, ""));
				if (cancelled) {
					reason = "cancelled";
					stop = true;
				}
				else if (elapsed >= budget) {
					reason = String.format(Locale.ROOT, "time budget of %.1f min reached", config.minutes);
					stop = true;
				}
				if (stop || !Double.isFinite(stepLoss)) break; // a NaN step: no use finishing the epoch
			}
			final double[] val = problem.validate();
			lastValLoss = val[0];
			lastMetric = val[1];
			final double elapsed = seconds(t0);
			history.add(new TrainingHistory.Epoch(epoch, step, lossSum / n, val[0], val[1], current, elapsed));
			String note = "";
			if (blewUp(lossSum / n, val[0], bestLoss, problem.divergenceLimit())) {
				if (stop) {
					// the run ends anyway: the best weights are what it returns
				}
				else if (recoveries < MAX_RECOVERIES) {
					recoveries++;
					lr *= 0.5f;
					problem.restore(best != null ? best : initial, step);
					restartStep = step;
					sinceBest = 0;
					sincePlateau = 0;
					note = String.format(Locale.ROOT, " - diverged: restarted from the %s weights at learning rate %.2g",
						best != null ? "best" : "initial", lr);
				}
				else {
					reason = "diverged " + (recoveries + 1) + " times; the best weights are kept";
					stop = true;
				}
			}
			else if (val[0] < bestLoss) {
				bestLoss = val[0];
				best = problem.snapshot();
				sinceBest = 0;
				sincePlateau = 0;
				if (checkpoint != null) checkpoint.save(best, history, step, lr);
			}
			else {
				sinceBest++;
				sincePlateau++;
			}
			// only without the cosine schedule: on top of it, a noisy validation loss that improves by less than its noise
			// late in a long run halved the rate again and again (a 60-minute run sat at the minimum for its last 22)
			if (config.schedule == Schedule.PLATEAU && sincePlateau >= config.plateauPatience && lr > config.minLearningRate) {
				lr = (float) Math.max(config.minLearningRate, lr * config.plateauFactor);
				sincePlateau = 0;
			}
			// with the cosine schedule only in its second half (rate below half the initial one): a stall at a high rate
			// is the rate's noise, and the decay still to come is where the last gains are (a 30-minute W2S run stopped
			// at 17 minutes, its rate still 0.4 of the initial one)
			final boolean decayed = config.schedule != Schedule.COSINE || current <= 0.5f * lr;
			if (!stop && config.earlyStopPatience > 0 && sinceBest >= config.earlyStopPatience && decayed) {
				reason = "early stopping: no improvement for " + sinceBest + " epochs";
				stop = true;
			}
			final double rate = elapsed / Math.max(1, step - startStep);
			final double eta = stop ? 0 : Math.max(0, Math.min((double) (lastEpoch - epoch) * config.stepsPerEpoch *
				rate, budget - elapsed));
			fire(new TrainingEvent(TrainingEvent.Type.EPOCH, epoch, lastEpoch, n, config.stepsPerEpoch, lossSum / n,
				val[0], val[1], current, elapsed, eta, String.format(Locale.ROOT, "Epoch %d%s: train loss %.5g, " +
					validationLabel + " %.5g", epoch, config.epochs > 0 ? "/" + lastEpoch : "", lossSum / n, val[0]) + (metricLabel == null ? ""
						: String.format(Locale.ROOT, ", " + metricLabel, val[1])) + String.format(Locale.ROOT,
							", lr %.2g, %s elapsed, ETA %s", current, duration(elapsed), duration(eta)) + note));
		}
		if (best == null) best = initial != null ? initial : problem.snapshot(); // only blow-ups: not their weights
		final double elapsed = seconds(t0);
		fire(new TrainingEvent(TrainingEvent.Type.FINISHED, history.size(), lastEpoch, 0, config.stepsPerEpoch,
			Double.NaN, lastValLoss, lastMetric, lr, elapsed, 0, "Training finished (" + reason + ") after " + duration(
				elapsed) + "; best " + validationLabel + " " + String.format(Locale.ROOT, "%.5g", bestLoss)));
		return new Outcome(best, history, step, lr, cancelled, reason);
	}

	// -- Helper methods --

	/** A NaN loss, or a validation loss past the problem's limit or far above the best so far. */
	static boolean blewUp(final double trainLoss, final double valLoss, final double bestLoss, final double limit) {
		if (!Double.isFinite(trainLoss) || !Double.isFinite(valLoss)) return true;
		return valLoss > limit || Double.isFinite(bestLoss) && valLoss > BLOW_UP_FACTOR * bestLoss;
	}

	/** {@link #progress()} after {@code stepsDone} steps of this run and {@code elapsed} seconds. */
	private double progress(final long stepsDone, final double elapsed, final double budget) {
		final double bySteps = config.epochs > 0 ? (double) stepsDone / ((long) config.epochs * config.stepsPerEpoch)
			: 0;
		return Math.min(1, Math.max(bySteps, elapsed / budget));
	}

	/**
	 * Cosine decay of the learning rate over the run ({@link #progress()}: by steps, or by time when a budget ends the
	 * run first): the last steps at a small rate settle the weights, worth a few tenths of a dB for a fixed budget.
	 */
	private float annealed(final float lr, final long sinceRestart) {
		// a linear warm-up keeps Adam's first, badly estimated steps from blowing up deep networks
		final float peak = config.warmupSteps > 0 ? lr * Math.min(1f, (float) sinceRestart / config.warmupSteps) : lr;
		if (config.schedule != Schedule.COSINE) return peak;
		return (float) Math.max(config.minLearningRate, peak * 0.5 * (1 + Math.cos(Math.PI * progress)));
	}

	private void fire(final TrainingEvent e) {
		e.validationLabel = validationLabel;
		e.metricLabel = metricLabel;
		for (final TrainingListener l : listeners)
			l.onEvent(e);
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	/** 75 -> "1 min 15 s". */
	public static String duration(final double seconds) {
		if (Double.isInfinite(seconds) || Double.isNaN(seconds)) return "?";
		final long s = Math.round(seconds);
		if (s < 60) return s + " s";
		if (s < 3600) return s / 60 + " min " + s % 60 + " s";
		return s / 3600 + " h " + s % 3600 / 60 + " min";
	}
}
