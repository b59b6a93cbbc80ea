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
 * Patches of an image read block by block come from the whole image, and a patch reads only the blocks it crosses:
 * a tall image of 32 rows of blocks, each block filled with its row's number.
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
}
