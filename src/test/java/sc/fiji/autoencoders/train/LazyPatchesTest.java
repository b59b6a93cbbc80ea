package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Images read block by block: patches come from the whole image, a patch reads only the blocks it crosses (a tall
 * image of 32 rows of blocks, each block filled with its row's number), and pairs are fitted on a sample of rows.
 */
class LazyPatchesTest {

	@Test
	void patchesComeFromEveryRowOfBlocks() {
		final int rows = 32, block = 256, width = 64;
		final CellGrid grid = new CellGrid(new long[] { width, rows * block }, new int[] { width, block });
		final Set<Long> read = new TreeSet<>();
		final RandomAccessibleInterval<FloatType> image = new LazyCellImg<>(grid, new FloatType(), index -> {
			read.add(index);
			final long[] min = new long[2];
			final int[] size = new int[2];
			grid.getCellDimensions(index, min, size);
			final float[] v = new float[size[0] * size[1]];
			java.util.Arrays.fill(v, index);
			return new Cell<>(size, min, new FloatArray(v));
		});
		final List<RandomAccessibleInterval<? extends RealType<?>>> images = List.of(image);
		final PatchSampler s = new PatchSampler(images, 2, 32, 1, 7);
		final Set<Float> rowsSeen = new TreeSet<>();
		for (int b = 0; b < 40; b++) {
			final float[] batch = s.nextBatch(8);
			for (final float v : batch)
				rowsSeen.add(v);
		}
		assertEquals(rows, rowsSeen.size(), "320 patches of 32x32 touch every one of 32 rows of blocks: " + rowsSeen);
		assertEquals(rows, read.size());
		read.clear();
		s.fixedBatch(1, 3);
		assertTrue(read.size() <= 2, "one patch reads the one or two blocks it crosses: " + read);
	}

	/**
	 * A target of a lazy pair is fitted to its input on a sample of rows: a noisy input and a target scaled by 0.5 and
	 * shifted by 30 give back the scale and shift, reading a fraction of the target.
	 */
	@Test
	void pairsAreFittedOnASampleOfRows() {
		final int w = 64, h = 8192;
		final java.util.Random rng = new java.util.Random(2);
		final float[] clean = new float[w * h], noisy = new float[w * h], scaled = new float[w * h];
		for (int i = 0; i < clean.length; i++) {
			clean[i] = (float) (100 + 80 * Math.sin(i % w / 5.0) * Math.cos(i / w / 7.0));
			noisy[i] = clean[i] + (float) (10 * rng.nextGaussian());
			scaled[i] = 0.5f * clean[i] + 30;
		}
		final long[] reads = { 0 };
		final RandomAccessibleInterval<FloatType> target = net.imglib2.converter.Converters.convert(
			(RandomAccessibleInterval<FloatType>) net.imglib2.img.array.ArrayImgs.floats(scaled, w, h), (in, out) -> {
				reads[0]++;
				out.set(in);
			}, new FloatType());
		final RandomAccessibleInterval<? extends RealType<?>> fitted = TrainingData.Pairs.fittedOnSample(
			net.imglib2.img.array.ArrayImgs.floats(noisy, w, h), target);
		assertTrue(reads[0] <= TrainingData.Pairs.SAMPLED_BLOCK_ROWS * 4 * w, "read " + reads[0] + " of " + w * h);
		final net.imglib2.RandomAccess<? extends RealType<?>> ra = fitted.randomAccess();
		double worst = 0;
		for (int y = 0; y < h; y += 97)
			for (int x = 0; x < w; x += 5)
				worst = Math.max(worst, Math.abs(ra.setPositionAndGet(x, y).getRealDouble() - clean[y * w + x]));
		assertTrue(worst < 1, "fitted back to the input's units within " + worst);
	}
}
