package sc.fiji.autoencoders.io.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * A Zarr element type of the kinds an image holds: booleans, unsigned and signed integers of 1, 2, 4 and 8 bytes and
 * floats of 4 and 8 bytes, in either byte order; named as a Zarr v2 {@code dtype} ({@code <u2}) or a Zarr v3
 * {@code data_type} ({@code uint16}, its byte order then set by the {@code bytes} codec). Values cross as doubles,
 * which hold every one of them exactly except 64-bit integers beyond 2^53 (rounded to the nearest double: images do
 * not reach them).
 */
public final class DataType {

	public static final DataType UINT8 = parse("|u1"), FLOAT32 = parse("<f4");

	private final char kind;
	private final int size;
	private final ByteOrder order;

	private DataType(final char kind, final int size, final ByteOrder order) {
		this.kind = kind;
		this.size = size;
		this.order = order;
	}

	/**
	 * The type of a NumPy type string such as {@code <u2}, {@code |u1} or {@code >f4}.
	 *
	 * @throws BadInputException for another kind (structured, complex, float16, strings) or a malformed string
	 */
	public static DataType parse(final String dtype) {
		if (dtype == null || dtype.length() != 3 || "<>|".indexOf(dtype.charAt(0)) < 0) throw unsupported(dtype);
		final char kind = dtype.charAt(1);
		final int size = dtype.charAt(2) - '0';
		if (!valid(kind, size) || size > 1 && dtype.charAt(0) == '|') throw unsupported(dtype);
		return new DataType(kind, size, dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * The type of a Zarr v3 {@code data_type} such as {@code uint16} or {@code bool}, in byte order {@code order}.
	 *
	 * @throws BadInputException for another type (complex, float16, strings, extension types)
	 */
	public static DataType parseV3(final String name, final ByteOrder order) {
		final String digits = name == null ? "" : name.replaceAll("^[a-z]+", "");
		final String word = name == null ? "" : name.substring(0, name.length() - digits.length());
		final char kind = "bool".equals(name) ? 'b' : "uint".equals(word) ? 'u' : "int".equals(word) ? 'i' : "float"
			.equals(word) ? 'f' : '?';
		final int size = kind == 'b' ? 1 : digits.matches("8|16|32|64") ? Integer.parseInt(digits) / 8 : 0;
		if (!valid(kind, size) || kind == 'b' && !digits.isEmpty()) throw new BadInputException("Zarr data_type " + (
			name == null ? "(none)" : "'" + name + "'") + " is not an image type this plugin reads: store the array as " +
			"one of bool, uint8-64, int8-64, float32, float64.");
		return new DataType(kind, size, size == 1 ? ByteOrder.LITTLE_ENDIAN : order);
	}

	private static boolean valid(final char kind, final int size) {
		final boolean integer = kind == 'u' || kind == 'i';
		return integer && (size == 1 || size == 2 || size == 4 || size == 8) || kind == 'f' && (size == 4 ||
			size == 8) || kind == 'b' && size == 1;
	}

	private static BadInputException unsupported(final String dtype) {
		return new BadInputException("Zarr dtype " + (dtype == null ? "(none)" : "'" + dtype + "'") + " is not an " +
			"image type this plugin reads: store the array as one of |b1 |u1 |i1 <u2 <i2 <u4 <i4 <u8 <i8 <f4 <f8 (or " +
			"big-endian >).");
	}

	/** Bytes per element. */
	public int size() {
		return size;
	}

	public ByteOrder order() {
		return order;
	}

	public boolean isBool() {
		return kind == 'b';
	}

	public boolean isFloat() {
		return kind == 'f';
	}

	/** The Zarr v3 {@code data_type}, e.g. {@code uint16} (the byte order goes to the {@code bytes} codec). */
	public String v3Name() {
		return kind == 'b' ? "bool" : (kind == 'u' ? "uint" : kind == 'i' ? "int" : "float") + 8 * size;
	}

	/** The same type in byte order {@code o}. */
	public DataType withOrder(final ByteOrder o) {
		return size == 1 ? this : new DataType(kind, size, o);
	}

	/** The NumPy type string, e.g. {@code <u2}. */
	public String dtype() {
		return (size == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + size;
	}

	/** Element {@code i} of {@code b} (whose byte order must be {@link #order()}). */
	public double get(final ByteBuffer b, final int i) {
		final int at = i * size;
		switch (kind) {
			case 'b':
				return b.get(at) != 0 ? 1 : 0;
			case 'u':
				if (size == 8) {
					final long v = b.getLong(at);
					return v >= 0 ? v : v + 0x1p64; // two's complement read as its unsigned value
				}
				return size == 1 ? b.get(at) & 0xff : size == 2 ? b.getShort(at) & 0xffff : b.getInt(at) & 0xffffffffL;
			case 'i':
				return size == 1 ? b.get(at) : size == 2 ? b.getShort(at) : size == 4 ? b.getInt(at) : b.getLong(at);
			default:
				return size == 4 ? b.getFloat(at) : b.getDouble(at);
		}
	}

	/**
	 * Stores {@code v} as element {@code i}: integers are rounded to nearest and clamped to the type's range (NaN as
	 * 0), as a conversion of a float result to an integer image should be.
	 */
	public void put(final ByteBuffer b, final int i, final double v) {
		final int at = i * size;
		if (kind == 'f') {
			if (size == 4) b.putFloat(at, (float) v);
			else b.putDouble(at, v);
			return;
		}
		if (kind == 'b') {
			b.put(at, (byte) (v != 0 && !Double.isNaN(v) ? 1 : 0));
			return;
		}
		if (size == 8) {
			b.putLong(at, long64(Double.isNaN(v) ? 0 : Math.rint(v)));
			return;
		}
		final long n = Math.max(min(), Math.min(max(), Double.isNaN(v) ? 0 : Math.round(v)));
		if (size == 1) b.put(at, (byte) n);
		else if (size == 2) b.putShort(at, (short) n);
		else b.putInt(at, (int) n);
	}

	/** The bits of a whole number clamped to the 64-bit type's range (Java's cast saturates at the signed range). */
	private long long64(final double v) {
		if (kind == 'i') return (long) v;
		if (v <= 0) return 0;
		return v >= 0x1p63 ? (long) Math.min(v - 0x1p63, 0x1p63) ^ Long.MIN_VALUE : (long) v;
	}

	private long min() {
		return kind == 'u' ? 0 : -(1L << (8 * size - 1));
	}

	private long max() {
		return kind == 'u' ? (1L << (8 * size)) - 1 : (1L << (8 * size - 1)) - 1;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof DataType && ((DataType) o).dtype().equals(dtype());
	}

	@Override
	public int hashCode() {
		return dtype().hashCode();
	}

	@Override
	public String toString() {
		return dtype();
	}
}
