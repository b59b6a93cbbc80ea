package sc.fiji.autoencoders.model;

import java.util.Locale;
import java.util.StringJoiner;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * One of a fixed set of named options (an enum constant) with the lower-case {@link #id()} that model files, the
 * command line, macros and dialogs use for it. The enums implement {@code toString()} as {@code id()}, so that they
 * print as they are stored.
 */
public interface Choice {

	/** The lower-case name stored in files and typed by users, e.g. {@code unet}: the constant's name in lower case. */
	default String id() {
		return idOf((Enum<?>) this);
	}

	/**
	 * The option whose id is {@code text}, ignoring case and surrounding spaces.
	 *
	 * @param what what the options are, for the message, e.g. "architecture"
	 * @throws BadInputException naming the text and the valid ids if none matches
	 */
	static <E extends Enum<E> & Choice> E parse(final Class<E> type, final String text, final String what) {
		if (text == null || text.trim().isEmpty()) throw new BadInputException("No " + what + " given: use " + ids(
			type) + ".");
		final String t = text.trim();
		for (final E e : type.getEnumConstants())
			if (e.id().equalsIgnoreCase(t)) return e;
		throw new BadInputException("Unknown " + what + " '" + t + "': use " + ids(type) + ".");
	}

	/** The option whose id is exactly {@code id} (as written to files), or null. */
	static <E extends Enum<E> & Choice> E byId(final Class<E> type, final String id) {
		for (final E e : type.getEnumConstants())
			if (e.id().equals(id)) return e;
		return null;
	}

	/** The valid ids quoted, e.g. {@code 'unet' or 'plain'}. */
	static <E extends Enum<E> & Choice> String ids(final Class<E> type) {
		final E[] all = type.getEnumConstants();
		final StringJoiner sj = new StringJoiner(", ");
		for (int i = 0; i < all.length - 1; i++)
			sj.add("'" + all[i].id() + "'");
		return (all.length > 1 ? sj + " or " : "") + "'" + all[all.length - 1].id() + "'";
	}

	/** The id of an enum constant: its name in lower case. */
	static String idOf(final Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}
}
