package sc.fiji.autoencoders.io;

import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Choice;

/**
 * How one type is stored as a JSON object in a model file: its fields in file order, each with its name, its
 * {@link Codec} (JSON type, range, how it is written and read) and where its value comes from; plus how an object is
 * made from the values read. Writing and reading both go through the same table, so a field is added in one place and
 * the two directions cannot drift apart.
 * <p>
 * Reading is strict: every required field must be present with the right type and a value in range, and fields that
 * the table does not list are rejected. Each problem is a {@link BadInputException} from {@link ModelFile#damaged}
 * that names the file and the field (e.g. {@code network.depth}).
 *
 * @param <T> the stored type
 */
final class JsonTable<T> {

	/** Reads and writes one JSON value. */
	interface Codec<V> {

		JsonElement write(V value);

		/** @param e never null nor JSON null */
		V read(JsonElement e, At at);
	}

	/** Where a value is being read: the file and the field's path, for messages. */
	static final class At {

		final File file;
		/** Path of the field, e.g. {@code network.depth} or {@code history[].epoch}. */
		final String path;
		/** The JSON document being read, as messages name it: {@code spec.json} of a model file. */
		final String document;
		private final BiFunction<File, String, BadInputException> damaged;

		/** In the {@code spec.json} of a model file. */
		At(final File file, final String path) {
			this(file, path, "spec.json", ModelFile::damaged);
		}

		/** In another document, whose damage {@code damaged} reports. */
		At(final File file, final String path, final String document,
			final BiFunction<File, String, BadInputException> damaged)
		{
			this.file = file;
			this.path = path;
			this.document = document;
			this.damaged = damaged;
		}

		At field(final String name) {
			return new At(file, path.isEmpty() ? name : path + "." + name, document, damaged);
		}

		At element() {
			return new At(file, path + "[]", document, damaged);
		}

		BadInputException damaged(final String what) {
			return damaged.apply(file, what);
		}

		BadInputException notA(final String type) {
			return damaged(document + " field '" + path + "' is not " + type);
		}
	}

	/** One field of a table. */
	static final class Field<T, V> {

		final String name;
		final Codec<V> codec;
		final Function<T, V> get;
		/** Whether a value must be written; else it is written only if it is not null. */
		final boolean required;
		/** What reading an absent (or null) field gives, or throws. */
		final Function<At, V> absent;

		Field(final String name, final Codec<V> codec, final Function<T, V> get, final boolean required,
			final Function<At, V> absent)
		{
			this.name = name;
			this.codec = codec;
			this.get = get;
			this.required = required;
			this.absent = absent;
		}
	}

	/** The values read from one object, by field. */
	static final class Values {

		private final Map<Field<?, ?>, Object> values = new IdentityHashMap<>();
		final At at;

		Values(final At at) {
			this.at = at;
		}

		@SuppressWarnings("unchecked")
		<V> V get(final Field<?, V> f) {
			return (V) values.get(f);
		}
	}

	/** Makes the object from the values read, checking how they fit together. */
	interface Maker<T> {

		T make(Values v);
	}

	private final String records;
	private final List<Field<T, ?>> fields = new ArrayList<>();
	private Maker<T> maker;

	/** @param records what a list of these holds, for messages, e.g. "epoch records" */
	JsonTable(final String records) {
		this.records = records;
	}

	/** Adds a field that must be present. */
	<V> Field<T, V> required(final String name, final Codec<V> codec, final Function<T, V> get) {
		return field(name, codec, get, true, at -> {
			throw at.damaged(at.document + " has no '" + at.path + "' field");
		});
	}

	/** Adds a field that may be absent, then reads as {@code absent}; it is written when its value is not null. */
	<V> Field<T, V> optional(final String name, final Codec<V> codec, final Function<T, V> get, final V absent) {
		return field(name, codec, get, false, at -> absent);
	}

	/**
	 * As {@link #optional}, placed in file order right after the field {@code after}: a plug-in's field where the version
	 * that added it wrote it.
	 */
	<V> Field<T, V> optionalAfter(final String after, final String name, final Codec<V> codec, final Function<T, V> get) {
		int at = 0;
		while (at < fields.size() && !fields.get(at).name.equals(after))
			at++;
		if (at == fields.size()) throw new IllegalArgumentException(name + " after unknown " + after);
		final Field<T, V> f = optional(name, codec, get, null);
		fields.remove(fields.size() - 1);
		fields.add(at + 1, f);
		return f;
	}

