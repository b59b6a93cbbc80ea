package sc.fiji.autoencoders.io.zarr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * What a Zarr array's metadata says: shape, chunk shape, element type, codecs, fill value and chunk keys; from a
 * Zarr v2 {@code .zarray} or a Zarr v3 {@code zarr.json} ({@link ZarrV3}). Arrays are always in C order (the last
 * dimension fastest); others are refused with a message. The chunks are what is read and written as a unit: in a
 * sharded v3 array the inner chunks, stored inside shard files ({@link Sharding}). Immutable.
 */
public final class ArrayMetadata {

	private final int format;
	private final long[] shape;
	private final int[] chunks;
	private final DataType type;
	private final List<Codec> codecs;
	private final double fill;
	private final boolean fillIsNull;
	private final String separator;
	private final String keyPrefix;
	private final List<String> dimensionNames;
	private final Sharding sharding;

	/**
	 * A Zarr v2 array.
	 *
	 * @param codec null for uncompressed chunks
	 * @param fill the value of missing chunks (NaN allowed for floats)
	 * @param separator "." or "/" between chunk indices in chunk keys
	 */
	public ArrayMetadata(final long[] shape, final int[] chunks, final DataType type, final Codec codec,
		final double fill, final String separator)
	{
		this(2, shape, chunks, type, codec == null ? List.of() : List.of(codec), fill, false, separator, "", null, null);
	}

	/**
	 * A Zarr v3 array without sharding, chunk keys {@code c/0/1/...} (the spec's default).
	 *
	 * @param codecs bytes-to-bytes codecs after the {@code bytes} codec (compressor, checksum), in their order
	 * @param dimensionNames null for none
	 */
	public static ArrayMetadata v3(final long[] shape, final int[] chunks, final DataType type,
		final List<Codec> codecs, final double fill, final List<String> dimensionNames)
	{
		return new ArrayMetadata(3, shape, chunks, type, codecs, fill, false, "/", "c/", dimensionNames, null);
	}

	ArrayMetadata(final int format, final long[] shape, final int[] chunks, final DataType type,
		final List<Codec> codecs, final double fill, final boolean fillIsNull, final String separator,
		final String keyPrefix, final List<String> dimensionNames, final Sharding sharding)
	{
		if (shape.length != chunks.length || shape.length == 0) throw new IllegalArgumentException("Shape " + Arrays
			.toString(shape) + " and chunks " + Arrays.toString(chunks) + " differ in length");
		for (int d = 0; d < shape.length; d++)
			if (shape[d] < 0 || chunks[d] < 1) throw new IllegalArgumentException("Bad shape " + Arrays.toString(shape) +
				" or chunks " + Arrays.toString(chunks));
		if (!".".equals(separator) && !"/".equals(separator)) throw new IllegalArgumentException("Separator " +
			separator);
		if (dimensionNames != null && dimensionNames.size() != shape.length) throw new IllegalArgumentException(
			"Dimension names " + dimensionNames + " for rank " + shape.length);
		this.format = format;
		this.shape = shape.clone();
		this.chunks = chunks.clone();
		this.type = type;
		this.codecs = List.copyOf(codecs);
		this.fill = fill;
		this.fillIsNull = fillIsNull;
		this.separator = separator;
		this.keyPrefix = keyPrefix;
		this.dimensionNames = dimensionNames == null ? null : Collections.unmodifiableList(new ArrayList<>(
			dimensionNames));
		this.sharding = sharding;
	}

	/** The same description with another shape, chunks each no larger than the shape (but at least 1). */
	public ArrayMetadata withShape(final long[] s) {
		if (sharding != null) throw new IllegalStateException("sharded arrays are not written");
		final int[] c = new int[s.length];
		for (int d = 0; d < s.length; d++)
			c[d] = (int) Math.max(1, Math.min(chunks[d], s[d]));
		return new ArrayMetadata(format, s, c, type, codecs, fill, fillIsNull, separator, keyPrefix, dimensionNames,
			null);
	}

	/**
	 * An array for writing, in this one's format, shape, chunks (the inner chunks of a sharded one: outputs are not
	 * sharded) and chunk keys, with elements of {@code t}, missing chunks {@code fillValue}, and these codecs re-sized
	 * to {@code t}'s items.
	 */
	public ArrayMetadata forWriting(final DataType t, final double fillValue) {
		final List<Codec> c = new ArrayList<>();
		for (final Codec codec : codecs)
			c.add(codec.forItemSize(t.size()));
		return new ArrayMetadata(format, shape, chunks, t, c, fillValue, false, separator, keyPrefix, dimensionNames,
			null);
	}

	/** The same description with dimension names (Zarr v3's {@code dimension_names}; v2 has none and ignores them). */
	public ArrayMetadata withDimensionNames(final List<String> names) {
		return new ArrayMetadata(format, shape, chunks, type, codecs, fill, fillIsNull, separator, keyPrefix,
			format == 3 ? names : null, sharding);
	}

	/** 2 or 3. */
	public int format() {
		return format;
	}

	public long[] shape() {
		return shape.clone();
	}

