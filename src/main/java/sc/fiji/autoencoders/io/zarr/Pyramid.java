package sc.fiji.autoencoders.io.zarr;

import java.util.ArrayList;
import java.util.List;

import sc.fiji.autoencoders.image.Axis;

/**
 * The resolution pyramid of an {@link OmeZarrImage}: level k+1 is the 2x2 mean of level k in x and y (other axes
 * kept; an odd last row or column is averaged over what there is), down to the first level whose x and y fit in one
 * chunk. Computed chunk by chunk from the level below, so memory holds a few chunks, never a level.
 */
public final class Pyramid {

	private Pyramid() {}

	/** Each level's shape: level 0's, then halved (rounded up) along {@code x} and {@code y} until a chunk holds a plane. */
	public static List<long[]> levelShapes(final long[] shape, final int[] chunks, final int x, final int y) {
		final List<long[]> out = new ArrayList<>();
		long[] s = shape.clone();
		out.add(s);
		while (s[x] > chunks[x] || s[y] > chunks[y]) {
			s = s.clone();
			s[x] = (s[x] + 1) / 2;
			s[y] = (s[y] + 1) / 2;
			out.add(s);
		}
		return out;
	}

	/**
	 * Computes levels 1 on from level 0, chunk by chunk.
	 *
	 * @param skipExisting leave chunks that are already stored (a resumed run: each was complete when renamed into place)
	 * @return the number of chunks written
	 */
	public static long build(final OmeZarrImage image, final boolean skipExisting) {
		long written = 0;
		for (int k = 1; k < image.levelCount(); k++)
			written += build(image, k, 0, chunkCount(image, k), skipExisting);
		return written;
	}

	/** The number of chunks of level {@code level}: they are numbered 0 to this - 1 in C order. */
	public static long chunkCount(final OmeZarrImage image, final int level) {
		long n = 1;
		for (final long g : image.level(level).metadata().chunkGrid())
			n *= g;
		return n;
	}

	/**
	 * Computes chunks {@code from} to {@code to - 1} (C order) of level {@code level} (1 on) from the level below, which
	 * must be complete: the work of one task when a cluster builds a level (each chunk is written whole, atomically).
	 *
	 * @return the number of chunks written
	 */
	public static long build(final OmeZarrImage image, final int level, final long from, final long to,
		final boolean skipExisting)
	{
		final List<Axis> axes = image.imageAxes();
		final int x = axes.indexOf(Axis.X), y = axes.indexOf(Axis.Y);
		final ZarrArray src = image.level(level - 1), dst = image.level(level);
		final long[] grid = dst.metadata().chunkGrid(), index = new long[grid.length];
		long rest = from;
		for (int d = grid.length - 1; d >= 0; d--) {
			index[d] = rest % grid[d];
			rest /= grid[d];
		}
		long written = 0;
		for (long i = from; i < to; i++, next(index, grid)) {
			if (skipExisting && dst.hasChunk(index)) continue;
			downsampleChunk(src, dst, index, x, y);
			written++;
		}
		return written;
	}

	/**
	 * Moves {@code index} to the next position of a grid of {@code grid} positions per dimension, the last dimension
	 * fastest (C order); false after the last.
	 */
	public static boolean next(final long[] index, final long[] grid) {
		for (int d = index.length - 1; d >= 0; d--) {
			if (++index[d] < grid[d]) return true;
			index[d] = 0;
		}
		return false;
	}

	private static void downsampleChunk(final ZarrArray src, final ZarrArray dst, final long[] index, final int x,
		final int y)
	{
		final long[] dstShape = dst.shape(), srcShape = src.shape();
		final int[] chunks = dst.metadata().chunks();
		final int rank = dstShape.length;
		final long[] min = new long[rank], srcMin = new long[rank];
		final int[] size = new int[rank], srcSize = new int[rank];
		for (int d = 0; d < rank; d++) {
			min[d] = index[d] * chunks[d];
			size[d] = (int) Math.min(chunks[d], dstShape[d] - min[d]);
			final boolean halved = d == x || d == y;
			srcMin[d] = halved ? 2 * min[d] : min[d];
			srcSize[d] = halved ? (int) Math.min(2L * size[d], srcShape[d] - srcMin[d]) : size[d];
		}
		final double[] in = src.read(srcMin, srcSize), sum = new double[count(size)];
		final int[] n = new int[sum.length];
		// every source element adds to the element of its 2x2 block
		final long[] p = new long[rank];
		for (int i = 0; i < in.length; i++) {
			int o = 0;
			for (int d = 0; d < rank; d++)
				o = o * size[d] + (int) (d == x || d == y ? p[d] / 2 : p[d]);
			sum[o] += in[i];
			n[o]++;
			for (int d = rank - 1; d >= 0; d--) {
				if (++p[d] < srcSize[d]) break;
				p[d] = 0;
			}
		}
		for (int i = 0; i < sum.length; i++)
			sum[i] /= n[i];
		dst.write(min, size, sum);
	}

	private static int count(final int[] size) {
		int n = 1;
		for (final int s : size)
			n *= s;
		return n;
	}
}