	/**
	 * Adds a field.
	 *
	 * @param required whether writing needs a value (else a null value is left out)
	 * @param absent what reading gives, or throws, when the field is absent or null
	 */
	<V> Field<T, V> field(final String name, final Codec<V> codec, final Function<T, V> get, final boolean required,
		final Function<At, V> absent)
	{
		if (fields.stream().anyMatch(g -> g.name.equals(name))) throw new IllegalArgumentException(name);
		final Field<T, V> f = new Field<>(name, codec, get, required, absent);
		fields.add(f);
		return f;
	}

	/** Completes the table; returns it for use as a codec. */
	JsonTable<T> make(final Maker<T> m) {
		this.maker = m;
		return this;
	}

	/** The value as a JSON object, fields in table order. */
	JsonObject write(final T value) {
		final JsonObject o = new JsonObject();
		for (final Field<T, ?> f : fields)
			put(o, f, value);
		return o;
	}

	/** Reads the fields in table order, rejects unknown ones, and makes the object. */
	T read(final JsonObject o, final At at) {
		final Values v = new Values(at);
		for (final Field<T, ?> f : fields) {
			final JsonElement e = o.get(f.name);
			final At a = at.field(f.name);
			v.values.put(f, e == null || e.isJsonNull() ? f.absent.apply(a) : f.codec.read(e, a));
		}
		for (final String k : o.keySet())
			if (!fields.stream().anyMatch(f -> f.name.equals(k))) throw at.damaged(at.document + " has an unknown field '" + at
				.field(ModelFile.sanitize(k)).path + "'");
		return maker.make(v);
	}

	/** This table as the codec of a field that holds one such object. */
	Codec<T> object() {
		return new Codec<T>() {

			@Override
			public JsonElement write(final T value) {
				return JsonTable.this.write(value);
			}

			@Override
			public T read(final JsonElement e, final At at) {
				if (!e.isJsonObject()) throw at.notA("an object");
				return JsonTable.this.read(e.getAsJsonObject(), at);
			}
		};
	}

	/** The codec of a field that holds a list of such objects. */
	Codec<List<T>> list() {
		return new Codec<List<T>>() {

			@Override
			public JsonElement write(final List<T> values) {
				final JsonArray a = new JsonArray();
				for (final T v : values)
					a.add(JsonTable.this.write(v));
				return a;
			}

			@Override
			public List<T> read(final JsonElement e, final At at) {
				if (!e.isJsonArray()) throw at.notA("a list");
				final List<T> out = new ArrayList<>();
				for (final JsonElement el : e.getAsJsonArray()) {
					if (el == null || !el.isJsonObject()) throw at.damaged(at.document + " field '" + at.path +
						"' holds something other than " + records);
					out.add(JsonTable.this.read(el.getAsJsonObject(), at.element()));
				}
				return Collections.unmodifiableList(out);
			}
		};
	}

	private static <T, V> void put(final JsonObject o, final Field<T, V> f, final T value) {
		final V v = f.get.apply(value);
		if (v == null && f.required) throw new IllegalStateException("No value for the required field '" + f.name +
			"'");
		if (v != null) o.add(f.name, f.codec.write(v));
	}

	/** Makes a spec whose own checks throw {@link BadInputException}, as a damaged-file message naming it. */
	static <T> T valid(final At at, final String what, final Supplier<T> make) {
		try {
			return make.get();
		}
		catch (final BadInputException e) {
			final String m = e.getMessage();
			throw at.damaged("its " + what + " is invalid (" + (m.endsWith(".") ? m.substring(0, m.length() - 1) : m) + ")");
		}
	}

	// -- Codecs --

