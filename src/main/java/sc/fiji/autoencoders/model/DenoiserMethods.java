package sc.fiji.autoencoders.model;

import java.util.List;
import java.util.stream.Collectors;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The training methods installed: every SciJava plug-in whose type is a {@link DenoiserMethod} (the training methods
 * of {@code train/}), found by SciJava's plug-in index without a Context ({@link PluginInstances}), so that a new
 * method is its own class.
 */
public final class DenoiserMethods {

	/** The ids of the methods of earlier versions, which model files written before the record derive. */
	public static final String CLEAN = "clean", NOISE2VOID = "noise2void", NEIGHBOR2NEIGHBOR = "neighbor2neighbor",
		PAIRS = "pairs";

	private static volatile List<DenoiserMethod> all;

	private DenoiserMethods() {}

	/** Every installed method, in the plug-ins' priority order, one per id. */
	public static List<DenoiserMethod> all() {
		List<DenoiserMethod> a = all;
		if (a == null) all = a = discover();
		return a;
	}

	/** The ids of the installed methods, e.g. for a message. */
	public static List<String> ids() {
		return all().stream().map(DenoiserMethod::id).collect(Collectors.toList());
	}

	/** The method of {@code id}, or null when none is installed under it. */
	public static DenoiserMethod find(final String id) {
		for (final DenoiserMethod m : all())
			if (m.id().equals(id)) return m;
		return null;
	}

	/** @throws BadInputException naming the installed methods if none has {@code id} */
	public static DenoiserMethod of(final String id) {
		final DenoiserMethod m = find(id);
		if (m == null) throw new BadInputException("Unknown training method '" + id + "': use one of " + ids() + ".");
		return m;
	}

	/**
	 * The method of a model file written before the method was recorded: blind-spot masking was Noise2Void, noisy
	 * images without it Neighbor2Neighbor, and pairs and clean images had one method each.
	 */
	public static String derived(final TrainingMode mode, final Masking masking) {
		if (mode == TrainingMode.NOISY) return masking != null ? NOISE2VOID : NEIGHBOR2NEIGHBOR;
		return mode == TrainingMode.PAIRS ? PAIRS : CLEAN;
	}

	private static List<DenoiserMethod> discover() {
		return PluginInstances.of(DenoiserMethod.class, DenoiserMethod::id);
	}
}
