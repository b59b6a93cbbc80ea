package sc.fiji.autoencoders.io.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code sharding_indexed} codec of a Zarr v3 array, for reading: each file (shard) holds a grid of inner chunks,
 * each encoded alone, and an index at its end or start of (offset, length) uint64 pairs per inner chunk in C order
 * (both 2^64 - 1 for a chunk that is not stored), little-endian, optionally followed by its crc32c. The array's
 * chunks are the inner chunks, so a box reads only the inner chunks it touches. Immutable.
 */
public final class Sharding {

	private final int[] perShard;
	private final boolean indexAtEnd, indexChecksum;

	/**
	 * @param perShard inner chunks per shard along each dimension
	 * @param indexChecksum whether the index ends with its crc32c (index codecs bytes + crc32c)
	 */
	Sharding(final int[] perShard, final boolean indexAtEnd, final boolean indexChecksum) {
		this.perShard = perShard.clone();
		this.indexAtEnd = indexAtEnd;
		this.indexChecksum = indexChecksum;
	}

	/** The grid position of the shard that holds the inner chunk at {@code index}. */
	long[] shardIndex(final long[] index) {
		final long[] s = new long[index.length];
		for (int d = 0; d < s.length; d++)
			s[d] = index[d] / perShard[d];
		return s;
	}

	/**
	 * The index of shard {@code file}: offset and length of each inner chunk in C order (both -1 for one not stored),
	 * or an empty array if the shard is not stored.
	 *
	 * @throws IOException if the shard is shorter than its index, or the index's checksum does not match
	 */
	long[] readIndex(final Path file) throws IOException {
		int entries = 1;
		for (final int p : perShard)
			entries *= p;
		final int indexBytes = 16 * entries + (indexChecksum ? 4 : 0);
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			if (size < indexBytes) throw new IOException("shard of " + size + " bytes is shorter than its index");
			final ByteBuffer idx = readFully(ch, indexAtEnd ? size - indexBytes : 0, indexBytes);
			if (indexChecksum && Codecs.crc32c(idx.array(), indexBytes - 4) != idx.getInt(indexBytes - 4)) {
				throw new IOException("the shard index's crc32c checksum does not match");
			}
			final long[] index = new long[2 * entries];
			idx.asLongBuffer().get(index);
			for (int k = 0; k < entries; k++) {
				final long offset = index[2 * k], length = index[2 * k + 1];
				if (offset == -1 && length == -1) continue;
				if (offset < 0 || length < 0 || length > Integer.MAX_VALUE - 8 || offset + length > size) {
					throw new IOException("inner chunk " + k + " at " + offset + " of " + length + " bytes lies outside " +
						"the shard");
				}
			}
			return index;
		}
		catch (final NoSuchFileException e) {
			return new long[0];
		}
	}

	/** Where the inner chunk at grid position {@code index} (of the array's inner chunks) is in its shard's index. */
	int entry(final long[] index) {
		int at = 0;
		for (int d = 0; d < perShard.length; d++)
			at = at * perShard[d] + (int) (index[d] % perShard[d]);
		return at;
	}

	/**
	 * The stored bytes of an inner chunk, or null if it is not stored.
	 *
	 * @param shardIndex its shard's {@link #readIndex}
	 * @param entry its {@link #entry}
	 */
	static byte[] read(final Path file, final long[] shardIndex, final int entry) throws IOException {
		if (shardIndex.length == 0 || shardIndex[2 * entry] == -1 && shardIndex[2 * entry + 1] == -1) return null;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			return readFully(ch, shardIndex[2 * entry], (int) shardIndex[2 * entry + 1]).array();
		}
	}

	private static ByteBuffer readFully(final FileChannel ch, final long position, final int length)
		throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		while (b.hasRemaining())
			if (ch.read(b, position + b.position()) < 0) throw new IOException("the shard ends early");
		b.flip();
		return b;
	}
}
