package sc.fiji.autoencoders.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Choice;

/**
 * Settings of a training run. Mutable for easy use from commands and the CLI; {@link #validate()} checks them and
 * names the fix for each bad value.
 */
public final class TrainingConfig {

	/**
	 * Largest number of epochs, or 0 for no limit (the time budget {@link #minutes} then ends the run); the run may end
	 * earlier by early stopping, the time budget or cancellation.
	 */
	public int epochs = 100;
	public int stepsPerEpoch = 100;
	public int batchSize = 16;
	public int patchSize = 64;
	/** Planes (Z) of a training patch; used by 3D networks only. */
	public int patchDepth = 16;
	/** Time budget in minutes; 0 for none. */
	public double minutes = 0;
	public float learningRate = 1e-3f;
	public double validationFraction = 0.1;
	public int validationPatches = 64;
	/** Epochs without improvement before the learning rate is halved; only with {@link Schedule#PLATEAU}. */
	public int plateauPatience = 4;
	public double plateauFactor = 0.5;
	public float minLearningRate = 1e-5f;
	/** Epochs without improvement before training stops (0: never). */
	public int earlyStopPatience = 12;
	/**
	 * Cosine decay of the learning rate over the run (epochs or time budget), or halving on plateaus of the validation
	 * loss.
	 */
	public Schedule schedule = Schedule.COSINE;
	/** Steps over which the learning rate rises linearly from 0 to {@link #learningRate} at the start (0: none). */
	public int warmupSteps = 0;
	public long seed = 42;
	/** TensorFlow threads per operation, 0 for all cores. */
	public int threads = 0;
	/** auto, float32 or bfloat16 (see {@link sc.fiji.autoencoders.model.Precision}); used by the denoiser trainer. */
	public String precision = "auto";

	public TrainingConfig validate() {
		if (epochs < 0) throw new BadInputException("Epochs must be 0 (no limit: the time budget ends training) or " +
			"positive (got " + epochs + "): set e.g. 50 (--epochs 50), or 0 with a time budget (--minutes 15).");
		if (stepsPerEpoch <= 0) throw new BadInputException("Steps per epoch must be positive (got " + stepsPerEpoch +
			"): set at least 1, e.g. 100 (--steps-per-epoch 100).");
		if (batchSize <= 0) throw new BadInputException("Batch size must be positive (got " + batchSize +
			"): set at least 1, e.g. 16 (--batch 16).");
		if (patchSize <= 0) throw new BadInputException("Patch size must be positive (got " + patchSize +
			"): set a multiple of 2^depth such as 64 (--patch 64).");
		if (patchDepth <= 0) throw new BadInputException("Patch depth must be positive (got " + patchDepth +
			"): set a multiple of 2^(levels pooling Z) such as 16 (--patch-depth 16).");
		if (minutes < 0 || Double.isNaN(minutes)) throw new BadInputException("The time budget must be 0 (none) or a " +
			"positive number of minutes (got " + minutes + "): set 0 for no limit.");
		if (epochs == 0 && minutes == 0) throw new BadInputException("Neither a number of epochs nor a time budget " +
			"is set (both are 0), so training would never end: set a time budget (e.g. --minutes 15) or a number of " +
			"epochs (e.g. --epochs 50).");
		if (!(learningRate > 0) || Float.isInfinite(learningRate)) throw new BadInputException(
			"Learning rate must be a positive number (got " + learningRate + "): use e.g. 0.001.");
		if (!(validationFraction > 0 && validationFraction < 1)) {
			throw new BadInputException("Validation fraction must be between 0 and 1 (got " + validationFraction +
				"): use e.g. 0.1.");
		}
		if (validationPatches <= 0) throw new BadInputException("Validation patches must be positive (got " +
			validationPatches + "): use e.g. 64.");
		sc.fiji.autoencoders.model.Precision.parse(precision);
		if (schedule == null) throw new BadInputException("No learning-rate schedule given: use " + Choice.ids(
			Schedule.class) + ".");
		if (warmupSteps < 0) throw new BadInputException("Warm-up steps must be 0 (none) or positive (got " +
			warmupSteps + ").");
		if (threads < 0) throw new BadInputException("Threads must be 0 (all cores) or positive (got " + threads +
			"): use 0 to let TensorFlow choose.");
		return this;
	}

	/**
	 * Defaults for a VAE: batch 64 and learning rate 3e-3 (with cosine decay). On Fashion-MNIST they reach a test
	 * negative ELBO of 243.9 nats after 10 epochs against 250.1 for batch 128 at 1e-3 (docs/BENCHMARKS.md).
	 */
	public static TrainingConfig vae() {
		final TrainingConfig c = new TrainingConfig();
		c.batchSize = VAE_BATCH;
		c.learningRate = VAE_LEARNING_RATE;
		c.epochs = 10;
		return c;
	}

	public static final int VAE_BATCH = 64;
	public static final float VAE_LEARNING_RATE = 3e-3f;

	/**
	 * These settings as the JSON record kept in a trained model's file ({@code trainingSettings}), for the record: it is
	 * stored and shown, never read back into settings. The schedule is written by its id.
	 */
	public String toJson() {
		return new Gson().toJson(this);
	}

	/** {@link #toJson()} with a trainer's own setting {@code key} (e.g. a feature autoencoder's corruption) beside these. */
	public String toJson(final String key, final String value) {
		final JsonObject j = new Gson().toJsonTree(this).getAsJsonObject();
		j.addProperty(key, value);
		return j.toString();
	}

	public TrainingConfig copy() {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = epochs;
		c.stepsPerEpoch = stepsPerEpoch;
		c.batchSize = batchSize;
		c.patchSize = patchSize;
		c.patchDepth = patchDepth;
		c.minutes = minutes;
		c.learningRate = learningRate;
		c.validationFraction = validationFraction;
		c.validationPatches = validationPatches;
		c.plateauPatience = plateauPatience;
		c.plateauFactor = plateauFactor;
		c.minLearningRate = minLearningRate;
		c.earlyStopPatience = earlyStopPatience;
		c.schedule = schedule;
		c.warmupSteps = warmupSteps;
		c.seed = seed;
		c.threads = threads;
		c.precision = precision;
		return c;
	}
}
