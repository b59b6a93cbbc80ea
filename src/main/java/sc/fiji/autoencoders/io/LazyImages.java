package sc.fiji.autoencoders.io;

import java.nio.ByteBuffer;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.io.zarr.ArrayMetadata;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.ZarrArray;

/**
 * Images read from a file block by block as they are used: ImgLib2 cell images (X, Y, Z; Z of size 1 for a plane)
 * whose cells are an OME-Zarr image's chunks or a virtual stack's planes, kept in a {@link BlockCache} of
 * {@link #CACHE_BYTES}. What training samples patches from when the data are larger than memory: the memory is that
 * of the cache, whatever the size of the file.
 */
public final class LazyImages {

	/** Bytes of pixels (as floats) each lazy image keeps cached. */
	public static final long CACHE_BYTES = 64L << 20;

	private LazyImages() {}

	/**
	 * The channels and time points of a virtual stack (a file ImageJ reads plane by plane,
	 * {@link ImageFiles#openVirtual}, or an OME-Zarr image, {@link ZarrStack}) as X, Y, Z images:
	 * {@code [channel][time point]}, sharing one cache.
	 */
	public static RandomAccessibleInterval<FloatType>[][] of(final ImagePlus imp) {
		final ImageStack stack = imp.getStack();
		if (stack instanceof ZarrStack) return ((ZarrStack) stack).views();
		final int channels = imp.getNChannels(), frames = imp.getNFrames();
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<FloatType>[][] out = new RandomAccessibleInterval[channels][frames];
		final BlockCache cache = new BlockCache(CACHE_BYTES);
		final long[] dims = { imp.getWidth(), imp.getHeight(), imp.getNSlices() };
		final int[] plane = { imp.getWidth(), imp.getHeight(), 1 };
		for (int c = 0; c < channels; c++)
			for (int t = 0; t < frames; t++) {
				final int ch = c + 1, frame = t + 1;
				out[c][t] = cells(dims, plane, cache, (min, size) -> imp.getStackIndex(ch, (int) min[2] + 1, frame),
					(min, size) -> (float[]) stack.getProcessor(imp.getStackIndex(ch, (int) min[2] + 1, frame))
						.convertToFloat().getPixels());
			}
		return out;
	}

	/**
	 * Channel {@code c} and time point {@code t} (0-based; 0 when the image has no such axis) of level 0 of an OME-Zarr
	 * image, as an X, Y, Z image whose cells are its chunks.
	 */
	static RandomAccessibleInterval<FloatType> zarr(final OmeZarrImage image, final int c, final int t,
		final BlockCache cache)
	{
		final List<Axis> axes = image.imageAxes();
		final ZarrArray array = image.level(0);
		final ArrayMetadata meta = array.metadata();
		final int rank = meta.rank();
		final int[] spatial = { axes.indexOf(Axis.X), axes.indexOf(Axis.Y), axes.indexOf(Axis.Z) };
		final long[] dims = new long[3];
		final int[] cell = new int[3];
		for (int d = 0; d < 3; d++) {
			dims[d] = spatial[d] < 0 ? 1 : meta.shape()[spatial[d]];
			cell[d] = spatial[d] < 0 ? 1 : meta.chunks()[spatial[d]];
		}
		final int ci = axes.indexOf(Axis.C), ti = axes.indexOf(Axis.T);
		// C-order strides of a chunk
		final int[] stride = new int[rank];
		for (int d = rank - 1, s = 1; d >= 0; s *= meta.chunks()[d], d--)
			stride[d] = s;
		final long[] grid = new CellGrid(dims, cell).getGridDimensions();
		final long channels = ci < 0 ? 1 : meta.shape()[ci];
		final long first = (t * channels + c) * grid[0] * grid[1] * grid[2];
		return cells(dims, cell, cache, (min, size) -> first + (min[2] / cell[2] * grid[1] + min[1] / cell[1]) * grid[0] +
			min[0] / cell[0], (min, size) -> {
			final long[] chunk = new long[rank];
			int base = 0;
			for (int d = 0; d < 3; d++)
				if (spatial[d] >= 0) chunk[spatial[d]] = min[d] / cell[d];
			for (final int[] fixed : new int[][] { { ci, c }, { ti, t } })
				if (fixed[0] >= 0) {
					chunk[fixed[0]] = fixed[1] / meta.chunks()[fixed[0]];
					base += fixed[1] % meta.chunks()[fixed[0]] * stride[fixed[0]];
				}
			final ByteBuffer b = array.readChunk(chunk);
			final int sx = spatial[0] < 0 ? 0 : stride[spatial[0]], sy = spatial[1] < 0 ? 0 : stride[spatial[1]],
				sz = spatial[2] < 0 ? 0 : stride[spatial[2]];
			final float[] out = new float[size[0] * size[1] * size[2]];
			int k = 0;
			for (int z = 0; z < size[2]; z++)
				for (int y = 0; y < size[1]; y++)
					for (int x = 0, o = base + z * sz + y * sy; x < size[0]; x++, o += sx)
						out[k++] = (float) meta.type().get(b, o);
			return out;
		});
	}

	/** The cache key of the block at {@code min} of {@code size}, unique among the images sharing a cache. */
	interface BlockKey {

		long of(long[] min, int[] size);
	}

	/** Reads the block at {@code min} of {@code size} (X fastest). */
	interface BlockReader {

		float[] read(long[] min, int[] size);
	}

	/**
	 * An X, Y, Z image of {@code dims} in cells of {@code cell}, each read by {@code reader} when first used and kept in
	 * {@code cache} under the key {@code key} gives it.
	 */
	static RandomAccessibleInterval<FloatType> cells(final long[] dims, final int[] cell, final BlockCache cache,
		final BlockKey key, final BlockReader reader)
	{
		final CellGrid grid = new CellGrid(dims, cell);
		final long cellBytes = 4L * cell[0] * cell[1] * cell[2];
		if (cellBytes > CACHE_BYTES) throw new BadInputException("Blocks of " + cell[0] + "x" + cell[1] + "x" + cell[2] +
			" pixels are too large to read one at a time (" + (cellBytes >> 20) + " MB as 32-bit floats, more than " +
			(CACHE_BYTES >> 20) + " MB): store the image in smaller chunks (e.g. 64x256x256).");
		return new LazyCellImg<>(grid, new FloatType(), index -> {
			final long[] min = new long[3];
			final int[] size = new int[3];
			grid.getCellDimensions(index, min, size);
			return new Cell<>(size, min, new FloatArray(cache.get(key.of(min, size), () -> reader.read(min, size))));
		});
	}
}
