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
	 * The stored bytes of the inner chunk at {@code index} in shard {@code file}, or null if the shard or the chunk is
	 * not stored.
	 *
	 * @throws IOException if the shard is shorter than its index says, or its index checksum does not match
	 */
	byte[] read(final Path file, final long[] index) throws IOException {
		int entries = 1, at = 0;
		for (int d = 0; d < perShard.length; d++) {
			entries *= perShard[d];
			at = at * perShard[d] + (int) (index[d] % perShard[d]);
		}
		final int indexBytes = 16 * entries + (indexChecksum ? 4 : 0);
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			if (size < indexBytes) throw new IOException("shard of " + size + " bytes is shorter than its index");
			final ByteBuffer idx = readFully(ch, indexAtEnd ? size - indexBytes : 0, indexBytes);
			if (indexChecksum && Codecs.crc32c(idx.array(), indexBytes - 4) != idx.order(ByteOrder.LITTLE_ENDIAN)
				.getInt(indexBytes - 4)) throw new IOException("the shard index's crc32c checksum does not match");
			final long offset = idx.getLong(16 * at), length = idx.getLong(16 * at + 8);
			if (offset == -1 && length == -1) return null;
			if (offset < 0 || length < 0 || length > Integer.MAX_VALUE - 8 || offset + length > size) throw new IOException(
				"inner chunk " + at + " at " + offset + " of " + length + " bytes lies outside the shard");
			return readFully(ch, offset, (int) length).array();
		}
		catch (final NoSuchFileException e) {
			return null;
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