	/** The shape of a chunk: the unit read and written (in a sharded array, the inner chunk). */
	public int[] chunks() {
		return chunks.clone();
	}

	public int rank() {
		return shape.length;
	}

	public DataType type() {
		return type;
	}

	/** The compressor, or null for none; a Zarr v3 chain of several codecs gives its first ({@link #codecs()}). */
	public Codec codec() {
		return codecs.isEmpty() ? null : codecs.get(0);
	}

	/** The codecs applied to a chunk's raw bytes, in their order (v2: its compressor, if any). */
	public List<Codec> codecs() {
		return codecs;
	}

	/** The value of elements in missing chunks ({@code fill_value} null reads as 0). */
	public double fillValue() {
		return fill;
	}

	public String separator() {
		return separator;
	}

	/** Zarr v3's {@code dimension_names}, or null. */
	public List<String> dimensionNames() {
		return dimensionNames;
	}

	/** The sharding of a Zarr v3 array, or null. */
	public Sharding sharding() {
		return sharding;
	}

	/**
	 * The key of the file that holds the chunk at grid position {@code index}: its indices joined by the separator
	 * (after {@code c/} in Zarr v3's default encoding); in a sharded array, the key of its shard.
	 */
	public String chunkKey(final long[] index) {
		final long[] file = sharding == null ? index : sharding.shardIndex(index);
		final StringBuilder key = new StringBuilder(keyPrefix);
		for (int d = 0; d < file.length; d++)
			key.append(d > 0 ? separator : "").append(file[d]);
		return key.toString();
	}

	boolean fillIsNull() {
		return fillIsNull;
	}

	String keyPrefix() {
		return keyPrefix;
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

	/** The {@code .zarray} document, or for Zarr v3 the {@code zarr.json} one. */
	public JsonObject toJson() {
		if (format == 3) return ZarrV3.toJson(this);
		final JsonObject o = new JsonObject();
		o.addProperty("zarr_format", 2);
		o.add("shape", longs(shape));
		final JsonArray c = new JsonArray();
		for (final int v : chunks)
			c.add(v);
		o.add("chunks", c);
		o.addProperty("dtype", type.dtype());
		o.add("compressor", codecs.isEmpty() ? JsonNull.INSTANCE : codecs.get(0).toJson());
		o.add("fill_value", fillJson());
		o.addProperty("order", "C");
		o.add("filters", JsonNull.INSTANCE);
		o.addProperty("dimension_separator", separator);
		return o;
	}

	JsonElement fillJson() {
		if (fillIsNull) return JsonNull.INSTANCE;
		if (type.isBool()) return new JsonPrimitive(fill != 0);
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
	 * Reads a {@code .zarray} document (or a {@code zarr.json} one: {@link ZarrV3#fromJson}).
	 *
	 * @param file where it came from, for messages
	 * @throws BadInputException if it is not Zarr v2, is malformed, or uses what this reader does not (order F,
	 *           filters, other dtypes or compressors)
	 */
	public static ArrayMetadata fromJson(final JsonObject o, final Path file) {
		try {
			final int format = o.get("zarr_format").getAsInt();
			final boolean v3File = file.getFileName().toString().equals("zarr.json");
			if (format == 3 && v3File) return ZarrV3.fromJson(o, file);
			if (format != 2 || v3File) throw bad(file, "has zarr_format " + format + "; this reader takes Zarr v2 " +
				"arrays (.zarray) and v3 arrays (zarr.json): the store is damaged or of another version; rewrite it");
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
			final Codec codec = Codecs.fromJson(o.get("compressor"), type.size());
			return new ArrayMetadata(2, shape, chunks, type, codec == null ? List.of() : List.of(codec), fill, isNull,
				sep, "", null, null);
		}
		catch (final NullPointerException | IllegalStateException | UnsupportedOperationException |
			NumberFormatException | ClassCastException e)
		{
			throw bad(file, "is malformed (" + e + "); it needs zarr_format, shape, chunks, dtype, compressor, " +
				"fill_value, order and filters");
		}
	}

	/** A number, or one of the words NaN, Infinity and -Infinity that python-zarr writes as strings. */
	static double fill(final JsonElement f, final DataType type, final Path file) {
		final JsonPrimitive p = f.getAsJsonPrimitive();
		if (p.isBoolean()) return p.getAsBoolean() ? 1 : 0;
		try {
			final String hex = p.isString() && p.getAsString().startsWith("0x") ? p.getAsString().substring(2) : null;
			// Zarr v3 gives a float's other NaNs by their bits
			if (hex != null && type.isFloat()) return type.size() == 4 ? Float.intBitsToFloat((int) Long.parseLong(hex,
				16)) : Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
			return p.isNumber() ? p.getAsDouble() : Double.parseDouble(p.getAsString());
		}
		catch (final NumberFormatException e) {
			throw bad(file, "has fill_value " + f + ", which is not a number of dtype " + type);
		}
	}

	static BadInputException bad(final Path file, final String problem) {
		return new BadInputException("Zarr array metadata " + file + " " + problem + ".");
	}
}
