package sc.fiji.autoencoders.ij1;

import java.io.File;
import java.lang.reflect.Field;
import java.math.BigDecimal;

import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Choices;
import sc.fiji.autoencoders.Settings;

/**
 * The fields of a settings object as dialog fields labelled with their macro keys, so that every ImageJ 1 dialog
 * offers every setting with the core's default, records it, and replays it from a macro.
 */
final class SettingsDialog {

	private SettingsDialog() {}

	/** Adds one field per setting, in declaration order, showing the values of {@code settings}. */
	static void add(final GenericDialog gd, final Object settings) {
		for (final Field f : Settings.fields(settings.getClass())) {
			final String key = Settings.key(f);
			final Object value = Settings.get(f, settings);
			final Choices choices = f.getAnnotation(Choices.class);
			final Class<?> t = f.getType();
			if (choices != null) gd.addChoice(key, choices.value(), (String) value);
			else if (t == boolean.class) gd.addCheckbox(key, (Boolean) value);
			else if (t == File.class) gd.addFileField(key, value == null ? "" : value.toString(), 30);
			else if (t == String.class) gd.addStringField(key, (String) value, 24);
			else gd.addNumericField(key, ((Number) value).doubleValue(), decimals((Number) value));
		}
	}

	/** Reads the fields added by {@link #add} (after the plugin's own fields) into {@code settings}. */
	static <S> S read(final GenericDialog gd, final S settings) {
		for (final Field f : Settings.fields(settings.getClass())) {
			final Class<?> t = f.getType();
			final Object value;
			if (f.getAnnotation(Choices.class) != null) value = gd.getNextChoice();
			else if (t == boolean.class) value = gd.getNextBoolean();
			else if (t == File.class || t == String.class) value = gd.getNextString();
			else value = gd.getNextNumber();
			Settings.set(f, settings, value);
		}
		return settings;
	}

	/** Enough decimals to show the default exactly (0.001 needs 3), none for whole numbers. */
	private static int decimals(final Number n) {
		if (n instanceof Integer || n instanceof Long) return 0;
		return Math.max(0, Math.min(9, new BigDecimal(n.toString()).stripTrailingZeros().scale()));
	}
}
