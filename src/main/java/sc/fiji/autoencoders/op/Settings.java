package sc.fiji.autoencoders.op;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;

/**
 * The one place that turns the {@link Setting}s of a settings class into the names each front end uses, so that the
 * CLI, the SciJava commands and the ImageJ 1 dialogs cannot drift apart: field {@code maxFilters} is the macro key and
 * SciJava input {@code max_filters} and the CLI option {@code --max-filters}. Settings classes have public, non-final
 * instance fields annotated {@link Setting}, of type int, long, float, double, boolean, String, File, ImagePlus or
 * List of ImagePlus, whose initial values are the defaults every front end shows.
 */
public final class Settings {

	private Settings() {}

	/**
	 * The {@link Setting} fields of {@code type} in the order of dialogs: the data first (images, then the files read
	 * and the model file written), then the options as declared, a class's own before those it inherits.
	 */
	public static List<Field> fields(final Class<?> type) {
		final List<Field> fields = new ArrayList<>();
		for (final Field f : type.getFields())
			if (!Modifier.isStatic(f.getModifiers()) && f.isAnnotationPresent(Setting.class)) fields.add(f);
		// the data first (images, then required files), then the options in declaration order
		fields.sort((a, b) -> rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : Integer.compare(order(type, a),
			order(type, b)));
		return fields;
	}

