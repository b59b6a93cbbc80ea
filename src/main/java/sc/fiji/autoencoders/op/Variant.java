package sc.fiji.autoencoders.op;

import java.util.function.Consumer;

/**
 * One menu entry of an {@link Operation}: a label, the settings it fixes, and so the {@link Setting}s it shows (those
 * whose {@link Setting#only()} is empty or names this variant).
 */
public final class Variant<S> {

	public final String id;
	public final String label;
	private final Consumer<S> preset;

	/**
	 * @param id the variant's name, as {@link Setting#only()} lists it
	 * @param label the menu entry ("Train Denoiser from Noisy Images...")
	 * @param preset sets what the variant fixes (e.g. the training mode) on fresh settings
	 */
	public Variant(final String id, final String label, final Consumer<S> preset) {
		this.id = id;
		this.label = label;
		this.preset = preset;
	}

	/** Fixes what this variant fixes in {@code settings} and returns them. */
	public S apply(final S settings) {
		preset.accept(settings);
		return settings;
	}

	/** True if the setting shows in this variant's dialog. */
	public boolean shows(final Setting s) {
		if (s.only().length == 0) return true;
		for (final String v : s.only())
			if (v.equals(id)) return true;
		return false;
	}
}
