package sc.fiji.autoencoders.io;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.measure.Calibration;
import sc.fiji.autoencoders.base.BadInputException;

/**
 * Writes a TIFF stack or hyperstack plane by plane, as ImageJ writes its own stacks, so that a stack of any length
 * needs the memory of one plane. The number of planes is known beforehand, so every offset is too and the file is
 * written front to back (only the display range in the description is filled in at the end); it appears under its
 * name only when complete (written under a temporary name beside it, then renamed).
 * <p>
 * Layout (little-endian classic TIFF): header, the first image file directory (IFD), ImageJ's description ({@code
 * ImageJ=}, {@code images=}, channels, slices, frames, units, spacing, min, max), the resolution, the planes one after
 * another without gaps, then one IFD per further plane. Classic TIFF offsets are 32-bit: when the planes end beyond
 * 4 GB, only the first IFD is written, and ImageJ reads the rest from {@code images=} in the description, as it does
 * for its own stacks larger than 4 GB (other readers then see one plane).
 */
public final class TiffStackWriter implements AutoCloseable {

	/**
	 * Where everything goes in the file: long arithmetic throughout, so that stacks of 2^31 pixels and more, and files
	 * beyond 4 GB, get the right offsets.
	 */
	static final class Layout {

		static final int HEADER = 8;
		static final int ENTRIES = 15;
		static final int IFD_SIZE = 2 + ENTRIES * 12 + 4;
		static final int RESOLUTION_SIZE = 16;
		/** Largest offset a classic TIFF can hold (unsigned 32 bits). */
		static final long CLASSIC_LIMIT = 0xffffffffL;

		final int width, height, bytesPerPixel, planes, descriptionLength;

		Layout(final int width, final int height, final int bytesPerPixel, final int planes,
			final int descriptionLength)
		{
			if (width < 1 || height < 1 || planes < 1) throw new IllegalArgumentException("Empty stack: " + width + "x" +
				height + "x" + planes);
			this.width = width;
			this.height = height;
			this.bytesPerPixel = bytesPerPixel;
			this.planes = planes;
			this.descriptionLength = descriptionLength;
		}

		long planePixels() {
			return (long) width * height;
		}

		long planeBytes() {
			return planePixels() * bytesPerPixel;
		}

		/** Pixels of the whole stack. */
		long pixels() {
			return planePixels() * planes;
		}

		long descriptionOffset() {
			return HEADER + IFD_SIZE;
		}

		long resolutionOffset() {
			return descriptionOffset() + descriptionLength;
		}

		/** Where the first plane starts (aligned to 16 bytes). */
		long dataOffset() {
			return (resolutionOffset() + RESOLUTION_SIZE + 15) / 16 * 16;
		}

		/** Where plane {@code i} (0-based) starts. */
		long planeOffset(final long i) {
			return dataOffset() + i * planeBytes();
		}

		/** Where the planes end. */
		long dataEnd() {
			return planeOffset(planes);
		}

		/** Whether every plane gets an IFD, i.e. every offset fits in 32 bits. */
		boolean everyPlaneHasIfd() {
			return dataEnd() + (long) (planes - 1) * IFD_SIZE <= CLASSIC_LIMIT;
		}

		/** Where the IFD of plane {@code i} starts (those of planes 1 and up follow the data). */
		long ifdOffset(final int i) {
			return i == 0 ? HEADER : dataEnd() + (long) (i - 1) * IFD_SIZE;
		}

		long fileSize() {
			return dataEnd() + (everyPlaneHasIfd() ? (long) (planes - 1) * IFD_SIZE : 0);
		}
	}

	private static final int BUFFER = 1 << 20;
	/** Characters reserved for each of the min and max values in the description. */
	private static final int VALUE_WIDTH = 26;

	private final File target;
	private final Path tmp;
	private final RandomAccessFile file;
	private final FileChannel channel;
	private final Layout layout;
	private final int bitDepth;
	private final String descriptionHead;
	private final ByteBuffer buffer;
	private final Calibration cal;
	private int written;
	private double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
	private boolean closed;

