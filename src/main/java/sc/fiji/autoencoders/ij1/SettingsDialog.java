package sc.fiji.autoencoders.ij1;

import java.io.File;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;

/**
 * Settings as ImageJ 1 dialog fields. Each field's label is its macro key with a capital ({@code max_filters} shows as
 * "Max filters"; ImageJ records the key), so that every dialog records and replays every setting; the words of the
 * task ({@link Setting#label()}, {@link Setting#help()}) are in the dialog's Help. Images are choices of the open
 * images ("none" first when the image is optional).
 */
final class SettingsDialog {

	/** The checkbox that opens the advanced options' dialog. */
	static final String ADVANCED = "Advanced options (in a second dialog)";
	private static final String NONE = "none";

	private SettingsDialog() {}

	/** Adds one field per setting of {@code fields}, showing the values of {@code settings}. */
	static void add(final GenericDialog gd, final Object settings, final List<Field> fields) {
		boolean firstImage = true;
		for (final Field f : fields) {
			final Setting s = Settings.setting(f);
			final String label = label(f);
			final Object value = Settings.get(f, settings);
			final Class<?> t = f.getType();
			if (Settings.isImages(f)) {
				// the task's images default to the active one; a further, optional image (a target) to none
				gd.addChoice(label, images(s.required()), defaultImage(s.required() || firstImage));
				firstImage = false;
			}
			else if (Settings.choices(f).length > 0) gd.addChoice(label, Settings.choices(f), (String) value);
			else if (t == boolean.class) gd.addCheckbox(label, (Boolean) value);
			else if (t == File.class) gd.addFileField(label, value == null ? "" : value.toString(), 30);
			else if (t == List.class) gd.addDirectoryField(label, "", 30);
			else if (t == String.class) gd.addStringField(label, (String) value, 24);
			else gd.addNumericField(label, ((Number) value).doubleValue(), decimals((Number) value), 8, s.unit());
		}
	}

	/** Reads the fields added by {@link #add} into {@code settings}. */
	static <S> S read(final GenericDialog gd, final S settings, final List<Field> fields) {
		for (final Field f : fields) {
			final Setting s = Settings.setting(f);
			final Class<?> t = f.getType();
			final Object value;
			if (Settings.isImages(f)) value = image(gd.getNextChoice(), s);
			else if (Settings.choices(f).length > 0) value = gd.getNextChoice();
			else if (t == boolean.class) value = gd.getNextBoolean();
			else if (t == List.class) {
				final String path = gd.getNextString().trim();
				value = path.isEmpty() ? null : java.util.Collections.singletonList(new File(path));
			}
			else if (t == File.class || t == String.class) value = gd.getNextString();
			else value = gd.getNextNumber();
			if (value != null || !Settings.isImages(f)) Settings.set(f, settings, value);
		}
		return settings;
	}

	/** The Help button: what the operation does, then each setting's label, key and help. */
	static void addHelp(final GenericDialog gd, final String description, final List<Field> basic,
		final List<Field> advanced)
	{
		final StringBuilder html = new StringBuilder("<html><body>");
		if (!description.isEmpty()) html.append("<p>").append(description).append("</p>");
		html.append("<table>");
		for (final List<Field> part : List.of(basic, advanced))
			for (final Field f : part) {
				final Setting s = Settings.setting(f);
				html.append("<tr><td valign='top'><b>").append(label(f).replace('_', ' ')).append("</b></td><td>").append(s
					.label()).append(s.unit().isEmpty() ? "" : " (" + s.unit() + ")").append(Settings.help(f).isEmpty() ? "" : ": " +
						Settings.help(f)).append("</td></tr>");
			}
		if (!advanced.isEmpty()) html.append("<tr><td colspan='2'><i>Advanced options are in the second dialog.</i>" +
			"</td></tr>");
		gd.addHelp(html.append("</table></body></html>").toString());
	}

	/**
	 * {@code options} with every setting's earlier key ({@link Setting#aliases()}) renamed to its key, so that macros
	 * recorded by earlier versions replay ({@code model_file=...} is {@code model=...} now).
	 */
	static String withAliases(final String options, final Class<?> type) {
		String out = options;
		for (final Field f : Settings.fields(type))
			for (final String alias : Settings.setting(f).aliases()) {
				if (has(out, Settings.key(f))) continue;
				final Matcher m = Pattern.compile("(^|\\s)" + Pattern.quote(alias) + "(=|\\s|$)").matcher(out);
				if (m.find()) out = out.substring(0, m.start()) + m.group(1) + Settings.key(f) + m.group(2) + out.substring(m
					.end());
			}
		return out;
	}

	private static boolean has(final String options, final String key) {
		return Pattern.compile("(^|\\s)" + Pattern.quote(key) + "(=|\\s|$)").matcher(options).find();
	}

	/**
	 * The macro key first, then the task's words: "Minutes (time budget)". ImageJ shows underscores as spaces and
	 * records the label up to its first space, lowercased, as the key ({@code minutes}).
	 */
	static String label(final Field f) {
		final String key = Settings.key(f), words = Settings.setting(f).label();
		final String shown = key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
		final boolean same = letters(key).contains(letters(words));
		return same ? shown : shown + " (" + words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1) + ")";
	}

	private static String letters(final String s) {
		return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static String[] images(final boolean required) {
		// "none" for an optional image; the open images, batch-mode ones included, and the macro's current one (which
		// may be in neither list)
		final Set<String> open = new LinkedHashSet<>(required ? List.of() : List.of(NONE));
		open.addAll(List.of(WindowManager.getImageTitles()));
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids)
			if (WindowManager.getImage(id) != null) open.add(WindowManager.getImage(id).getTitle());
		if (WindowManager.getCurrentImage() != null) open.add(WindowManager.getCurrentImage().getTitle());
		if (required && open.isEmpty()) throw new BadInputException("No image is open: open the image first " +
			"(File > Open), then run this command.");
		return open.toArray(new String[0]);
	}

	private static String defaultImage(final boolean required) {
		final ImagePlus active = WindowManager.getCurrentImage();
		return required && active != null ? active.getTitle() : required ? null : NONE;
	}

	/** The open image titled {@code title}, or null for "none". */
	private static Object image(final String title, final Setting s) {
		if (NONE.equals(title)) return null;
		final ImagePlus current = WindowManager.getCurrentImage();
		final ImagePlus imp = current != null && current.getTitle().equals(title) ? current : WindowManager.getImage(title);
		if (imp == null) throw new BadInputException("No open image is titled '" + title + "': open it first (" + s
			.label() + ").");
		return imp;
	}

	/** Enough decimals to show the default exactly (0.001 needs 3), none for whole numbers. */
	private static int decimals(final Number n) {
		if (n instanceof Integer || n instanceof Long) return 0;
		return Math.max(0, Math.min(9, new BigDecimal(n.toString()).stripTrailingZeros().scale()));
	}
}
