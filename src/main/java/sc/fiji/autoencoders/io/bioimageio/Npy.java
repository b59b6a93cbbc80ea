package sc.fiji.autoencoders.io.bioimageio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * NumPy's {@code .npy} format (version 1.0) for float32 arrays, which bioimage.io test tensors must be: the magic
 * string, a Python dict literal header ({@code descr '<f4'}, C order, the shape) padded with spaces to a multiple of 64
 * bytes and ending in a newline, then the values little-endian, last axis fastest.
 */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

	private Npy() {}

	/** A float32 array and its shape (C order: the last axis varies fastest in {@code values}). */
	public static final class Array {

		public final long[] shape;
		public final float[] values;

		public Array(final long[] shape, final float[] values) {
			long n = 1;
			for (final long s : shape)
				n *= s;
			if (n != values.length) throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) +
				" holds " + n + " values, not " + values.length);
			this.shape = shape.clone();
			this.values = values;
		}
	}

	/** Writes {@code a} as a version 1.0 .npy file. */
	public static void write(final Array a, final OutputStream out) throws IOException {
		final StringBuilder shape = new StringBuilder();
		for (final long s : a.shape)
			shape.append(s).append(", ");
		// numpy writes a 1-tuple as (n,) and the empty shape as (); "n, m, " needs only its last ", " trimmed to ","
		String dims = shape.toString();
		if (a.shape.length > 1) dims = dims.substring(0, dims.length() - 2);
		else if (a.shape.length == 1) dims = dims.substring(0, dims.length() - 1);
		final String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
		// magic (6) + version (2) + header length (2) + dict + padding + '\n' = a multiple of 64
		final int unpadded = MAGIC.length + 4 + dict.length() + 1;
		final int total = (unpadded + 63) / 64 * 64;
		final StringBuilder header = new StringBuilder(dict);
		while (header.length() < total - MAGIC.length - 4 - 1)
			header.append(' ');
		header.append('\n');
		final byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
		out.write(MAGIC);
		out.write(new byte[] { 1, 0, (byte) (h.length & 0xff), (byte) (h.length >> 8) });
		out.write(h);
		final ByteBuffer bb = ByteBuffer.allocate(a.values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		bb.asFloatBuffer().put(a.values);
		out.write(bb.array());
	}

	/** The bytes of {@link #write}. */
	public static byte[] toBytes(final Array a) {
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			write(a, out);
		}
		catch (final IOException e) {
			throw new IllegalStateException(e); // a byte array stream does not fail
		}
		return out.toByteArray();
	}

	/**
	 * Reads a little-endian float32, C-order .npy file (version 1 or 2).
	 *
	 * @throws BadInputException naming what the file is, if it is not that
	 */
	public static Array read(final InputStream in) throws IOException {
		final byte[] magic = in.readNBytes(MAGIC.length);
		if (!java.util.Arrays.equals(magic, MAGIC)) throw new BadInputException("Not a .npy file (no NumPy magic " +
			"string): give a file written by numpy.save or by this plugin's export.");
		final int major = in.read();
		in.read();
		final byte[] len = in.readNBytes(major >= 2 ? 4 : 2);
		final long headerLength = major >= 2 ? ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL
			: ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
		if (headerLength > 1 << 20) throw new BadInputException("The .npy header is " + headerLength +
			" bytes long: the file is damaged.");
		final String header = new String(in.readNBytes((int) headerLength), StandardCharsets.US_ASCII);
		if (!header.contains("'descr': '<f4'") || !header.contains("'fortran_order': False")) {
			throw new BadInputException("Only little-endian float32 .npy files in C order are read here, not " + header
				.trim() + ": save the array with numpy.save(f, a.astype('<f4')).");
		}
		final Matcher m = SHAPE.matcher(header);
		if (!m.find()) throw new BadInputException("The .npy header names no shape: " + header.trim());
		final List<Long> dims = new ArrayList<>();
		for (final String s : m.group(1).split(","))
			if (!s.trim().isEmpty()) dims.add(Long.parseLong(s.trim()));
		final long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
		long n = 1;
		for (final long s : shape)
			n *= s;
		if (n > Integer.MAX_VALUE / 4) throw new BadInputException("The .npy array holds " + n +
			" values, more than this reader takes.");
		final byte[] data = in.readNBytes((int) n * 4);
		if (data.length != n * 4) throw new BadInputException("The .npy file ends after " + data.length / 4 +
			" of its " + n + " values: it is truncated.");
		final float[] values = new float[(int) n];
		ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return new Array(shape, values);
	}
}
