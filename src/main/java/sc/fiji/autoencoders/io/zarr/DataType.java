package sc.fiji.autoencoders.io.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * A Zarr v2 {@code dtype} of the kinds an image holds: unsigned and signed integers of 1, 2 and 4 bytes and floats of 4
 * and 8 bytes, in either byte order. Values cross as doubles, which hold every one of them exactly.
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
	 * @throws BadInputException for another kind (structured, complex, 64-bit integers, strings) or a malformed string
	 */
	public static DataType parse(final String dtype) {
		if (dtype == null || dtype.length() != 3 || "<>|".indexOf(dtype.charAt(0)) < 0) throw unsupported(dtype);
		final char kind = dtype.charAt(1);
		final int size = dtype.charAt(2) - '0';
		final boolean integer = kind == 'u' || kind == 'i', real = kind == 'f';
		if (!(integer && (size == 1 || size == 2 || size == 4) || real && (size == 4 || size == 8))) {
			throw unsupported(dtype);
		}
		if (size > 1 && dtype.charAt(0) == '|') throw unsupported(dtype);
		return new DataType(kind, size, dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
	}

	private static BadInputException unsupported(final String dtype) {
		return new BadInputException("Zarr dtype " + (dtype == null ? "(none)" : "'" + dtype + "'") + " is not an " +
			"image type this plugin reads: store the array as one of |u1 |i1 <u2 <i2 <u4 <i4 <f4 <f8 (or big-endian >).");
	}

	/** Bytes per element. */
	public int size() {
		return size;
	}

	public ByteOrder order() {
		return order;
	}

	public boolean isFloat() {
		return kind == 'f';
	}

	/** The NumPy type string, e.g. {@code <u2}. */
	public String dtype() {
		return (size == 1 ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + size;
	}

	/** Element {@code i} of {@code b} (whose byte order must be {@link #order()}). */
	public double get(final ByteBuffer b, final int i) {
		final int at = i * size;
		switch (kind) {
			case 'u':
				return size == 1 ? b.get(at) & 0xff : size == 2 ? b.getShort(at) & 0xffff : b.getInt(at) & 0xffffffffL;
			case 'i':
				return size == 1 ? b.get(at) : size == 2 ? b.getShort(at) : b.getInt(at);
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
		final long n = Math.max(min(), Math.min(max(), Double.isNaN(v) ? 0 : Math.round(v)));
		if (size == 1) b.put(at, (byte) n);
		else if (size == 2) b.putShort(at, (short) n);
		else b.putInt(at, (int) n);
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
