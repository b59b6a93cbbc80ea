package sc.fiji.autoencoders.io.zarr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * A Zarr array in a folder of a file system: its {@code .zarray} (v2) or {@code zarr.json} (v3) and one file per
 * stored chunk (key: {@link ArrayMetadata#chunkKey}, "/" making nested folders), or per shard of a sharded v3 array
 * (read only: inner chunks are read from their shard, missing ones as the fill value). Boxes are read and written
 * through the chunks they touch, so memory depends on the box and chunk sizes, never on the array's. Missing chunks
 * read as the fill value; edge chunks are stored whole, as python-zarr does. Each chunk file is written to a
 * temporary file and renamed into place, so a reader (or a rerun checking {@link #hasChunk}) never sees half a chunk.
 * Coordinates and boxes are in the array's dimension order (C order: the last dimension fastest), as are the
 * primitive arrays that hold boxes.
 * <p>
 * Several threads or processes may write different chunks at once; writes of a box that covers chunks partly read
 * and rewrite them, so concurrent writers must not share chunks.
 */
public final class ZarrArray {

	private final Path dir;
	private final ArrayMetadata meta;
	/**
	 * The indexes of shards read last: a box reads many inner chunks of one shard, and each would read its index
	 * again. Sharded arrays are only read, so an index read stays true.
	 */
	private final Map<Path, long[]> shardIndexes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(final Map.Entry<Path, long[]> eldest) {
			return size() > 64;
		}
	});

	private ZarrArray(final Path dir, final ArrayMetadata meta) {
		this.dir = dir;
		this.meta = meta;
	}

	/**
	 * Opens the array in {@code dir}.
	 *
	 * @throws BadInputException if it has no {@code .zarray} or {@code zarr.json}, or one this reader cannot take
	 */
	public static ZarrArray open(final Path dir) {
		Path file = dir.resolve(".zarray");
		JsonObject json = ZarrJson.readIfExists(file);
		if (json == null) json = ZarrJson.readIfExists(file = dir.resolve("zarr.json"));
		if (json == null) throw new BadInputException(dir + " is not a Zarr array: it has no .zarray (Zarr v2) or " +
			"zarr.json (Zarr v3); give the path of an array (or of an OME-Zarr image folder).");
		return new ZarrArray(dir, ArrayMetadata.fromJson(json, file));
	}

	/** Creates (or replaces the metadata of) the array in {@code dir}, creating the folder; writes no chunk. */
	public static ZarrArray create(final Path dir, final ArrayMetadata meta) {
		ZarrJson.mkdirs(dir);
		ZarrJson.write(dir.resolve(meta.format() == 3 ? "zarr.json" : ".zarray"), meta.toJson());
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

	/** The file of the chunk at grid position {@code index} (it may not exist): in a sharded array, its shard's. */
	public Path chunkFile(final long[] index) {
		return dir.resolve(meta.chunkKey(index));
	}

	/**
	 * True if the chunk at {@code index} is stored (complete, as chunk files appear by renaming).
	 *
	 * @throws BadInputException if it is in a shard whose index is corrupt
	 */
	public boolean hasChunk(final long[] index) {
		if (meta.sharding() == null) return Files.isRegularFile(chunkFile(index));
		return stored(index) != null;
	}

	/** The chunk's stored bytes, or null if it is not stored. */
	private byte[] stored(final long[] index) {
		final Path file = chunkFile(index);
		try {
			final Sharding sharding = meta.sharding();
			if (sharding == null) return Files.readAllBytes(file);
			long[] shardIndex = shardIndexes.get(file);
			if (shardIndex == null) shardIndexes.put(file, shardIndex = sharding.readIndex(file));
			return Sharding.read(file, shardIndex, sharding.entry(index));
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		catch (final IOException e) {
			if (meta.sharding() != null && Files.isRegularFile(file)) throw new BadInputException("Zarr shard " + file +
				" is corrupt (" + e.getMessage() + "): restore or rewrite that file, or delete it to read its chunks as " +
				"the fill value.", e);
			throw new UncheckedIOException("Cannot read Zarr chunk " + file, e);
		}
	}

	private BadInputException corrupt(final Path file, final String what) {
		return new BadInputException("Zarr chunk " + file + " is corrupt (not a " + what + "): restore or rewrite " +
			"that file, or delete it to read it as the fill value.");
	}

	/**
	 * The raw bytes of a whole chunk in the dtype's byte order: the fill value if the chunk is missing.
	 *
	 * @throws BadInputException if the chunk file is corrupt
	 */
	public ByteBuffer readChunk(final long[] index) {
		final int bytes = meta.chunkElements() * meta.type().size();
		final byte[] stored = stored(index);
		if (stored == null) return filled();
		byte[] raw;
		try {
			raw = Codecs.decode(meta.codecs(), stored, bytes);
		}
		catch (final IOException | RuntimeException e) {
			raw = null;
		}
		if (raw == null || raw.length != bytes) {
			final StringBuilder names = new StringBuilder();
			for (final Codec c : meta.codecs())
				names.append(names.length() > 0 ? "+" : "").append(meta.format() == 3 ? c.toV3Json().get("name")
					.getAsString() : c.toJson().get("id").getAsString());
			throw corrupt(chunkFile(index), (names.length() == 0 ? "raw" : names) + (meta.sharding() == null ? "" :
				" inner") + " chunk of " + bytes + " bytes");
		}
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
		if (meta.sharding() != null) throw new BadInputException("Cannot write into " + dir + ": it is a sharded Zarr " +
			"v3 array, which this plugin reads but does not write; write to a new output.");
		try {
			final byte[] bytes = Arrays.copyOf(raw.array(), meta.chunkElements() * meta.type().size());
			final byte[] stored = Codecs.encode(meta.codecs(), bytes);
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
