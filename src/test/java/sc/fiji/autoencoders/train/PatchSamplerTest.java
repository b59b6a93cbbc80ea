package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

class PatchSamplerTest {

	/** Patches of planes, as the trainers sample them. */
	private static PatchSampler sampler(final List<Plane> planes, final int patchSize, final long seed) {
		return new PatchSampler(TrainingImages.planes(planes).channel(0), 2, patchSize, 1, seed);
	}

	/** Planes split as {@link ImageSplit} splits training images; cut planes are copies. */
	private static ImageSplit<Plane> split(final List<Plane> planes, final double validationFraction,
		final int patchSize, final long seed)
	{
		return ImageSplit.of(planes, validationFraction, patchSize, seed, Plane::height, (p, y0, rows) -> p.crop(0,
			(int) y0, p.width(), (int) rows), "There are no training images to split. Give at least one image.");
	}

	/** Every pixel value is unique and encodes its position: value = y * width + x. */
	private static Plane indexPlane(final int w, final int h, final float offset) {
		final Plane p = new Plane(w, h);
		for (int i = 0; i < w * h; i++) p.pixels()[i] = offset + i;
		return p;
	}

	private static Plane filled(final int w, final int h, final float value) {
		final Plane p = new Plane(w, h);
		Arrays.fill(p.pixels(), value);
		return p;
	}

