package sc.fiji.autoencoders;

import java.io.File;

import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * Settings of a VAE training run, with the defaults every front end shows (names: {@link Settings}). Batch 64 at
 * learning rate 3e-3 reached a Fashion-MNIST test negative ELBO of 243.9 nats in 10 epochs, against 250.1 for batch
 * 128 at 1e-3 (docs/BENCHMARKS.md).
 */
public final class TrainVaeSettings {

	/** Latent dimensions. */
	public int latent = 16;
	/** Weight of the KL term (1: the true ELBO). */
	public float beta = 1;
	/** Epochs over which the KL weight rises linearly to beta (0: none). */
	public int klWarmup = 0;
	@Choices({ VaeSpec.BERNOULLI, VaeSpec.GAUSSIAN })
	public String likelihood = VaeSpec.BERNOULLI;
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
	/** A VAE model to continue training, or null for a new one. */
	public File resumeFrom;
	/**
	 * Labels make a class-conditional VAE, which generates images of a chosen class: none (default: an unconditional
	 * VAE), auto (the slice labels if every slice has one; a folder of class subfolders labels each image by its
	 * subfolder) or slices (every slice must have one).
	 */
	@Choices({ Labels.NONE, Labels.AUTO, Labels.SLICES })
	public String labels = Labels.NONE;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	public File labelsFile;

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
