package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.DenoiserMethod;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.TrainingMode;

/** Picks the installed {@link TrainingMethod} that the settings' training mode and noisy method name. */
public final class TrainingMethods {

	/** {@code noisyMethod} of development builds, which recorded it as their default: Noise2Void. */
	public static final String AUTO = "auto";

	private TrainingMethods() {}

	/** The method of {@code id}; {@link BadInputException} naming the installed ones when there is none. */
	public static TrainingMethod of(final String id) {
		final DenoiserMethod m = DenoiserMethods.of(id);
		if (!(m instanceof TrainingMethod)) throw new BadInputException("Method '" + id + "' describes models but " +
			"cannot train them: choose one of " + DenoiserMethods.ids() + ".");
		return (TrainingMethod) m;
	}

	/**
	 * The method for a training {@code mode}: the mode's own one for clean images and pairs, {@code noisyMethod} (a
	 * method of mode noisy; {@code auto}: Noise2Void) for noisy images.
	 */
	public static TrainingMethod select(final TrainingMode mode, final String noisyMethod) {
		if (mode != TrainingMode.NOISY) return of(mode == TrainingMode.PAIRS ? DenoiserMethods.PAIRS
			: DenoiserMethods.CLEAN);
		final String id = String.valueOf(noisyMethod).trim().toLowerCase(java.util.Locale.ROOT);
		final TrainingMethod m = of(AUTO.equals(id) ? DenoiserMethods.NOISE2VOID : id);
		if (m.mode() != TrainingMode.NOISY) throw new BadInputException("Method '" + id + "' does not learn from noisy " +
			"images alone: choose a noisy method such as " + DenoiserMethods.NOISE2VOID + ", or mode " + m.mode() + ".");
		return m;
	}
}
