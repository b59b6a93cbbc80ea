package sc.fiji.autoencoders.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One record per finished epoch; stored in the model file and continued when training resumes. */
public final class TrainingHistory {

	/** Metrics of one epoch. */
	public static final class Epoch {

		public int epoch;
		public long step;
		public double trainLoss;
		public double validationLoss;
		/** Validation PSNR in dB for denoisers, negative ELBO in nats for VAEs. */
		public double validationMetric;
		public double learningRate;
		public double seconds;

		public Epoch() {}

		public Epoch(final int epoch, final long step, final double trainLoss, final double validationLoss,
			final double validationMetric, final double learningRate, final double seconds)
		{
			this.epoch = epoch;
			this.step = step;
			this.trainLoss = trainLoss;
			this.validationLoss = validationLoss;
			this.validationMetric = validationMetric;
			this.learningRate = learningRate;
			this.seconds = seconds;
		}
	}

	private final List<Epoch> epochs = new ArrayList<>();

	public void add(final Epoch e) {
		epochs.add(e);
	}

	public List<Epoch> epochs() {
		return Collections.unmodifiableList(epochs);
	}

	public int size() {
		return epochs.size();
	}

	public Epoch last() {
		return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
	}

	/** The epoch with the lowest validation loss, or null. */
	public Epoch best() {
		Epoch best = null;
		for (final Epoch e : epochs)
			if (best == null || e.validationLoss < best.validationLoss) best = e;
		return best;
	}

	public TrainingHistory copy() {
		final TrainingHistory h = new TrainingHistory();
		for (final Epoch e : epochs)
			h.add(new Epoch(e.epoch, e.step, e.trainLoss, e.validationLoss, e.validationMetric, e.learningRate, e.seconds));
		return h;
	}
}
