package sc.fiji.autoencoders.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The blocks of an image read from a file, kept while they were used recently: a least-recently-used map of block
 * index to pixels, bounded by bytes, so that the memory of an image read block by block depends on this bound and never
 * on the image's size. One cache serves all images of one file (keys tell them apart). Thread-safe; a block is read
 * under the lock, so readers of one file do not overlap.
 */
final class BlockCache {

	private final long maxBytes;
	private final LinkedHashMap<Long, float[]> blocks = new LinkedHashMap<>(16, 0.75f, true);
	private long bytes, reads;

	BlockCache(final long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * Block {@code key}: cached, or read by {@code read} and cached, dropping the least recently used beyond the bound.
	 */
	synchronized float[] get(final long key, final Supplier<float[]> read) {
		final float[] cached = blocks.get(key);
		if (cached != null) return cached;
		final float[] block = read.get();
		reads++;
		blocks.put(key, block);
		bytes += 4L * block.length;
		final var oldest = blocks.entrySet().iterator();
		while (bytes > maxBytes && blocks.size() > 1) {
			final Map.Entry<Long, float[]> e = oldest.next();
			bytes -= 4L * e.getValue().length;
			oldest.remove();
		}
		return block;
	}

	/** Blocks read from the file so far (a block read again after eviction counts again). */
	synchronized long reads() {
		return reads;
	}
}
