package sc.fiji.autoencoders;

import java.io.File;

import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * Settings of a feature autoencoder's training run (names in each front end: {@link Settings}): a convolutional
 * autoencoder with a code of {@link #code} numbers and a regularizer. Same data and training loop as the VAE.
 */
public final class TrainAutoencoderSettings {

	/** Numbers in the code of each image. */
	public int code = 16;
	/** none, sparse (L1 on the code), contractive (encoder Jacobian norm) or linear (no non-linearity: PCA). */
	@Choices({ "none", "sparse", "contractive", "linear" })
	public String regularizer = "none";
	/** Weight of the sparse or contractive penalty against the squared error per image (ignored otherwise). */
	public float weight = 0.01f;
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
	/** An autoencoder model to continue training, or null for a new one. */
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
		c.earlyStopPatience = 0; // the budget is the epochs or minutes asked for, as for the VAE
		return c.validate();
	}
}