	/**
	 * Starts a stack of {@code channels * slices * frames} planes (ImageJ's order: channel fastest, then slice, then
	 * frame) of {@code bitDepth} 8, 16 (unsigned) or 32 (float) bits.
	 *
	 * @param cal pixel width, height, depth and units, frame interval; null for none
	 * @throws BadInputException if the folder cannot be written, or a plane is too large for a TIFF strip
	 */
	public TiffStackWriter(final File out, final int width, final int height, final int bitDepth, final int channels,
		final int slices, final int frames, final Calibration cal)
	{
		if (bitDepth != 8 && bitDepth != 16 && bitDepth != 32) throw new IllegalArgumentException("Bit depth " +
			bitDepth);
		if (channels < 1 || slices < 1 || frames < 1 || (long) channels * slices * frames > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Bad dimensions " + channels + "x" + slices + "x" + frames);
		}
		this.bitDepth = bitDepth;
		this.cal = cal;
		final int planes = channels * slices * frames;
		descriptionHead = descriptionHead(planes, channels, slices, frames, cal);
		layout = new Layout(width, height, bitDepth / 8, planes, descriptionBytes(Double.NaN, Double.NaN).length);
		if (layout.planeBytes() > Layout.CLASSIC_LIMIT) {
			throw new BadInputException("A plane of " + width + "x" + height + " " + bitDepth + "-bit pixels is larger " +
				"than 4 GB, more than a TIFF plane can hold: crop the image into smaller planes first.");
		}
		target = out.getAbsoluteFile();
		final File dir = target.getParentFile();
		if (dir == null || !dir.isDirectory()) {
			throw new BadInputException("Output folder " + dir + " does not exist. Create it first or choose another " +
				"output location.");
		}
		if (target.isDirectory()) throw new BadInputException("Output " + target + " is a folder. Give a file name " +
			"for the image.");
		Path t = null;
		RandomAccessFile f = null;
		try {
			t = AtomicFiles.createTemporary(target);
			f = new RandomAccessFile(t.toFile(), "rw");
			f.setLength(0);
			buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
			tmp = t;
			file = f;
			channel = f.getChannel();
			writeHead();
		}
		catch (final IOException | SecurityException e) {
			try {
				if (f != null) f.close();
				if (t != null) Files.deleteIfExists(t);
			}
			catch (final IOException ignored) {
				// best effort
			}
			throw new BadInputException("Cannot write image " + target + " (" + e.getMessage() + "). Check that the " +
				"folder is writable and the disk is not full.", e);
		}
	}

	/** Number of planes in the stack. */
	public int planes() {
		return layout.planes;
	}

	/** Planes written so far. */
	public int written() {
		return written;
	}

