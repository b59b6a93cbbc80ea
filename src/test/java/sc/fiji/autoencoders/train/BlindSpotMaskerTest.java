package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.StructMask;

/**
 * The blind spot, checked pixel by pixel on patches whose every value is unique (its own index), so that a value
 * tells where it was read from.
 */
public class BlindSpotMaskerTest {

	/** count patches of side p, value = index in the batch (unique). */
	private static float[] indexed(final int count, final int p) {
		final float[] a = new float[count * p * p];
		for (int i = 0; i < a.length; i++)
			a[i] = i;
		return a;
	}

	@Test
	public void aMaskedPixelIsNeverReplacedByItselfAndOnlyByAPixelOfItsWindow() {
		final int p = 16, count = 4;
		long masked = 0, border = 0, corner = 0;
		final Random rng = new Random(1);
		for (final double percent : new double[] { 1, 5, 25 }) {
			final BlindSpotMasker masker = new BlindSpotMasker(Masking.n2v2(percent), p);
			for (int rep = 0; rep < 500; rep++) {
				final float[] patches = indexed(count, p);
				final float[][] m = masker.mask(patches, rng);
				for (int i = 0; i < patches.length; i++) {
					if (m[1][i] == 0) {
						assertEquals(patches[i], m[0][i], "an unmasked pixel keeps its value");
						continue;
					}
					masked++;
					final int patch = i / (p * p), x = i % p, y = i / p % p;
					final int src = (int) m[0][i];
					assertNotEquals(i, src, "masked pixel " + x + "," + y + " replaced by itself");
					assertEquals(patch, src / (p * p), "the replacement comes from the same patch");
					final int sx = src % p, sy = src / p % p;
					assertTrue(Math.abs(sx - x) <= 2 && Math.abs(sy - y) <= 2, "from the 5x5 window: " + x + "," + y +
						" <- " + sx + "," + sy);
					if (x == 0 || y == 0 || x == p - 1 || y == p - 1) border++;
					if ((x == 0 || x == p - 1) && (y == 0 || y == p - 1)) corner++;
				}
			}
		}
		assertTrue(masked > 100_000, "many samples: " + masked);
		assertTrue(border > 10_000 && corner > 500, "image borders and corners included: " + border + ", " + corner);
	}

	@Test
	public void theOriginalNoise2VoidMayDrawTheCentre() {
		final int p = 16;
		final BlindSpotMasker masker = new BlindSpotMasker(Masking.n2v2(5).withExcludeCentre(false), p);
		final Random rng = new Random(2);
		int self = 0, masked = 0;
		for (int rep = 0; rep < 500; rep++) {
			final float[] patches = indexed(2, p);
			final float[][] m = masker.mask(patches, rng);
			for (int i = 0; i < patches.length; i++)
				if (m[1][i] == 1) {
					masked++;
					if (m[0][i] == i) self++;
				}
		}
		// 1 in 25 inside the patch, more at the borders where the window is clipped
		final double share = (double) self / masked;
		assertTrue(share > 0.03 && share < 0.08, "share drawn from itself " + share);
	}

	/** The percentage counts replaced input pixels: with a structN2V line of 5, a fifth as many masked pixels. */
	@Test
	public void withStructN2VThePercentageCountsWholeLines() {
		final int p = 100;
		final float[] patches = indexed(4, p);
		for (final StructMask struct : new StructMask[] { StructMask.NONE, StructMask.X }) {
			final Masking masking = Masking.n2v2(5).withStruct(struct);
			assertEquals(struct == StructMask.NONE ? 4 : 10, masking.cell());
			final float[][] m = new BlindSpotMasker(masking, p).mask(patches, new Random(5));
			int replaced = 0, masked = 0;
			for (int i = 0; i < patches.length; i++) {
				if (m[0][i] != patches[i]) replaced++;
				if (m[1][i] != 0) masked++;
			}
			final double replacedPercent = 100.0 * replaced / patches.length;
			assertTrue(replacedPercent > 4 && replacedPercent <= 6.25, struct + ": " + replacedPercent + " % replaced");
			assertEquals(struct == StructMask.NONE ? 4 * 25 * 25 : 4 * 10 * 10, masked, struct + ": masked pixels");
		}
	}

