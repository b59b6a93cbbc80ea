package sc.fiji.autoencoders.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

/** MNIST-style IDX image files (Fashion-MNIST's {@code train-images-idx3-ubyte}, plain or gzip-compressed). */
public final class IdxFiles {

	/** IDX magic for unsigned bytes in 3 dimensions (images x rows x columns), as in MNIST. */
	static final int IDX3_UBYTE_MAGIC = 0x00000803;

	private IdxFiles() {}

	/**
	 * Reads an IDX3 unsigned-byte file (e.g. MNIST's {@code train-images-idx3-ubyte}, optionally gzip-compressed) into
	 * one plane per image, values 0-255.
	 *
	 * @throws BadInputException if the file is missing, not IDX3 unsigned bytes, or truncated
	 */
	public static List<Plane> readIdx(final File f) {
		if (f == null || !f.isFile()) {
			throw new BadInputException("IDX file " + (f == null ? null : f.getAbsolutePath()) + " does not exist. " +
				"Check the path.");
		}
		try (InputStream raw = new BufferedInputStream(new FileInputStream(f))) {
			raw.mark(2);
			final int b0 = raw.read();
			final int b1 = raw.read();
			raw.reset();
			final InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
			final DataInputStream data = new DataInputStream(in);
			final int magic = data.readInt();
			if (magic != IDX3_UBYTE_MAGIC) {
				throw new BadInputException("File " + f.getAbsolutePath() + " is not an IDX3 unsigned-byte image file " +
					"(magic number " + String.format("0x%08x", magic) + ", expected 0x00000803). Give an images file such " +
					"as MNIST's train-images-idx3-ubyte(.gz), not a labels file.");
			}
			final int count = data.readInt();
			final int rows = data.readInt();
			final int cols = data.readInt();
			if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
				throw new BadInputException("IDX file " + f.getAbsolutePath() + " has invalid dimensions " + count + "x" +
					rows + "x" + cols + ". The file is damaged; download it again.");
			}
			final List<Plane> planes = new ArrayList<>(count);
			final byte[] buf = new byte[rows * cols];
			for (int i = 0; i < count; i++) {
				data.readFully(buf);
				final float[] px = new float[buf.length];
				for (int j = 0; j < buf.length; j++) px[j] = buf[j] & 0xff;
				planes.add(new Plane(cols, rows, px));
			}
			return planes;
		}
		catch (final EOFException e) {
			throw new BadInputException("IDX file " + f.getAbsolutePath() + " ends early; it is truncated or damaged. " +
				"Download it again.", e);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read IDX file " + f.getAbsolutePath() + " (" + e.getMessage() + "). " +
				"Check that it is readable and not damaged.", e);
		}
	}

	/** MNIST-style IDX image files, recognised by name (e.g. train-images-idx3-ubyte.gz). */
	static boolean isIdx(final File f) {
		return f.isFile() && f.getName().toLowerCase(Locale.ROOT).contains("idx3");
	}
}