	/**
	 * Appends the next plane: a {@code byte[]}, {@code short[]} (unsigned) or {@code float[]} of width x height pixels
	 * matching the bit depth.
	 *
	 * @throws IllegalStateException if all planes were written already
	 */
	public void write(final Object pixels) {
		if (closed || written >= layout.planes) throw new IllegalStateException("All " + layout.planes +
			" planes were written already");
		final long n = layout.planePixels();
		final int length = pixels instanceof float[] ? ((float[]) pixels).length : pixels instanceof short[]
			? ((short[]) pixels).length : pixels instanceof byte[] ? ((byte[]) pixels).length : -1;
		final boolean typeOk = bitDepth == 32 ? pixels instanceof float[] : bitDepth == 16 ? pixels instanceof short[]
			: pixels instanceof byte[];
		if (!typeOk || length != n) throw new IllegalArgumentException("Expected " + n + " pixels of " + bitDepth +
			" bits, got " + (pixels == null ? null : pixels.getClass().getSimpleName()) + " of " + length);
		try {
			channel.position(layout.planeOffset(written));
			if (pixels instanceof float[]) {
				final float[] p = (float[]) pixels;
				for (int i = 0; i < p.length; i += BUFFER / 4) {
					final int len = Math.min(BUFFER / 4, p.length - i);
					buffer.clear();
					buffer.asFloatBuffer().put(p, i, len);
					buffer.limit(len * 4);
					writeFully(buffer);
				}
				for (final float v : p) {
					if (Float.isFinite(v)) {
						if (v < min) min = v;
						if (v > max) max = v;
					}
				}
			}
			else if (pixels instanceof short[]) {
				final short[] p = (short[]) pixels;
				for (int i = 0; i < p.length; i += BUFFER / 2) {
					final int len = Math.min(BUFFER / 2, p.length - i);
					buffer.clear();
					buffer.asShortBuffer().put(p, i, len);
					buffer.limit(len * 2);
					writeFully(buffer);
				}
				for (final short v : p) {
					final int u = v & 0xffff;
					if (u < min) min = u;
					if (u > max) max = u;
				}
			}
			else {
				final byte[] p = (byte[]) pixels;
				writeFully(ByteBuffer.wrap(p));
				for (final byte v : p) {
					final int u = v & 0xff;
					if (u < min) min = u;
					if (u > max) max = u;
				}
			}
			written++;
		}
		catch (final IOException e) {
			throw failed(e);
		}
	}

	/**
	 * Finishes the file when every plane was written (the IFDs, the display range of all planes) and moves it to its
	 * name; otherwise (an error or cancellation) deletes it.
	 */
	@Override
	public void close() {
		if (closed) return;
		closed = true;
		try {
			try {
				if (written == layout.planes) {
					finish();
					channel.force(false);
					file.close();
					AtomicFiles.move(tmp.toFile(), target);
				}
			}
			finally {
				file.close();
				Files.deleteIfExists(tmp);
			}
		}
		catch (final IOException e) {
			throw failed(e);
		}
	}

	/** The file that is written (it exists when all planes were written and the writer closed). */
	public File file() {
		return target;
	}

	// -- Helper methods --

	private void writeHead() throws IOException {
		final ByteBuffer b = ByteBuffer.allocate((int) layout.dataOffset()).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(Layout.HEADER);
		putIfd(b, 0);
		b.put(descriptionBytes(Double.NaN, Double.NaN));
		putResolution(b);
		b.position(0);
		channel.position(0);
		writeFully(b);
	}

	private void finish() throws IOException {
		final int planes = layout.planes;
		if (planes > 1 && layout.everyPlaneHasIfd()) {
			final ByteBuffer b = ByteBuffer.allocate(Layout.IFD_SIZE).order(ByteOrder.LITTLE_ENDIAN);
			channel.position(layout.ifdOffset(1));
			for (int i = 1; i < planes; i++) {
				b.clear();
				putIfd(b, i);
				b.flip();
				writeFully(b);
			}
		}
		// the description with the display range of all planes (same length as the placeholder)
		final ByteBuffer d = ByteBuffer.wrap(descriptionBytes(min, max));
		channel.position(layout.descriptionOffset());
		writeFully(d);
	}

