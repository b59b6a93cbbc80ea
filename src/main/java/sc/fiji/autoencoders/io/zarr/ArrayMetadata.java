package sc.fiji.autoencoders.io.zarr;

import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * What a Zarr v2 {@code .zarray} says: shape, chunk shape, dtype, compressor, fill value and chunk key separator.
 * Arrays are always in C order (the last dimension fastest) and without filters; others are refused with a message.
 * Immutable.
 */
public final class ArrayMetadata {

	private final long[] shape;
	private final int[] chunks;
	private final DataType type;
	private final Codec codec;
	private final double fill;
	private final boolean fillIsNull;
	private final String separator;

	/**
	 * @param codec null for uncompressed chunks
	 * @param fill the value of missing chunks (NaN allowed for floats)
	 * @param separator "." or "/" between chunk indices in chunk keys
	 */
	public ArrayMetadata(final long[] shape, final int[] chunks, final DataType type, final Codec codec,
		final double fill, final String separator)
	{
		this(shape, chunks, type, codec, fill, false, separator);
	}

	private ArrayMetadata(final long[] shape, final int[] chunks, final DataType type, final Codec codec,
		final double fill, final boolean fillIsNull, final String separator)
	{
		if (shape.length != chunks.length || shape.length == 0) throw new IllegalArgumentException("Shape " + Arrays
			.toString(shape) + " and chunks " + Arrays.toString(chunks) + " differ in length");
		for (int d = 0; d < shape.length; d++)
			if (shape[d] < 0 || chunks[d] < 1) throw new IllegalArgumentException("Bad shape " + Arrays.toString(shape) +
				" or chunks " + Arrays.toString(chunks));
		if (!".".equals(separator) && !"/".equals(separator)) throw new IllegalArgumentException("Separator " +
			separator);
		this.shape = shape.clone();
		this.chunks = chunks.clone();
		this.type = type;
		this.codec = codec;
		this.fill = fill;
		this.fillIsNull = fillIsNull;
		this.separator = separator;
	}

	/** The same description with another shape, chunks each no larger than the shape (but at least 1). */
	public ArrayMetadata withShape(final long[] s) {
		final int[] c = new int[s.length];
		for (int d = 0; d < s.length; d++)
			c[d] = (int) Math.max(1, Math.min(chunks[d], s[d]));
		return new ArrayMetadata(s, c, type, codec, fill, fillIsNull, separator);
	}

	public long[] shape() {
		return shape.clone();
	}

	public int[] chunks() {
		return chunks.clone();
	}

	public int rank() {
		return shape.length;
	}

	public DataType type() {
		return type;
	}

	/** The compressor, or null for none. */
	public Codec codec() {
		return codec;
	}

	/** The value of elements in missing chunks ({@code fill_value} null reads as 0). */
	public double fillValue() {
		return fill;
	}

	public String separator() {
		return separator;
	}

	/** Elements of a whole chunk (edge chunks are stored whole too). */
	public int chunkElements() {
		long n = 1;
		for (final int c : chunks)
			n *= c;
		if (n * type.size() > Integer.MAX_VALUE - 8) throw new BadInputException("Zarr chunks " + Arrays.toString(
			chunks) + " are larger than 2 GB: rechunk the array into smaller chunks.");
		return (int) n;
	}

	/** Chunks along each dimension. */
	public long[] chunkGrid() {
		final long[] g = new long[shape.length];
		for (int d = 0; d < g.length; d++)
			g[d] = (shape[d] + chunks[d] - 1) / chunks[d];
		return g;
	}

