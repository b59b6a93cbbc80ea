package sc.fiji.autoencoders.op;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
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

	/**
	 * The variant {@code id} of {@code op} (menu entries and command classes name theirs), or null for a null id.
	 *
	 * @throws IllegalStateException if {@code op} has no such variant: a menu entry out of step with the code is a bug
	 */
	public static <S> Variant<S> of(final Operation<S, ?> op, final String id) {
		if (id == null) return null;
		for (final Variant<S> v : op.variants())
			if (v.id.equals(id)) return v;
		throw new IllegalStateException("No variant " + id + " of " + op.getClass().getSimpleName());
	}

	/**
	 * The settings of {@code op} that front ends with dialogs offer in {@code variant} (null: every variant's), in
	 * {@link Settings#fields} order: all but the command line's own and those of other variants.
	 */
	public static <S> List<Field> shown(final Operation<S, ?> op, final Variant<S> variant) {
		final List<Field> shown = new ArrayList<>();
		for (final Field f : Settings.fields(op.settingsType()))
			if (!Settings.setting(f).commandLineOnly() && (variant == null || variant.shows(Settings.setting(f)))) shown
				.add(f);
		return shown;
	}
}
