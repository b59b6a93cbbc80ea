package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.model.NetworkSpec;

/** The tile planner of a voxel budget: no tile beyond the budget, every voxel covered once, few voxels computed. */
public class TilePlanTest {

	@Test
	public void noTileExceedsTheBudgetAndEveryVoxelIsCoveredOnce() {
		final Random r = new Random(5);
		for (int trial = 0; trial < 60; trial++) {
			final int n = 2 + r.nextInt(2);
			final long[] dims = new long[n];
			final int[] cap = new int[n], margin = new int[n], multiple = new int[n];
			for (int d = 0; d < n; d++) {
				dims[d] = 1 + r.nextInt(d == 2 ? 40 : 90);
				multiple[d] = 1 << r.nextInt(4);
				margin[d] = 1 + r.nextInt(12);
				cap[d] = 1 + r.nextInt(64);
			}
			final long budget = 1 + r.nextInt(n == 3 ? 60_000 : 8_000);
			final TiledPredictor t = new TiledPredictor(cap, margin, multiple).withMaxVoxels(budget);
			// the smallest tile there can be: cores of one multiple (the block's side if smaller)
			long smallest = 1;
			for (int d = 0; d < n; d++)
				smallest *= TiledPredictor.roundUp(Math.min(multiple[d], dims[d]) + 2L * t.margin(d), multiple[d]);
			final long limit = smallest <= budget ? budget : TiledPredictor.FALLBACK * smallest;
			final Img<FloatType> in = ArrayImgs.floats(dims), out = ArrayImgs.floats(dims);
			for (final FloatType v : in)
				v.set(r.nextFloat());
			final AtomicLong tiles = new AtomicLong(), largest = new AtomicLong();
			// the identity: the blended result is the input wherever the weights of the tiles sum to 1
			t.predict(in, out, (tile, tileDims) -> {
				long v = 1;
				for (int d = 0; d < n; d++) {
					assertEquals(0, tileDims[d] % multiple[d], "tile sides are multiples");
					v *= tileDims[d];
				}
				largest.accumulateAndGet(v, Math::max);
				tiles.incrementAndGet();
				return tile.clone();
			}, PredictionMonitor.NONE);
			final String what = "block " + java.util.Arrays.toString(dims) + ", cap " + java.util.Arrays.toString(cap) +
				", margins " + java.util.Arrays.toString(margin) + ", multiples " + java.util.Arrays.toString(multiple) +
				", budget " + budget + ", cores " + java.util.Arrays.toString(t.cores(dims));
			assertTrue(largest.get() <= limit, "largest tile " + largest.get() + " voxels: " + what);
			assertEquals(t.tileCount(dims), tiles.get(), what);
			final long[] cores = t.cores(dims);
			for (int d = 0; d < n; d++)
				assertTrue(cores[d] <= Math.max(multiple[d], cap[d]) && cores[d] % multiple[d] == 0, what);
			final Cursor<FloatType> a = in.localizingCursor();
			final RandomAccess<FloatType> b = out.randomAccess();
			while (a.hasNext())
				assertEquals(a.next().get(), b.setPositionAndGet(a).get(), 1e-6, what);
		}
	}

	@Test
	public void withoutBudgetCoresAreTheTileSize() {
		final TiledPredictor t = new TiledPredictor(new int[] { 64, 64, 16 }, new int[] { 20, 20, 8 }, new int[] { 8, 8,
			4 });
		assertArrayEquals(new long[] { 64, 64, 16 }, t.cores(1000, 1000, 100));
		assertEquals(16 * 16 * 7, t.tileCount(1000, 1000, 100));
	}

	/**
	 * The benchmark's 3D network (depth 3, 16 filters capped at 64, Z pooled at levels 2 and 3) on a 2048x2048x64 stack
	 * within the default budget: with margins of its measured effective radius the tiles compute a few times the voxels
	 * they deliver, with those of the worst-case bound far more.
	 */
	@Test
	public void effectiveMarginsComputeFewerVoxelsWithinTheBudget() {
		final NetworkSpec spec = NetworkSpec.unet(3, 16).withMaxFilters(64).threeD(false, true, true);
		final long budget = TileBudget.maxVoxels(spec, TileBudget.DEFAULT_MEGABYTES);
		assertTrue(budget > 1_000_000 && budget < 4_000_000, "budget " + budget);
		final long[] stack = { 2048, 2048, 64 };
		final double bound = overhead(false, new TiledPredictor(new int[] { 1024, 1024, 1024 }, new int[] { Denoiser
			.receptiveRadius(spec) + 8, Denoiser.receptiveRadius(spec) + 8, Denoiser.receptiveRadiusZ(spec) + 8 },
			new int[] { 8, 8, 4 }).withMaxVoxels(budget), stack);
		// 15 and 8: the radius measured on the 8-minute benchmark model (docs/BENCHMARKS.md, Memory)
		final double effective = overhead(true, new TiledPredictor(new int[] { 1024, 1024, 1024 }, new int[] { 15 + 8, 15 + 8,
			8 + 8 }, new int[] { 8, 8, 4 }).withMaxVoxels(budget), stack);
		assertTrue(effective < 3.5, "computed / delivered voxels with the effective margins: " + effective);
		assertTrue(bound > 4 * effective, "with the bound: " + bound + ", effective: " + effective);
	}

	/** Voxels the tiles of a block compute per voxel of the block; every tile within the budget if it {@code fits}. */
	private static double overhead(final boolean fits, final TiledPredictor t, final long[] dims) {
		final long[] cores = t.cores(dims);
		double computed = 1, delivered = 1;
		long tile = 1;
		for (int d = 0; d < dims.length; d++) {
			final long count = (dims[d] + cores[d] - 1) / cores[d], last = dims[d] - (count - 1) * cores[d];
			final long side = TiledPredictor.roundUp(Math.min(cores[d], dims[d]) + 2L * t.margin(d), t.multiple(d));
			computed *= (count - 1) * side + TiledPredictor.roundUp(last + 2L * t.margin(d), t.multiple(d));
			delivered *= dims[d];
			tile *= side;
		}
		assertEquals(fits, tile <= t.maxVoxels(), "tile of " + tile + " voxels, budget " + t.maxVoxels());
		return computed / delivered;
	}
}