	/** The {@code .zarray} document. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("zarr_format", 2);
		o.add("shape", longs(shape));
		final JsonArray c = new JsonArray();
		for (final int v : chunks)
			c.add(v);
		o.add("chunks", c);
		o.addProperty("dtype", type.dtype());
		o.add("compressor", codec == null ? JsonNull.INSTANCE : codec.toJson());
		o.add("fill_value", fillJson());
		o.addProperty("order", "C");
		o.add("filters", JsonNull.INSTANCE);
		o.addProperty("dimension_separator", separator);
		return o;
	}

	private JsonElement fillJson() {
		if (fillIsNull) return JsonNull.INSTANCE;
		if (Double.isNaN(fill)) return new JsonPrimitive("NaN");
		if (Double.isInfinite(fill)) return new JsonPrimitive(fill > 0 ? "Infinity" : "-Infinity");
		if (!type.isFloat() || fill == Math.rint(fill) && Math.abs(fill) < 1e15) return new JsonPrimitive((long) fill);
		return new JsonPrimitive(fill);
	}

	private static JsonArray longs(final long[] values) {
		final JsonArray a = new JsonArray();
		for (final long v : values)
			a.add(v);
		return a;
	}

	/**
	 * Reads a {@code .zarray} document.
	 *
	 * @param file where it came from, for messages
	 * @throws BadInputException if it is not Zarr v2, is malformed, or uses what this reader does not (order F,
	 *           filters, other dtypes or compressors)
	 */
	public static ArrayMetadata fromJson(final JsonObject o, final Path file) {
		try {
			final int format = o.get("zarr_format").getAsInt();
			if (format != 2) throw bad(file, "has zarr_format " + format + "; this reader takes Zarr v2 arrays (" +
				"convert it with python-zarr, e.g. zarr.copy_store, to a v2 store)");
			final JsonArray s = o.getAsJsonArray("shape"), c = o.getAsJsonArray("chunks");
			if (s.size() != c.size() || s.size() == 0) throw bad(file, "has shape " + s + " and chunks " + c + " of " +
				"different lengths");
			final long[] shape = new long[s.size()];
			final int[] chunks = new int[c.size()];
			for (int d = 0; d < shape.length; d++) {
				shape[d] = s.get(d).getAsLong();
				chunks[d] = c.get(d).getAsInt();
				if (shape[d] < 0 || chunks[d] < 1) throw bad(file, "has shape " + s + " and chunks " + c + ": sizes must " +
					"be positive");
			}
			final DataType type;
			try {
				type = DataType.parse(o.get("dtype").getAsString());
			}
			catch (final BadInputException e) {
				throw new BadInputException(file + ": " + e.getMessage(), e);
			}
			final String order = o.has("order") ? o.get("order").getAsString() : "C";
			if (!"C".equals(order)) throw bad(file, "stores chunks in " + order + " (Fortran) order; this reader " +
				"takes C order: rewrite it with order='C'");
			final JsonElement filters = o.get("filters");
			if (filters != null && !filters.isJsonNull() && filters.getAsJsonArray().size() > 0) throw bad(file,
				"uses filters " + filters + ", which this reader does not apply: rewrite it without filters");
			final String sep = o.has("dimension_separator") && !o.get("dimension_separator").isJsonNull() ? o.get(
				"dimension_separator").getAsString() : ".";
			if (!".".equals(sep) && !"/".equals(sep)) throw bad(file, "has dimension_separator '" + sep + "'; Zarr " +
				"allows '.' and '/'");
			final JsonElement f = o.get("fill_value");
			final boolean isNull = f == null || f.isJsonNull();
			final double fill = isNull ? 0 : fill(f, type, file);
			return new ArrayMetadata(shape, chunks, type, Codecs.fromJson(o.get("compressor"), type.size()), fill, isNull,
				sep);
		}
		catch (final NullPointerException | IllegalStateException | UnsupportedOperationException |
			NumberFormatException | ClassCastException e)
		{
			throw bad(file, "is malformed (" + e + "); it needs zarr_format, shape, chunks, dtype, compressor, " +
				"fill_value, order and filters");
		}
	}

	/** A number, or one of the words NaN, Infinity and -Infinity that python-zarr writes as strings. */
	private static double fill(final JsonElement f, final DataType type, final Path file) {
		final JsonPrimitive p = f.getAsJsonPrimitive();
		if (p.isBoolean()) return p.getAsBoolean() ? 1 : 0;
		try {
			return p.isNumber() ? p.getAsDouble() : Double.parseDouble(p.getAsString());
		}
		catch (final NumberFormatException e) {
			throw bad(file, "has fill_value " + f + ", which is not a number of dtype " + type);
		}
	}

	private static BadInputException bad(final Path file, final String problem) {
		return new BadInputException("Zarr array metadata " + file + " " + problem + ".");
	}
}
