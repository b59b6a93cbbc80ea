package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * The settings every model that encodes images to codes trains with (the VAE and the feature autoencoder: same data,
 * same encoder and decoder shapes, same training loop), with the defaults every front end shows (names:
 * {@link Settings}, which lists the images and files first, then a subclass's own settings, then these).
 */
public abstract class CodeModelTrainingSettings {

	@Setting(label = "Training images", required = true, aliases = "image", help = "A stack (every slice is a " +
		"sample), folders of same-size images, or IDX files (Fashion-MNIST).")
	public List<ImagePlus> images;
	@Setting(label = "Model file to write", writes = true, required = true, aliases = { "out", "model_file" },
		transientValue = true, help = "Where the model goes (.aemodel), after every improving epoch.")
	public File model;
	/** Stride-2 convolutions in the encoder (and transposed ones in the decoder). */
	@Setting(label = "Depth", min = "1", max = "5", advanced = true, help = "Stride-2 convolutions in the encoder " +
		"(and transposed ones in the decoder).")
	public int depth = 2;
	@Setting(label = "Base filters", min = "1", max = "256", advanced = true)
	public int filters = 32;
	@Setting(label = "Epochs", min = "1", help = "Passes over the training images.")
	public int epochs = 10;
	/** Time budget in minutes, 0 for none. */
	@Setting(label = "Time budget", unit = "minutes", min = "0", help = "Training stops after this long (0: no " +
		"limit) and keeps the best model; Esc or Ctrl-C stops it earlier.")
	public double minutes = 15;
	@Setting(label = "Batch size", min = "1", advanced = true, aliases = "batch")
	public int batchSize = TrainingConfig.VAE_BATCH;
	@Setting(label = "Learning rate", min = "0", advanced = true, help = "Initial learning rate.")
	public float learningRate = TrainingConfig.VAE_LEARNING_RATE;
	/** Fraction of the images held out to measure the validation loss. */
	@Setting(label = "Validation fraction", min = "0", max = "1", advanced = true, help = "Fraction of the images " +
		"held out to measure the validation loss.")
	public double validationFraction = 0.1;
	@Setting(label = "Random seed", advanced = true)
	public long seed = 42;
	/** TensorFlow threads, 0 for all cores. */
	@Setting(label = "TensorFlow threads", min = "0", advanced = true, help = "0: all cores.")
	public int threads = 0;
	/** A model of the same kind to continue training, or null for a new one. */
	@Setting(label = "Continue training model", aliases = "resume", advanced = true, transientValue = true, help =
		"A model of the same kind to continue training (empty: a new model).")
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