	/** {@code maxFilters} -> {@code max_filters}: the macro key and SciJava parameter name. */
	public static String key(final Field f) {
		return f.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	/** {@code maxFilters} -> {@code --max-filters}. */
	public static String option(final Field f) {
		return "--" + key(f).replace('_', '-');
	}

	/** The field's declaration. */
	public static Setting setting(final Field f) {
		return f.getAnnotation(Setting.class);
	}

	/** The values a text setting accepts, in the order shown: {@link Setting#choicesFrom()}'s, then the constants. */
	public static String[] choices(final Field f) {
		final List<String> all = new ArrayList<>(source(f).keySet());
		for (final String c : setting(f).choices())
			if (!all.contains(c)) all.add(c);
		return all.toArray(new String[0]);
	}

	/** What the setting does: when to choose each of {@link Setting#choicesFrom()}'s values, then {@link Setting#help()}. */
	public static String help(final Field f) {
		final StringBuilder help = new StringBuilder();
		for (final Map.Entry<String, String> c : source(f).entrySet())
			help.append(c.getKey()).append(": ").append(c.getValue()).append("; ");
		if (help.length() > 0) help.setLength(help.length() - 2);
		final String own = setting(f).help();
		if (help.length() > 0 && !own.isEmpty()) help.append(". ");
		return help.append(own).toString();
	}

	private static Map<String, String> source(final Field f) {
		final Class<? extends ChoiceSource> c = setting(f).choicesFrom();
		if (c == ChoiceSource.class) return java.util.Collections.emptyMap();
		try {
			return c.getConstructor().newInstance().choices();
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(c + " needs a public no-argument constructor", e);
		}
	}

	/**
	 * The CLI option's names: {@link #option} first, then those {@link Setting#aliases()} that no other setting of
	 * {@code type} has as its name or alias (an alias several settings share, such as the {@code image} of each kind of
	 * training data in earlier dialogs, is left to the dialogs, which show one of them at a time).
	 */
	public static String[] options(final Class<?> type, final Field f) {
		final List<String> names = new ArrayList<>();
		names.add(option(f));
		for (final String alias : setting(f).aliases()) {
			boolean shared = false;
			for (final Field g : fields(type))
				if (!g.equals(f) && (key(g).equals(alias) || java.util.Arrays.asList(setting(g).aliases()).contains(alias)))
					shared = true;
			if (!shared) names.add("--" + alias.replace('_', '-'));
		}
		return names.toArray(new String[0]);
	}

	/** True for the operation's images: fields of type ImagePlus or a list of them. */
	public static boolean isImages(final Field f) {
		if (f.getType() == ImagePlus.class) return true;
		return f.getType() == List.class && f.getGenericType() instanceof java.lang.reflect.ParameterizedType &&
			((java.lang.reflect.ParameterizedType) f.getGenericType()).getActualTypeArguments()[0] == ImagePlus.class;
	}

	/** A new settings object of {@code type}, with the defaults. */
	public static <S> S defaults(final Class<S> type) {
		try {
			return type.getConstructor().newInstance();
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(type + " needs a public no-argument constructor", e);
		}
	}

	/** The field of {@code type} whose macro key, or one of whose aliases, is {@code key}; null if none. */
	public static Field byKey(final Class<?> type, final String key) {
		for (final Field f : fields(type)) {
			if (key(f).equals(key)) return f;
			for (final String a : setting(f).aliases())
				if (a.replace('-', '_').equals(key)) return f;
		}
		return null;
	}

	/** The value of setting {@code f} in {@code settings}. */
	public static Object get(final Field f, final Object settings) {
		try {
			return f.get(settings);
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Copies every setting from the like-named fields of {@code source} (a command object with fields named by
	 * {@link #key} or by the setting's own name) into {@code settings}, and returns {@code settings}.
	 *
	 * @throws IllegalStateException if {@code source} lacks one: a front end that does not offer every setting is a bug
	 */
	public static <S> S copy(final Object source, final S settings) {
		for (final Field f : fields(settings.getClass())) {
			final Field from = find(source.getClass(), key(f), f.getName());
			if (from == null && isData(f)) continue; // a command's own image and file inputs, given to the core apart
			if (from == null) throw new IllegalStateException(source.getClass().getSimpleName() + " has no field " + key(
				f) + " for setting " + f.getName() + " of " + settings.getClass().getSimpleName());
			try {
				from.setAccessible(true);
				set(f, settings, from.get(source));
			}
			catch (final IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
		return settings;
	}

	/**
	 * Sets the settings named by macro key in {@code values} (e.g. {@code max_filters -> 64}) and returns
	 * {@code settings}; for scripts.
	 *
	 * @throws BadInputException for a key that is not a setting, naming the keys there are
	 */
	public static <S> S apply(final Map<String, ?> values, final S settings) {
		if (values == null) return settings;
		final List<Field> fields = fields(settings.getClass());
		for (final Map.Entry<String, ?> e : values.entrySet()) {
			final Field f = byKey(settings.getClass(), e.getKey());
			if (f == null) {
				final List<String> keys = new ArrayList<>();
				fields.forEach(g -> keys.add(key(g)));
				throw new BadInputException("Unknown setting '" + e.getKey() + "': use one of " + keys + ".");
			}
			final Object v = e.getValue();
			if (v instanceof String && f.getType() != String.class && f.getType() != File.class) {
				try {
					set(f, settings, f.getType() == boolean.class ? (Object) Boolean.parseBoolean((String) v)
						: (Object) Double.parseDouble((String) v));
				}
				catch (final NumberFormatException x) {
					throw new BadInputException("Setting " + e.getKey() + " must be a number, not '" + v + "'.");
				}
			}
			else set(f, settings, v);
		}
		return settings;
	}

	/** Sets a field from a value of a compatible type (numbers are converted, text is parsed). */
	public static void set(final Field f, final Object settings, final Object value) {
		final Class<?> t = f.getType();
		try {
			if (value == null || t.isInstance(value)) f.set(settings, value);
			else if (value instanceof Number) {
				final Number n = (Number) value;
				if (t == int.class) f.setInt(settings, n.intValue());
				else if (t == long.class) f.setLong(settings, n.longValue());
				else if (t == float.class) f.setFloat(settings, n.floatValue());
				else if (t == double.class) f.setDouble(settings, n.doubleValue());
				else f.set(settings, value);
			}
			else if (t == File.class) {
				final String s = value.toString().trim();
				f.set(settings, s.isEmpty() ? null : new File(s));
			}
			else if (t == List.class && !(value instanceof List)) f.set(settings, java.util.Collections.singletonList(value));
			else f.set(settings, value);
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	// -- Helper methods --

	/**
	 * The file an operation writes and a user keeps (a training's model): the setting that {@link Setting#writes()}
	 * and is not only the command line's; null if none or not given.
	 */
	public static File writtenFile(final Object settings) {
		for (final Field f : fields(settings.getClass())) {
			final Setting s = setting(f);
			if (s.writes() && !s.commandLineOnly() && f.getType() == File.class) return (File) get(f, settings);
		}
		return null;
	}

	/** The operation's data rather than an option: images, files it needs or writes, the command line's outputs. */
	public static boolean isData(final Field f) {
		final Setting s = f.getAnnotation(Setting.class);
		return isImages(f) || f.getType() == List.class || s.commandLineOnly() || f.getType() == File.class && (s
			.required() || s.writes());
	}

	private static int rank(final Field f) {
		final Setting s = f.getAnnotation(Setting.class);
		if (isImages(f) || f.getType() == List.class) return 0;
		return f.getType() == File.class && (s.required() || !s.advanced() && !s.writes() && !s.transientValue()) ? 1 : 2;
	}

	private static Field find(Class<?> c, final String... names) {
		for (; c != null; c = c.getSuperclass())
			for (final String n : names)
				for (final Field f : c.getDeclaredFields())
					if (f.getName().equals(n) && !Modifier.isStatic(f.getModifiers())) return f;
		return null;
	}

	/**
	 * Source order, a class's own fields before those it inherits (so a settings class's own settings lead its dialog):
	 * getFields() promises no order; getDeclaredFields() gives the source order on HotSpot and OpenJ9.
	 */
	private static int order(final Class<?> type, final Field f) {
		int before = 0;
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			final Field[] declared = c.getDeclaredFields();
			for (int i = 0; i < declared.length; i++)
				if (declared[i].equals(f)) return before + i;
			before += declared.length;
		}
		return Integer.MAX_VALUE;
	}
}
