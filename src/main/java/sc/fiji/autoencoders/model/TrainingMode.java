package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * What a denoiser was trained from: stored as {@code mode} in the model file (files written before the modes existed
 * were all {@link #CLEAN}). Every mode writes the same kind of model, which denoises the same way.
 */
public enum TrainingMode implements Choice {

	/** Clean images, corrupted on the fly by a noise model (the network learns to remove that noise). */
	CLEAN("clean images + noise model"),
	/** Noisy images only, by blind-spot masking (Noise2Void, with the N2V2 and structN2V options). */
	NOISY("Noise2Void (noisy images only)"),
	/** Registered pairs: noisy input and clean target (CARE) or two noisy acquisitions (Noise2Noise). */
	PAIRS("input/target pairs (CARE, Noise2Noise)");

	/** The ids as front ends list them (compile-time constants for the settings' choices). */
	public static final String CLEAN_ID = "clean", NOISY_ID = "noisy", PAIRS_ID = "pairs";

	private final String description;

	TrainingMode(final String description) {
		this.description = description;
	}

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static TrainingMode parse(final String text) {
		return Choice.parse(TrainingMode.class, text, "training mode");
	}

	/** For people, e.g. "Noise2Void (noisy images only)". */
	public String description() {
		return description;
	}

	@Override
	public String id() {
		return Choice.idOf(this);
	}

	@Override
	public String toString() {
		return id();
	}
}
