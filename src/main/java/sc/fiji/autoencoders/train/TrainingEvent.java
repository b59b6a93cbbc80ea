package sc.fiji.autoencoders.train;

/** Progress of a training run, sent to {@link TrainingListener}s after each step and each epoch. */
public final class TrainingEvent {

	/** What happened. */
	public enum Type {
		STEP, EPOCH, FINISHED
	}

	public final Type type;
	/** 1-based epoch and step within the epoch. */
	public final int epoch, epochs, step, stepsPerEpoch;
	/** Mean training loss of the epoch so far; validation loss and metric of the last finished epoch (NaN before). */
	public final double trainLoss, validationLoss, validationMetric;
	public final double learningRate, elapsedSeconds, etaSeconds;
	/** Human-readable line, e.g. for the log. */
	public final String message;
	/**
	 * What the loop calls its validation loss (e.g. "masked validation loss" for Noise2Void) and how it prints the
	 * validation metric (e.g. "validation PSNR %.2f dB"; null when the metric is the loss itself), so that plots label
	 * each training method's curves right without knowing the method. Set by the loop before listeners see the event.
	 */
	public String validationLabel = "validation loss", metricLabel;

	public TrainingEvent(final Type type, final int epoch, final int epochs, final int step, final int stepsPerEpoch,
		final double trainLoss, final double validationLoss, final double validationMetric, final double learningRate,
		final double elapsedSeconds, final double etaSeconds, final String message)
	{
		this.type = type;
		this.epoch = epoch;
		this.epochs = epochs;
		this.step = step;
		this.stepsPerEpoch = stepsPerEpoch;
		this.trainLoss = trainLoss;
		this.validationLoss = validationLoss;
		this.validationMetric = validationMetric;
		this.learningRate = learningRate;
		this.elapsedSeconds = elapsedSeconds;
		this.etaSeconds = etaSeconds;
		this.message = message;
	}

	/** Fraction of the run done, 0 to 1, counting the time budget when it ends the run first. */
	public double progress() {
		final double total = elapsedSeconds + etaSeconds;
		return total > 0 ? Math.min(1, elapsedSeconds / total) : 0;
	}

	@Override
	public String toString() {
		return message;
	}
}