	/** A list of finite numbers, at most {@link #MAX_NUMBERS}. */
	static final Codec<double[]> NUMBERS = new Codec<double[]>() {

		@Override
		public JsonElement write(final double[] value) {
			final com.google.gson.JsonArray a = new com.google.gson.JsonArray();
			for (final double d : value)
				a.add(d);
			return a;
		}

		@Override
		public double[] read(final JsonElement e, final At at) {
			if (!e.isJsonArray() || e.getAsJsonArray().size() > MAX_NUMBERS) throw at.notA("a list of at most " +
				MAX_NUMBERS + " numbers");
			final double[] out = new double[e.getAsJsonArray().size()];
			for (int i = 0; i < out.length; i++)
				out[i] = JsonTable.FINITE_DOUBLE.read(e.getAsJsonArray().get(i), at.element());
			return out;
		}
	};
	/** Longest list of {@link #NUMBERS}: the covariance of the largest code (1024 dimensions). */
	static final int MAX_NUMBERS = 1024 * 1024;

	/** A text that must be exactly {@code expected} (a file's format), or {@code otherwise} is thrown. */
	static Codec<String> exactText(final String expected, final Function<At, BadInputException> otherwise) {
		return new Codec<String>() {

			@Override
			public JsonElement write(final String value) {
				return new JsonPrimitive(value);
			}

			@Override
			public String read(final JsonElement e, final At at) {
				if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || !expected.equals(e.getAsString()))
					throw otherwise.apply(at);
				return expected;
			}
		};
	}

	/** A text. */
	static final Codec<String> TEXT = new Codec<String>() {

		@Override
		public JsonElement write(final String value) {
			return new JsonPrimitive(value);
		}

		@Override
		public String read(final JsonElement e, final At at) {
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw at.notA("a text");
			return e.getAsString();
		}
	};

	/** True or false. */
	static final Codec<Boolean> BOOLEAN = new Codec<Boolean>() {

		@Override
		public JsonElement write(final Boolean value) {
			return new JsonPrimitive(value);
		}

		@Override
		public Boolean read(final JsonElement e, final At at) {
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw at.notA("true or false");
			return e.getAsBoolean();
		}
	};

	/** A finite number (NaN and infinities, which the writer never produces for these fields, are rejected). */
	static final Codec<Double> FINITE_DOUBLE = new Codec<Double>() {

		@Override
		public JsonElement write(final Double value) {
			return new JsonPrimitive(value);
		}

		@Override
		public Double read(final JsonElement e, final At at) {
			final double v = number(e, at);
			if (!Double.isFinite(v)) throw at.notA("a finite number");
			return v;
		}
	};

	/** A finite float, parsed from the text directly (as it was written) so that it reads back bit for bit. */
	static final Codec<Float> FINITE_FLOAT = new Codec<Float>() {

		@Override
		public JsonElement write(final Float value) {
			return new JsonPrimitive(value);
		}

		@Override
		public Float read(final JsonElement e, final At at) {
			FINITE_DOUBLE.read(e, at);
			final float v;
			try {
				v = e.getAsFloat();
			}
			catch (final NumberFormatException x) {
				throw at.notA("a number");
			}
			if (!Float.isFinite(v)) throw at.notA("a number in float range");
			return v;
		}
	};

	/**
	 * Any double, NaN and infinities included (a training metric can be NaN): they are written as the bare words
	 * {@code NaN}, {@code Infinity} and {@code -Infinity}, which Gson's lenient parser reads as texts.
	 */
	static final Codec<Double> DOUBLE = new Codec<Double>() {

		@Override
		public JsonElement write(final Double value) {
			return new JsonPrimitive(value);
		}

		@Override
		public Double read(final JsonElement e, final At at) {
			if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
				switch (e.getAsString()) {
					case "NaN":
						return Double.NaN;
					case "Infinity":
						return Double.POSITIVE_INFINITY;
					case "-Infinity":
						return Double.NEGATIVE_INFINITY;
					default:
						throw at.notA("a number");
				}
			}
			return number(e, at);
		}
	};

	/** Any JSON value, kept as its text: a record that is stored but never interpreted. */
	static final Codec<String> JSON_TEXT = new Codec<String>() {

		@Override
		public JsonElement write(final String value) {
			return JsonParser.parseString(value);
		}

		@Override
		public String read(final JsonElement e, final At at) {
			return e.toString();
		}
	};

	/** A whole number from {@code min} to {@code max}. */
	static Codec<Integer> integer(final int min, final int max) {
		final Codec<Long> l = wholeNumber(min, max);
		return new Codec<Integer>() {

			@Override
			public JsonElement write(final Integer value) {
				return new JsonPrimitive(value);
			}

			@Override
			public Integer read(final JsonElement e, final At at) {
				return (int) (long) l.read(e, at);
			}
		};
	}

	/** A whole number from {@code min} to {@code max}. */
	static Codec<Long> wholeNumber(final long min, final long max) {
		return new Codec<Long>() {

			@Override
			public JsonElement write(final Long value) {
				return new JsonPrimitive(value);
			}

			@Override
			public Long read(final JsonElement e, final At at) {
				final Long v = e.isJsonPrimitive() ? wholeNumber(e.getAsJsonPrimitive()) : null;
				if (v == null) throw at.notA("a whole number");
				if (v < min || v > max) throw at.damaged(at.document + " field '" + at.path + "' is " + v + ", out of range");
				return v;
			}
		};
	}

	/**
	 * One of the options of an enum, by its exact {@link Choice#id()}.
	 *
	 * @param what what the options are, for messages, e.g. "architecture"
	 */
	static <E extends Enum<E> & Choice> Codec<E> choice(final Class<E> type, final String what) {
		return new Codec<E>() {

			@Override
			public JsonElement write(final E value) {
				return new JsonPrimitive(value.id());
			}

			@Override
			public E read(final JsonElement e, final At at) {
				final String id = TEXT.read(e, at);
				final E v = Choice.byId(type, id);
				if (v == null) throw at.damaged("unknown " + what + " '" + ModelFile.sanitize(id) + "' (expected " + Choice
					.ids(type) + ")");
				return v;
			}
		};
	}

	/**
	 * Array dimensions: a list of whole numbers. A dimension that is not a whole number from 1 to
	 * {@link Integer#MAX_VALUE} is read as 0, for the table to reject with the array's name.
	 */
	static final Codec<long[]> DIMENSIONS = new Codec<long[]>() {

		@Override
		public JsonElement write(final long[] value) {
			final JsonArray a = new JsonArray();
			for (final long d : value)
				a.add(d);
			return a;
		}

		@Override
		public long[] read(final JsonElement e, final At at) {
			if (!e.isJsonArray()) throw at.notA("a list");
			final JsonArray a = e.getAsJsonArray();
			final long[] out = new long[a.size()];
			for (int i = 0; i < out.length; i++) {
				final JsonElement d = a.get(i);
				final Long v = d != null && d.isJsonPrimitive() ? wholeNumber(d.getAsJsonPrimitive()) : null;
				out[i] = v == null || v < 1 || v > Integer.MAX_VALUE ? 0 : v;
			}
			return out;
		}
	};

	/** A list of named entries as a map in file order; a name listed twice is rejected. */
	static <T, V> Codec<Map<String, V>> namedList(final JsonTable<T> entries, final Function<T, String> name,
		final Function<T, V> value, final BiFunction<String, V, T> entry)
	{
		final Codec<List<T>> list = entries.list();
		return new Codec<Map<String, V>>() {

			@Override
			public JsonElement write(final Map<String, V> map) {
				final List<T> l = new ArrayList<>();
				map.forEach((k, v) -> l.add(entry.apply(k, v)));
				return list.write(l);
			}

			@Override
			public Map<String, V> read(final JsonElement e, final At at) {
				final Map<String, V> out = new LinkedHashMap<>();
				for (final T t : list.read(e, at))
					if (out.put(name.apply(t), value.apply(t)) != null) throw at.damaged("array '" + ModelFile.sanitize(name
						.apply(t)) + "' is listed twice");
				return Collections.unmodifiableMap(out);
			}
		};
	}

	// -- Helper methods --

	private static double number(final JsonElement e, final At at) {
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw at.notA("a number");
		try {
			return e.getAsDouble();
		}
		catch (final NumberFormatException x) {
			throw at.notA("a number");
		}
	}

	/** The value if it is a whole number that fits a long, else null; never slow on huge exponents. */
	private static Long wholeNumber(final JsonPrimitive p) {
		if (!p.isNumber()) return null;
		final String text = p.getAsString();
		if (text.length() > 40) return null; // no whole number that fits a long is written this long; parsing could be slow
		final BigDecimal d;
		try {
			d = new BigDecimal(text);
		}
		catch (final NumberFormatException | ArithmeticException e) {
			return null;
		}
		if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			return null;
		}
		try {
			return d.longValueExact();
		}
		catch (final ArithmeticException e) {
			return null; // has a fraction
		}
	}
}
