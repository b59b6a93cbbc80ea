package sc.fiji.autoencoders.io.zarr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * A Zarr v2 array in a folder of a file system: its {@code .zarray} and one file per stored chunk (key: the chunk's
 * indices joined by the separator, "/" making nested folders). Boxes are read and written through the chunks they
 * touch, so memory depends on the box and chunk sizes, never on the array's. Missing chunks read as the fill value;
 * edge chunks are stored whole, as python-zarr does. Each chunk file is written to a temporary file and renamed into
 * place, so a reader (or a rerun checking {@link #hasChunk}) never sees half a chunk. Coordinates and boxes are in the
 * array's dimension order (C order: the last dimension fastest), as are the primitive arrays that hold boxes.
 * <p>
 * Several threads or processes may write different chunks at once; writes of a box that covers chunks partly read
 * and rewrite them, so concurrent writers must not share chunks.
 */
public final class ZarrArray {

	private final Path dir;
	private final ArrayMetadata meta;

	private ZarrArray(final Path dir, final ArrayMetadata meta) {
		this.dir = dir;
		this.meta = meta;
	}

	/**
	 * Opens the array in {@code dir}.
	 *
	 * @throws BadInputException if it has no {@code .zarray} or one this reader cannot take
	 */
	public static ZarrArray open(final Path dir) {
		final Path file = dir.resolve(".zarray");
		final JsonObject json = ZarrJson.readIfExists(file);
		if (json == null) {
			final boolean v3 = Files.isRegularFile(dir.resolve("zarr.json"));
			throw new BadInputException(dir + " is not a Zarr v2 array: it has no .zarray" + (v3 ? " (it is Zarr v3, " +
				"which this version does not read: convert it to Zarr v2 / OME-NGFF 0.4)" : "; give the path of an " +
					"array (or of an OME-Zarr image folder)") + ".");
		}
		return new ZarrArray(dir, ArrayMetadata.fromJson(json, file));
	}

	/** Creates (or replaces the metadata of) the array in {@code dir}, creating the folder; writes no chunk. */
	public static ZarrArray create(final Path dir, final ArrayMetadata meta) {
		ZarrJson.mkdirs(dir);
		ZarrJson.write(dir.resolve(".zarray"), meta.toJson());
		return new ZarrArray(dir, meta);
	}

	public Path path() {
		return dir;
	}

	public ArrayMetadata metadata() {
		return meta;
	}

	public long[] shape() {
		return meta.shape();
	}

	/** The file of the chunk at grid position {@code index} (it may not exist). */
	public Path chunkFile(final long[] index) {
		final StringBuilder key = new StringBuilder();
		for (int d = 0; d < index.length; d++)
			key.append(d > 0 ? meta.separator() : "").append(index[d]);
		return dir.resolve(key.toString());
	}

	/** True if the chunk at {@code index} is stored (complete, as chunk files appear by renaming). */
	public boolean hasChunk(final long[] index) {
		return Files.isRegularFile(chunkFile(index));
	}

	/**
	 * The raw bytes of a whole chunk in the dtype's byte order: the fill value if the chunk is missing.
	 *
	 * @throws BadInputException if the chunk file is corrupt
	 */
	public ByteBuffer readChunk(final long[] index) {
		final Path file = chunkFile(index);
		final int bytes = meta.chunkElements() * meta.type().size();
		byte[] stored;
		try {
			stored = Files.readAllBytes(file);
		}
		catch (final NoSuchFileException e) {
			stored = null;
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read Zarr chunk " + file, e);
		}
		if (stored == null) return filled();
		byte[] raw;
		try {
			raw = meta.codec() == null ? stored : meta.codec().decode(stored, bytes);
		}
		catch (final IOException | RuntimeException e) {
			raw = null;
		}
		if (raw == null || raw.length != bytes) throw new BadInputException("Zarr chunk " + file + " is corrupt (not " +
			"a " + (meta.codec() == null ? "raw" : meta.codec().toJson().get("id").getAsString()) + " chunk of " + bytes +
			" bytes): restore or rewrite that file, or delete it to read it as the fill value.");
		return ByteBuffer.wrap(raw).order(meta.type().order());
	}

	/** A whole chunk of the fill value (also beyond the array's edge in edge chunks, as zarr stores them). */
	private ByteBuffer filled() {
		final int n = meta.chunkElements();
		final ByteBuffer b = ByteBuffer.allocate(n * meta.type().size()).order(meta.type().order());
		if (meta.fillValue() != 0) for (int i = 0; i < n; i++)
			meta.type().put(b, i, meta.fillValue());
		return b;
	}

	/** Stores a whole chunk (raw bytes in the dtype's byte order, {@link ArrayMetadata#chunkElements} elements). */
	public void writeChunk(final long[] index, final ByteBuffer raw) {
		final Path file = chunkFile(index);
		try {
			final byte[] bytes = Arrays.copyOf(raw.array(), meta.chunkElements() * meta.type().size());
			final byte[] stored = meta.codec() == null ? bytes : meta.codec().encode(bytes);
			Files.createDirectories(file.getParent());
			final Path tmp = AtomicFiles.createTemporary(file.toFile());
			try {
				Files.write(tmp, stored);
				AtomicFiles.move(tmp.toFile(), file.toFile());
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot write Zarr chunk " + file, e);
		}
	}

	/**
	 * Reads the box at {@code min} of {@code size} (inside the array) as doubles, C order.
	 *
	 * @throws BadInputException if a chunk it touches is corrupt
	 */
	public double[] read(final long[] min, final int[] size) {
		final double[] out = new double[checkBox(min, size)];
		forEachChunk(min, size, (chunk, boxOffset, chunkOffset, length) -> {
			final ByteBuffer b = chunk.get();
			for (int i = 0; i < length; i++)
				out[boxOffset + i] = meta.type().get(b, chunkOffset + i);
		}, true);
		return out;
	}

	/**
	 * Writes {@code values} (C order) into the box at {@code min} of {@code size}: chunks it covers whole are written
	 * from the values alone, others are read, changed and written back.
	 */
	public void write(final long[] min, final int[] size, final double[] values) {
		if (values.length != checkBox(min, size)) throw new IllegalArgumentException(values.length + " values for box " +
			Arrays.toString(size));
		forEachChunk(min, size, (chunk, boxOffset, chunkOffset, length) -> {
			final ByteBuffer b = chunk.get();
			for (int i = 0; i < length; i++)
				meta.type().put(b, chunkOffset + i, values[boxOffset + i]);
		}, false);
	}

	private int checkBox(final long[] min, final int[] size) {
		final long[] shape = meta.shape();
		long n = 1;
		for (int d = 0; d < shape.length; d++) {
			if (min[d] < 0 || size[d] < 0 || min[d] + size[d] > shape[d]) throw new IllegalArgumentException("Box at " +
				Arrays.toString(min) + " of " + Arrays.toString(size) + " is outside the array " + Arrays.toString(shape));
			n *= size[d];
		}
		if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("Box of " + n + " elements is too large");
		return (int) n;
	}

	/** One row (a run along the last dimension) shared by a box and a chunk. */
	private interface RowAction {

		void row(ChunkBuffer chunk, int boxOffset, int chunkOffset, int length);
	}

	/** A chunk's raw bytes, read or created on first use. */
	private final class ChunkBuffer {

		private final long[] index;
		private final boolean whole;
		private ByteBuffer bytes;

		ChunkBuffer(final long[] index, final boolean whole) {
			this.index = index;
			this.whole = whole;
		}

		ByteBuffer get() {
			if (bytes == null) bytes = whole ? filled() : readChunk(index);
			return bytes;
		}
	}

	/**
	 * Calls {@code action} for every row of the box in every chunk it touches; when writing, each touched chunk is
	 * then stored (those the box covers whole, up to the array's edge, start from the fill value rather than being
	 * read).
	 */
	private void forEachChunk(final long[] min, final int[] size, final RowAction action, final boolean reading) {
		final int rank = meta.rank(), last = rank - 1;
		final int[] chunks = meta.chunks();
		final long[] shape = meta.shape();
		for (final int s : size)
			if (s == 0) return;
		final long[] first = new long[rank], lastChunk = new long[rank];
		for (int d = 0; d < rank; d++) {
			first[d] = min[d] / chunks[d];
			lastChunk[d] = (min[d] + size[d] - 1) / chunks[d];
		}
		final long[] index = first.clone();
		while (true) {
			final long[] lo = new long[rank], hi = new long[rank];
			boolean whole = true;
			for (int d = 0; d < rank; d++) {
				final long c0 = index[d] * chunks[d], c1 = Math.min(c0 + chunks[d], shape[d]);
				lo[d] = Math.max(c0, min[d]);
				hi[d] = Math.min(c1, min[d] + size[d]);
				whole &= lo[d] == c0 && hi[d] == c1;
			}
			final ChunkBuffer chunk = new ChunkBuffer(index.clone(), !reading && whole);
			// every row of the overlap: positions over all dimensions but the last
			final long[] p = lo.clone();
			final int length = (int) (hi[last] - lo[last]);
			while (true) {
				int boxOffset = 0, chunkOffset = 0;
				for (int d = 0; d < rank; d++) {
					boxOffset = boxOffset * size[d] + (int) (p[d] - min[d]);
					chunkOffset = chunkOffset * chunks[d] + (int) (p[d] - index[d] * chunks[d]);
				}
				action.row(chunk, boxOffset, chunkOffset, length);
				int d = last - 1;
				for (; d >= 0; d--) {
					if (++p[d] < hi[d]) break;
					p[d] = lo[d];
				}
				if (d < 0) break;
			}
			if (!reading) writeChunk(index, chunk.get());
			int d = last;
			for (; d >= 0; d--) {
				if (++index[d] <= lastChunk[d]) break;
				index[d] = first[d];
			}
			if (d < 0) break;
		}
	}

}
