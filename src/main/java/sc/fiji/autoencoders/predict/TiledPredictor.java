package sc.fiji.autoencoders.predict;

import java.util.Arrays;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.blocks.PrimitiveBlocks.OnFallback;
import net.imglib2.converter.Converters;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Applies a fully convolutional network to an N-dimensional block (a 2D plane, a 3D volume) of any size in bounded
 * memory. The block is cut into cores of at most {@code tileSize} pixels a side whose origins are multiples of the
 * network's size multiple (so pooling grids line up with those of an untiled run); each core is predicted with a
 * {@code margin} of real context (mirrored at the block border, without repeating the edge pixel) wide enough to
 * cover the network's receptive field, so the result equals the untiled prediction. Neighbouring tiles are
 * cross-faded over {@code blend} pixels on each side of their common face, hiding any float round-off seam; the
 * blended pixels see {@code margin - blend} pixels of context, so a margin of the receptive radius plus the blend
 * makes tiled and untiled agree to float round-off.
 * <p>
 * Tile size, margin and multiple are the same in every dimension, or given per dimension. With a voxel budget
 * ({@link #withMaxVoxels}), the cores of each block are planned so that every tile, margins included, has at most that
 * many voxels (the memory the network takes on one tile grows with it), choosing among the cores that fit the one
 * that computes the fewest voxels in all; the tile size is then the largest core side. Tiles are visited with
 * dimension 0 fastest. Instances are immutable and may be shared between threads.
 */
public final class TiledPredictor {

	/**
	 * When even tiles of the smallest cores exceed the budget (margins of the worst-case bound of a deep 3D network, in
	 * model files without a measured receptive field), tiles may have this many times their voxels: cores of the
	 * smallest side would compute thousands of times the voxels they deliver.
	 */
	static final int FALLBACK = 4;

	/** Largest blend, in pixels on each side of a face. */
	static final int MAX_BLEND = 8;

	/** Dimensions the per-dimension settings are for, or 0 when the same settings serve any dimensionality. */
	private final int dimensions;
	private final int[] tileSize;
	private final int[] margin;
	private final int[] multiple;
	/** Most voxels of one tile, margins included; 0 for no budget. */
	private final long maxVoxels;

	/**
	 * The same settings in every dimension.
	 *
	 * @param tileSize largest core side (rounded down to a multiple of {@code multiple}, at least {@code multiple})
	 * @param margin context around each core (rounded up to a multiple of {@code multiple})
	 * @param multiple the network's input size multiple (2^depth), at least 1
	 */
	public TiledPredictor(final int tileSize, final int margin, final int multiple) {
		this(0, new int[] { tileSize }, new int[] { margin }, new int[] { multiple }, 0);
	}

	/**
	 * Settings per dimension (dimension 0 first), e.g. for a 3D network that pools in X and Y only; blocks must then
	 * have {@code tileSize.length} dimensions.
	 */
	public TiledPredictor(final int[] tileSize, final int[] margin, final int[] multiple) {
		this(tileSize.length, tileSize, margin, multiple, 0);
		if (tileSize.length == 0 || margin.length != tileSize.length || multiple.length != tileSize.length) {
			throw new IllegalArgumentException("Need tile size, margin and multiple for each dimension: " + Arrays
				.toString(tileSize) + ", " + Arrays.toString(margin) + ", " + Arrays.toString(multiple));
		}
	}

	private TiledPredictor(final int dimensions, final int[] tileSize, final int[] margin, final int[] multiple,
		final long maxVoxels)
	{
		if (maxVoxels < 0) throw new IllegalArgumentException("Voxel budget must be 0 (none) or more, got " + maxVoxels);
		this.dimensions = dimensions;
		this.maxVoxels = maxVoxels;
		final int n = tileSize.length;
		this.tileSize = new int[n];
		this.margin = new int[n];
		this.multiple = new int[n];
		for (int d = 0; d < n && d < margin.length && d < multiple.length; d++) {
			final int m = multiple[d];
			if (m < 1) throw new IllegalArgumentException("Size multiple must be at least 1, got " + m);
			this.multiple[d] = m;
			this.tileSize[d] = Math.max(m, tileSize[d] / m * m);
			this.margin[d] = (int) roundUp(Math.max(0, margin[d]), m);
		}
	}

	/**
	 * The same tiler with a budget: each block's cores are planned so that no tile, margins included, has more than
	 * {@code voxels} voxels (unless even the smallest cores do not fit: then {@link #FALLBACK} times the voxels of
	 * those), and, among
	 * those that fit, so that the tiles compute the fewest voxels in all. A dimension without margin (the channels of a
	 * network of several channels) is never split below its tile size.
	 *
	 * @param voxels the budget, or 0 for none (cores of the tile size)
	 */
	public TiledPredictor withMaxVoxels(final long voxels) {
		return new TiledPredictor(dimensions, tileSize, margin, multiple, voxels);
	}

	/** Most voxels of one tile, margins included (0: no budget). */
	public long maxVoxels() {
		return maxVoxels;
	}

	/** Largest core side (in dimension 0 when set per dimension). */
	public int tileSize() {
		return tileSize[0];
	}

	/** Context around each core (in dimension 0 when set per dimension). */
	public int margin() {
		return margin[0];
	}

	public int tileSize(final int d) {
		return tileSize[index(d)];
	}

	public int margin(final int d) {
		return margin[index(d)];
	}

	public int multiple(final int d) {
		return multiple[index(d)];
	}

	/** Number of tiles for a block of these dimensions (e.g. {@code width, height}). */
	public long tileCount(final long... dims) {
		checkDimensions(dims.length);
		final long[] cores = cores(dims);
		long n = 1;
		for (int d = 0; d < dims.length; d++)
			n *= ceilDiv(dims[d], cores[d]);
		return n;
	}

	/**
	 * The core sides of the tiles of a block of these dimensions: the tile size, or with a budget the plan described
	 * at {@link #withMaxVoxels}.
	 */
	public long[] cores(final long... dims) {
		checkDimensions(dims.length);
		final int n = dims.length;
		final long[] cores = new long[n];
		for (int d = 0; d < n; d++)
			cores[d] = tileSize(d);
		if (maxVoxels == 0) return cores;
		final long[][] candidates = new long[n][];
		for (int d = 0; d < n; d++) {
			final long m = multiple(d), cap = Math.min(tileSize(d), roundUp(Math.max(1, dims[d]), m));
			if (margin(d) == 0) candidates[d] = new long[] { Math.max(m, cap / m * m) };
			else {
				candidates[d] = new long[(int) Math.max(1, cap / m)];
				for (int i = 0; i < candidates[d].length; i++)
					candidates[d][i] = (i + 1) * m;
			}
		}
		final long[] best = new long[n + 2], trial = new long[n]; // best cores, then their cost and tile count
		best[n] = Long.MAX_VALUE;
		long smallest = 1;
		for (int d = 0; d < n; d++)
			smallest = multiplySaturated(smallest, roundUp(Math.min(candidates[d][0], dims[d]) + 2L * margin(d),
				multiple(d)));
		final long limit = smallest <= maxVoxels ? maxVoxels : smallest > Long.MAX_VALUE / FALLBACK ? smallest
			: FALLBACK * smallest;
		plan(dims, candidates, 0, trial, limit, 1, 1, 1, best);
		for (int d = 0; d < n; d++)
			cores[d] = best[n] == Long.MAX_VALUE ? candidates[d][0] : best[d];
		return cores;
	}

	/**
	 * Tries every core side of dimension {@code d} and up (those before are in {@code trial}), given the voxels of the
	 * largest tile, the voxels computed and the tiles so far; keeps the cheapest plan that fits in {@code best}.
	 */
	private void plan(final long[] dims, final long[][] candidates, final int d, final long[] trial, final long limit,
		final long tile, final long computed, final long tiles, final long[] best)
	{
		final int n = dims.length;
		if (d == n) {
			if (computed < best[n] || (computed == best[n] && tiles < best[n + 1])) {
				System.arraycopy(trial, 0, best, 0, n);
				best[n] = computed;
				best[n + 1] = tiles;
			}
			return;
		}
		final long m = multiple(d), twice = 2L * margin(d);
		// largest first: of plans that compute as many voxels in as many tiles, the one of larger cores is kept
		for (int i = candidates[d].length - 1; i >= 0; i--) {
			final long c = candidates[d][i];
			final long count = ceilDiv(dims[d], c), last = dims[d] - (count - 1) * c;
			final long side = roundUp(Math.min(c, dims[d]) + twice, m);
			if (side > limit / tile) continue;
			final long sum = (count - 1) * side + roundUp(last + twice, m);
			trial[d] = c;
			plan(dims, candidates, d + 1, trial, limit, tile * side, multiplySaturated(computed, sum), tiles * count, best);
		}
	}

	private static long multiplySaturated(final long a, final long b) {
		final long p = a * b;
		return a != 0 && (p / a != b || p < 0) ? Long.MAX_VALUE - 1 : p;
	}

	/**
	 * Predicts {@code in} into {@code out} tile by tile. {@code out}'s previous content is overwritten.
	 *
	 * @param in the block, any pixel type (read as floats), any minimum
	 * @param out same dimensions as {@code in} (its own minimum); may be a view, e.g. a hyperslice or a flip
	 * @param f the network on one tile
	 * @param monitor progress counts tiles; cancellation is checked before each tile
	 * @throws PredictionMonitor.CancelledException if cancelled ({@code out} then holds a partial result)
	 */
	public <T extends RealType<T>> void predict(final RandomAccessibleInterval<T> in,
		final RandomAccessibleInterval<FloatType> out, final TileFunction f, final PredictionMonitor monitor)
	{
		final int n = in.numDimensions();
		checkDimensions(n);
		if (!Intervals.equalDimensions(in, out)) {
			throw new IllegalArgumentException("Output dimensions " + Arrays.toString(out.dimensionsAsLongArray()) +
				" differ from input dimensions " + Arrays.toString(in.dimensionsAsLongArray()));
		}
		final long[] size = in.dimensionsAsLongArray();
		final long[] cores = cores(size);
		final long[] tiles = new long[n];
		final int[] blend = new int[n];
		long total = 1;
		for (int d = 0; d < n; d++) {
			total *= tiles[d] = ceilDiv(size[d], cores[d]);
			// at most half a core, so that only two tiles ever overlap and their weights sum to 1
			blend[d] = blend(margin(d), cores[d]);
		}

		final PrimitiveBlocks<FloatType> source = mirrored(floats(Views.zeroMin(in)), OnFallback.ACCEPT);
		final RandomAccessibleInterval<FloatType> target = Views.zeroMin(out);
		LoopBuilder.setImages(target).forEachPixel(FloatType::setZero);
		final RandomAccess<FloatType> access = target.randomAccess();

		final long[] tile = new long[n], core = new long[n], coreSize = new long[n], origin = new long[n];
		final long[] dims = new long[n];
		final int[] intDims = new int[n];
		float[] buffer = null;
		long done = 0;
		do {
			if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
			long length = 1;
			for (int d = 0; d < n; d++) {
				core[d] = tile[d] * cores[d];
				coreSize[d] = Math.min(cores[d], size[d] - core[d]);
				dims[d] = roundUp(coreSize[d] + 2L * margin(d), multiple(d));
				intDims[d] = (int) dims[d];
				origin[d] = core[d] - margin(d);
				length *= dims[d];
			}
			if (length > Integer.MAX_VALUE - 8) {
				throw new IllegalArgumentException("Tile of " + Arrays.toString(dims) + " pixels is too large for one " +
					"array: choose a smaller tile size.");
			}
			if (buffer == null || buffer.length != length) buffer = new float[(int) length];
			source.copy(origin, buffer, intDims);
			final float[] result = f.apply(buffer, dims.clone());
			if (result.length != length) {
				throw new IllegalStateException("Tile function returned " + result.length + " values for a tile of " +
					length);
			}
			accumulate(access, result, size, tile, tiles, core, coreSize, origin, dims, blend);
			monitor.progress(++done, total);
		}
		while (next(tile, tiles));
	}

	// -- Helper methods --

	/**
	 * Adds the tile's weighted prediction to its core plus {@code blend} pixels beyond inner faces; the weights are
	 * products of per-dimension ramps that sum to 1 across each face.
	 */
	private void accumulate(final RandomAccess<FloatType> access, final float[] result, final long[] size,
		final long[] tile, final long[] tiles, final long[] core, final long[] coreSize, final long[] origin, final long[] dims,
		final int[] blend)
	{
		final int n = tile.length;
		final long[] from = new long[n], to = new long[n];
		final float[][] ramps = new float[n][];
		final long[] stride = new long[n];
		for (int d = 0; d < n; d++) {
			final boolean before = tile[d] > 0, after = tile[d] < tiles[d] - 1;
			final int b = blend[d];
			// (clipped to the block: a last core narrower than the blend ends before the blend does)
			from[d] = before ? Math.max(0, core[d] - b) : core[d];
			to[d] = after ? Math.min(size[d], core[d] + coreSize[d] + b) : core[d] + coreSize[d];
			ramps[d] = new float[(int) (to[d] - from[d])];
			for (int i = 0; i < ramps[d].length; i++)
				ramps[d][i] = ramp(from[d] + i, core[d], core[d] + coreSize[d], before, after, b);
			stride[d] = d == 0 ? 1 : stride[d - 1] * dims[d - 1];
		}
		final float[] rampX = ramps[0];
		final long[] pos = from.clone();
		do {
			// weight of this row, from the highest dimension down (in 2D: the Y ramp); then times the X ramp
			float rowWeight = 1;
			long index = from[0] - origin[0];
			for (int d = n - 1; d >= 1; d--) {
				rowWeight *= ramps[d][(int) (pos[d] - from[d])];
				index += (pos[d] - origin[d]) * stride[d];
			}
			access.setPosition(pos);
			final int start = (int) index;
			for (int i = 0; i < rampX.length; i++) {
				final FloatType v = access.get();
				v.set(v.get() + rowWeight * rampX[i] * result[start + i]);
				access.fwd(0);
			}
		}
		while (nextRow(pos, from, to));
	}

	/** Weight of position v for a core [c0, c1): 1 inside, falling linearly across each inner face (sums to 1). */
	private static float ramp(final long v, final long c0, final long c1, final boolean before, final boolean after,
		final int blend)
	{
		if (blend == 0) return 1;
		float r = 1;
		if (before) r = Math.min(r, clamp((v - (c0 - blend) + 0.5f) / (2 * blend)));
		if (after) r = Math.min(r, clamp(((c1 + blend) - v - 0.5f) / (2 * blend)));
		return r;
	}

	private static float clamp(final float v) {
		return v < 0 ? 0 : v > 1 ? 1 : v;
	}

	/**
	 * Cross-fade width, in pixels on each side of a face, of tiles of cores of {@code core} with that margin: at most
	 * half a core and half the margin.
	 */
	static int blend(final long margin, final long core) {
		return (int) Math.min(MAX_BLEND, Math.min(margin, core) / 2);
	}

	/** Next tile, dimension 0 fastest; false after the last. */
	private static boolean next(final long[] tile, final long[] tiles) {
		for (int d = 0; d < tile.length; d++) {
			if (++tile[d] < tiles[d]) return true;
			tile[d] = 0;
		}
		return false;
	}

	/** Next row (dimensions 1 and up, dimension 1 fastest); false after the last. */
	private static boolean nextRow(final long[] pos, final long[] from, final long[] to) {
		for (int d = 1; d < pos.length; d++) {
			if (++pos[d] < to[d]) return true;
			pos[d] = from[d];
		}
		return false;
	}

	/** The block read as floats (itself if it already is). */
	@SuppressWarnings("unchecked")
	static <T extends RealType<T>> RandomAccessibleInterval<FloatType> floats(final RandomAccessibleInterval<T> in) {
		if (in.getType() instanceof FloatType) return (RandomAccessibleInterval<FloatType>) (RandomAccessibleInterval<?>) in;
		return Converters.convert(in, (a, b) -> b.set(a.getRealFloat()), new FloatType());
	}

	/**
	 * Copies blocks of any position and size out of {@code block} (which starts at 0) extended by mirroring without
	 * repeating the edge pixel: index -1 reads 1, index n reads n - 2, with period 2 (n - 1). A dimension of size 1
	 * repeats its one pixel. Views of ArrayImgs and PlanarImgs (intervals, hyperslices, flips, rotations, converters)
	 * are copied by ImgLib2's optimized block copier; with {@code OnFallback.FAIL} anything else is refused.
	 */
	static PrimitiveBlocks<FloatType> mirrored(final RandomAccessibleInterval<FloatType> block,
		final OnFallback onFallback)
	{
		RandomAccessibleInterval<FloatType> b = block;
		final long[] max = b.maxAsLongArray();
		boolean singleton = false;
		for (int d = 0; d < max.length; d++) {
			if (b.dimension(d) == 1) {
				// extendMirrorSingle needs 2 pixels: repeat the one pixel (the mirror of a 1-pixel line is constant)
				max[d]++;
				singleton = true;
			}
		}
		if (singleton) b = Views.interval(Views.extendBorder(b), b.minAsLongArray(), max);
		return PrimitiveBlocks.of(Views.extendMirrorSingle(b), onFallback);
	}

	private int index(final int d) {
		return dimensions == 0 ? 0 : d;
	}

	private void checkDimensions(final int n) {
		if (n < 1 || (dimensions != 0 && n != dimensions)) {
			throw new IllegalArgumentException("This tiler is for " + (dimensions == 0 ? "blocks of 1 or more" :
				dimensions) + " dimensions, got " + n);
		}
	}

	static long roundUp(final long v, final long m) {
		return (v + m - 1) / m * m;
	}

	private static long ceilDiv(final long a, final long b) {
		return (a + b - 1) / b;
	}
}