	@Test
	public void masksAreStratifiedOnePixelPerCell() {
		final int p = 64;
		final Masking masking = Masking.n2v2(1);
		assertEquals(10, masking.cell());
		final float[][] m = new BlindSpotMasker(masking, p).mask(indexed(3, p), new Random(3));
		for (int patch = 0; patch < 3; patch++)
			for (int cy = 0; cy < p; cy += 10)
				for (int cx = 0; cx < p; cx += 10) {
					int inCell = 0;
					for (int y = cy; y < Math.min(p, cy + 10); y++)
						for (int x = cx; x < Math.min(p, cx + 10); x++)
							inCell += (int) m[1][patch * p * p + y * p + x];
					assertEquals(1, inCell, "cell " + cx + "," + cy);
				}
		// 7 x 7 cells of a 64x64 patch: 49 pixels, 1.2 %
		double sum = 0;
		for (final float v : m[1])
			sum += v;
		assertEquals(3 * 49, sum);
	}

	@Test
	public void structN2VMasksExactlyTheLineItIsAskedTo() {
		final int p = 16;
		for (final StructMask struct : new StructMask[] { StructMask.X, StructMask.Y }) {
			final BlindSpotMasker masker = new BlindSpotMasker(Masking.n2v2(2).withStruct(struct), p);
			final Random rng = new Random(4);
			for (int rep = 0; rep < 300; rep++) {
				final float[] patches = indexed(2, p);
				final float[][] m = masker.mask(patches, rng);
				final Set<Integer> expected = new HashSet<>();
				for (int i = 0; i < patches.length; i++)
					if (m[1][i] == 1) {
						final int base = i / (p * p) * p * p, x = i % p, y = i / p % p;
						for (int k = -2; k <= 2; k++) {
							final int lx = struct == StructMask.X ? x + k : x, ly = struct == StructMask.Y ? y + k : y;
							if (lx >= 0 && ly >= 0 && lx < p && ly < p) expected.add(base + ly * p + lx);
						}
						// the masked pixel's own replacement is off its line: the line carries its correlated noise
						final int src = (int) m[0][i], sx = src % p, sy = src / p % p;
						assertTrue(struct == StructMask.X ? sy != y : sx != x, struct + ": " + x + "," + y + " <- " + sx +
							"," + sy);
						assertTrue(Math.abs(sx - x) <= 2 && Math.abs(sy - y) <= 2, "from the 5x5 window");
					}
				final Set<Integer> changed = new HashSet<>();
				for (int i = 0; i < patches.length; i++)
					if (m[0][i] != patches[i]) changed.add(i);
				assertEquals(expected, changed, struct + ": the changed pixels are the masked pixels and their lines");
				for (final int i : changed)
					assertEquals(i / (p * p), (int) m[0][i] / (p * p), "replaced from the same patch");
			}
		}
	}

	@Test
	public void badMaskingNamesTheFix() {
		final BadInputException e = assertThrows(BadInputException.class, () -> Masking.n2v2(0).validate());
		assertTrue(e.getMessage().contains("Masked pixel percentage 0.0") && e.getMessage().contains("0.2"), e
			.getMessage());
	}

	/**
	 * Mean replacement: a masked pixel's input is the mean of its 5x5 window without itself (clipped at the patch's
	 * edge), which on a patch whose values are their row-major index is known exactly.
	 */
	@Test
	public void meanReplacementIsTheWindowMeanWithoutThePixel() {
		final int p = 8;
		final BlindSpotMasker masker = new BlindSpotMasker(Masking.n2v2(25).withReplacement(
			sc.fiji.autoencoders.model.Replacement.MEAN), p);
		final float[] patch = indexed(1, p);
		final float[][] m = masker.mask(patch, new Random(3));
		int checked = 0;
		for (int i = 0; i < patch.length; i++) {
			if (m[1][i] == 0) continue;
			final int x = i % p, y = i / p;
			double sum = 0;
			int n = 0;
			for (int yy = Math.max(0, y - 2); yy <= Math.min(p - 1, y + 2); yy++)
				for (int xx = Math.max(0, x - 2); xx <= Math.min(p - 1, x + 2); xx++)
					if (xx != x || yy != y) {
						sum += yy * p + xx;
						n++;
					}
			assertEquals(sum / n, m[0][i], 1e-4, "pixel " + x + "," + y);
			checked++;
		}
		assertEquals(16, checked, "25%: one pixel per 2x2 cell");
		// an interior pixel: the window is symmetric, so the mean is the pixel's own index, though it was not read
		final float[] flat = new float[p * p];
		java.util.Arrays.fill(flat, 7f);
		flat[3 * p + 3] = 1000f;
		assertEquals(7f, masker.windowMean(flat, 0, 3, 3, 2, StructMask.NONE), 0);
		assertEquals(7f, masker.windowMean(flat, 0, 4, 3, 2, StructMask.X), 0, "structN2V: the line is left out");
		assertEquals((7f * 23 + 1000f) / 24, masker.windowMean(flat, 0, 4, 4, 2, StructMask.NONE), 1e-3);
	}
}
