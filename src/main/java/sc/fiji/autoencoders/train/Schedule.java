package sc.fiji.autoencoders.train;

import com.google.gson.annotations.SerializedName;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Choice;

/**
 * How the learning rate changes over a training run ({@link TrainingConfig#schedule}). Both start with the optional
 * linear warm-up. The training settings recorded in a model file name it by its id.
 */
public enum Schedule implements Choice {

	/** Cosine decay to the minimum rate over the epochs or the time budget, whichever ends the run first. */
	@SerializedName("cosine")
	COSINE,
	/** Constant, halved (by the plateau factor) when the validation loss stalls for the plateau patience. */
	@SerializedName("plateau")
	PLATEAU;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static Schedule parse(final String text) {
		return Choice.parse(Schedule.class, text, "learning-rate schedule");
	}

	@Override
	public String toString() {
		return id();
	}
}
