package sc.fiji.autoencoders;

import java.io.File;

import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * The settings every model that encodes images to codes trains with (the VAE and the feature autoencoder: same data,
 * same encoder and decoder shapes, same training loop), with the defaults every front end shows (names:
 * {@link Settings}, which lists a subclass's own settings first, then these).
 */
public abstract class CodeModelTrainingSettings {

	/** Stride-2 convolutions in the encoder (and transposed ones in the decoder). */
	public int depth = 2;
	public int filters = 32;
	public int epochs = 10;
	/** Time budget in minutes, 0 for none. */
	public double minutes = 15;
	public int batchSize = TrainingConfig.VAE_BATCH;
	public float learningRate = TrainingConfig.VAE_LEARNING_RATE;
	/** Fraction of the images held out to measure the validation loss. */
	public double validationFraction = 0.1;
	public long seed = 42;
	/** TensorFlow threads, 0 for all cores. */
	public int threads = 0;
	/** A model of the same kind to continue training, or null for a new one. */
	public File resumeFrom;

	/** The training loop's settings, checked. */
	public TrainingConfig config() {
		final TrainingConfig c = TrainingConfig.vae();
		c.epochs = epochs;
		c.minutes = minutes;
		c.batchSize = batchSize;
		c.learningRate = learningRate;
		c.validationFraction = validationFraction;
		c.seed = seed;
		c.threads = threads;
		// a VAE's validation loss is noisy from epoch to epoch; the budget is the epochs or minutes asked for
		c.earlyStopPatience = 0;
		return c.validate();
	}
}