	private void putIfd(final ByteBuffer b, final int i) {
		b.putShort((short) Layout.ENTRIES);
		entry(b, 254, 4, 1, 0); // NewSubfileType
		entry(b, 256, 4, 1, layout.width); // ImageWidth
		entry(b, 257, 4, 1, layout.height); // ImageLength
		entry(b, 258, 3, 1, bitDepth); // BitsPerSample
		entry(b, 259, 3, 1, 1); // Compression: none
		entry(b, 262, 3, 1, 1); // PhotometricInterpretation: black is zero
		entry(b, 270, 2, layout.descriptionLength, layout.descriptionOffset()); // ImageDescription
		entry(b, 273, 4, 1, layout.planeOffset(i)); // StripOffsets
		entry(b, 277, 3, 1, 1); // SamplesPerPixel
		entry(b, 278, 4, 1, layout.height); // RowsPerStrip
		entry(b, 279, 4, 1, layout.planeBytes()); // StripByteCounts
		entry(b, 282, 5, 1, layout.resolutionOffset()); // XResolution
		entry(b, 283, 5, 1, layout.resolutionOffset() + 8); // YResolution
		entry(b, 296, 3, 1, resolutionUnit()); // ResolutionUnit
		entry(b, 339, 3, 1, bitDepth == 32 ? 3 : 1); // SampleFormat: float or unsigned
		final boolean last = i == layout.planes - 1 || !layout.everyPlaneHasIfd();
		b.putInt(last ? 0 : (int) layout.ifdOffset(i + 1));
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final long count, final long value) {
		b.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0); // a SHORT sits left-justified
		else b.putInt((int) value); // unsigned 32 bits
	}

	private int resolutionUnit() {
		final String unit = cal == null ? null : cal.getUnit();
		return "inch".equals(unit) ? 2 : "cm".equals(unit) ? 3 : 1;
	}

	/** Pixels per unit as ImageJ writes them: (1 / pixel size) as a rational of denominator 10^6 (or 10^3). */
	private void putResolution(final ByteBuffer b) {
		for (final double size : new double[] { cal == null ? 1 : cal.pixelWidth, cal == null ? 1 : cal.pixelHeight }) {
			final double perUnit = size > 0 && Double.isFinite(size) ? 1 / size : 1;
			final double scale = perUnit > 1000 ? 1000 : 1000000;
			b.putInt((int) Math.min(Integer.MAX_VALUE, Math.round(perUnit * scale))).putInt((int) scale);
		}
	}

	private static String descriptionHead(final int planes, final int channels, final int slices, final int frames,
		final Calibration cal)
	{
		final StringBuilder s = new StringBuilder("ImageJ=1.54p\n");
		s.append("images=").append(planes).append('\n');
		if (channels > 1) s.append("channels=").append(channels).append('\n');
		if (slices > 1) s.append("slices=").append(slices).append('\n');
		if (frames > 1) s.append("frames=").append(frames).append('\n');
		if ((channels > 1 ? 1 : 0) + (slices > 1 ? 1 : 0) + (frames > 1 ? 1 : 0) > 1) s.append("hyperstack=true\n");
		if (cal != null) {
			if (cal.scaled()) escaped(s, "unit=" + cal.getUnit());
			if (slices > 1 && cal.pixelDepth != 1 && cal.pixelDepth > 0) s.append("spacing=").append(cal.pixelDepth)
				.append('\n');
			if (frames > 1 && cal.frameInterval > 0) {
				s.append("finterval=").append(cal.frameInterval).append('\n');
				if (!"sec".equals(cal.getTimeUnit())) escaped(s, "tunit=" + cal.getTimeUnit());
			}
		}
		if (planes > 1) s.append("loop=false\n");
		return s.toString();
	}

	/** As ImageJ's FileSaver: characters outside printable ASCII as \\uXXXX, which ImageJ's reader decodes. */
	private static void escaped(final StringBuilder s, final String line) {
		for (final char c : line.toCharArray()) {
			if (c >= 32 && c < 127 && c != '\\') s.append(c);
			else s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
		}
		s.append('\n');
	}

	/**
	 * The description, NUL-terminated, with min and max right-aligned in fields of fixed width (spaces before a value
	 * are ignored by ImageJ's reader), so that the final values replace the placeholders in place.
	 */
	private byte[] descriptionBytes(final double lo, final double hi) {
		final boolean known = lo <= hi;
		final String s = descriptionHead + "min=" + field(known ? lo : 0) + "\nmax=" + field(known ? hi : 0) + "\n\0";
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static String field(final double v) {
		return String.format(Locale.ROOT, "%" + VALUE_WIDTH + "s", Double.toString(v));
	}

	private void writeFully(final ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			channel.write(b);
	}

	private BadInputException failed(final IOException e) {
		return new BadInputException("Cannot write image " + target + " (" + e.getMessage() + "). Check that the " +
			"folder is writable and the disk is not full.", e);
	}
}