	@Test
	void batchHasExpectedShapeAndContent() {
		final PatchSampler s = sampler(List.of(indexPlane(20, 16, 0)), 8, 1);
		final float[] batch = s.nextBatch(5);
		assertEquals(5 * 8 * 8, batch.length);
		for (int n = 0; n < 5; n++) {
			// every patch holds 64 distinct pixels of one 8x8 window of the plane
			final Set<Float> values = new HashSet<>();
			float min = Float.MAX_VALUE, max = -1;
			for (int i = 0; i < 64; i++) {
				final float v = batch[n * 64 + i];
				values.add(v);
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			assertEquals(64, values.size());
			// top-left to bottom-right of an 8x8 window in a 20-wide plane spans 7 rows and 7 columns
			assertEquals(7 * 20 + 7, max - min, 0);
		}
	}

	@Test
	void sameSeedGivesSameBatches() {
		final List<Plane> planes = List.of(indexPlane(30, 30, 0), indexPlane(40, 20, 10000));
		final PatchSampler a = sampler(planes, 8, 42);
		final PatchSampler b = sampler(planes, 8, 42);
		final PatchSampler c = sampler(planes, 8, 43);
		final float[] first = a.nextBatch(4);
		assertArrayEquals(first, b.nextBatch(4));
		assertNotEquals(Arrays.hashCode(first), Arrays.hashCode(c.nextBatch(4)));
		assertFalse(Arrays.equals(first, a.nextBatch(4)), "consecutive batches differ");
	}

	@Test
	void augmentationProducesAllEightSymmetries() {
		// A 4x4 plane sampled with P=4 has one position, so patches differ only by their symmetry.
		final Plane p = indexPlane(4, 4, 0);
		final PatchSampler s = sampler(List.of(p), 4, 7);
		final float[] batch = s.nextBatch(200);
		final Set<String> seen = new HashSet<>();
		for (int n = 0; n < 200; n++) seen.add(Arrays.toString(Arrays.copyOfRange(batch, n * 16, n * 16 + 16)));
		assertEquals(8, seen.size());
		// rotation by 90 degrees clockwise: first output row is the first input column, bottom to top
		assertTrue(seen.contains(Arrays.toString(new float[] { 12, 8, 4, 0, 13, 9, 5, 1, 14, 10, 6, 2, 15, 11, 7,
			3 })));
		// the identity and a horizontal flip
		assertTrue(seen.contains(Arrays.toString(p.pixels())));
		assertTrue(seen.contains(Arrays.toString(new float[] { 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13,
			12 })));
	}

	@Test
	void rotatedGradientPatch() {
		// horizontal gradient: after a 90-degree rotation the gradient runs vertically
		final Plane g = new Plane(3, 3, new float[] { 0, 1, 2, 0, 1, 2, 0, 1, 2 });
		final float[] out = new float[9];
		// transpose then flip rows = rotate clockwise
		PatchSampler.copyPatch(g.view().randomAccess(), 0, 0, 3, 1 | 2, out, 0);
		assertArrayEquals(new float[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, out);
	}

	@Test
	void planesArePickedInProportionToArea() {
		// plane A (value 1) has 3x the area of plane B (value 2)
		final PatchSampler s = sampler(List.of(filled(24, 32, 1), filled(16, 16, 2)), 4, 3);
		final float[] batch = s.nextBatch(4000);
		int fromA = 0;
		for (int n = 0; n < 4000; n++) if (batch[n * 16] == 1) fromA++;
		assertEquals(0.75, fromA / 4000.0, 0.025);
	}

	@Test
	void fixedBatchIsDeterministicAndUnaugmented() {
		final Plane p = indexPlane(16, 16, 0);
		final PatchSampler s = sampler(List.of(p), 4, 1);
		final float[] a = s.fixedBatch(10, 99);
		s.nextBatch(3); // must not influence fixed batches
		assertArrayEquals(a, s.fixedBatch(10, 99));
		assertEquals(160, a.length);
		for (int n = 0; n < 10; n++) {
			// unaugmented: rows increase by 16, columns by 1
			final int o = n * 16;
			assertEquals(a[o] + 1, a[o + 1]);
			assertEquals(a[o] + 16, a[o + 4]);
		}
	}

	@Test
	void tooSmallImagesAreRejected() {
		final BadInputException e = assertThrows(BadInputException.class, () -> sampler(List.of(new Plane(
			100, 100), new Plane(60, 40)), 64, 1));
		assertTrue(e.getMessage().contains("60x40"), e.getMessage());
		assertTrue(e.getMessage().contains("--patch"), e.getMessage());
		assertTrue(e.getMessage().contains("at most 40"), e.getMessage());
		assertThrows(BadInputException.class, () -> sampler(List.of(), 8, 1));
	}

	@Test
	void splitHoldsOutWholePlanesWhenThereAreMany() {
		final List<Plane> planes = new ArrayList<>();
		for (int i = 0; i < 10; i++) planes.add(filled(8, 8, i));
		final ImageSplit<Plane> s = split(planes, 0.2, 8, 5);
		assertTrue(s.disjoint());
		assertEquals(8, s.training().size());
		assertEquals(2, s.validation().size());
		final Set<Plane> all = new HashSet<>(s.training());
		all.addAll(s.validation());
		assertEquals(10, all.size());
		assertEquals(s.validation(), split(planes, 0.2, 8, 5).validation());
		// at least one plane is held out even for tiny fractions
		assertEquals(1, split(planes.subList(0, 4), 0.01, 8, 5).validation().size());
	}

	@Test
	void splitCutsFewPlanesIntoTopAndBottom() {
		final Plane p = indexPlane(32, 100, 0);
		final ImageSplit<Plane> s = split(List.of(p), 0.2, 16, 5);
		assertTrue(s.disjoint());
		assertEquals(1, s.training().size());
		assertEquals(80, s.training().get(0).height());
		assertEquals(20, s.validation().get(0).height());
		assertEquals(32, s.validation().get(0).width());
		assertEquals(80 * 32, s.validation().get(0).get(0, 0)); // first row of the bottom part
	}

	@Test
	void splitReusesPlanesWhenTooSmallToCut() {
		final Plane p = indexPlane(32, 100, 0);
		final ImageSplit<Plane> s = split(List.of(p), 0.2, 32, 5); // 20 bottom rows < 32
		assertFalse(s.disjoint());
		assertSame(p, s.training().get(0));
		assertSame(p, s.validation().get(0));
		assertThrows(BadInputException.class, () -> split(List.of(p), 1.0, 8, 1));
	}
}
