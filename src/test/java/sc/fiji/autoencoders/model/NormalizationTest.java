package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;

class NormalizationTest {

	/** Values 0..999 split over two planes. */
	private static List<Plane> ramp() {
		final float[] a = new float[500];
		final float[] b = new float[500];
		for (int i = 0; i < 500; i++) {
			a[i] = i;
			b[i] = 500 + i;
		}
		return Arrays.asList(new Plane(25, 20, a), new Plane(50, 10, b));
	}

	@Test
	void percentilesInterpolateLikeNumpy() {
		final Normalization n = Normalization.fromPlanes(ramp());
		// numpy.percentile(arange(1000), [0.1, 99.9]) = [0.999, 998.001]
		assertEquals(0.999, n.low(), 1e-9);
		assertEquals(998.001, n.high(), 1e-9);
		assertEquals(997.002, n.scale(), 1e-9);
		final Normalization m = Normalization.fromPercentiles(ramp(), 10, 90);
		assertEquals(99.9, m.low(), 1e-9);
		assertEquals(899.1, m.high(), 1e-9);
	}

	@Test
	void nonFiniteValuesAreIgnored() {
		final float[] v = { 0, 1, 2, 3, 4, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY };
		final Normalization n = Normalization.fromPercentiles(List.of(new Plane(8, 1, v)), 0, 100);
		assertEquals(0, n.low());
		assertEquals(4, n.high());
	}

	@Test
	void normalizeAndDenormalizeAreInverse() {
		final Normalization n = Normalization.of(10, 50);
		assertEquals(0f, n.normalize(10f));
		assertEquals(1f, n.normalize(50f));
		assertEquals(0.25f, n.normalize(20f));
		assertEquals(-0.25f, n.normalize(0f), "values outside the range are not clipped");
		assertEquals(20f, n.denormalize(0.25f));
		final float[] values = { 10, 30, 70 };
		n.normalize(values);
		assertEquals(0.5f, values[1]);
		assertEquals(1.5f, values[2]);
		n.denormalize(values);
		assertEquals(70f, values[2], 1e-5);
	}

	@Test
	void largeInputsAreSubsampledDeterministically() {
		// 3 million pixels, values uniform over 0..9999
		final Plane big = new Plane(2000, 1500);
		for (int i = 0; i < big.pixels().length; i++) big.pixels()[i] = (i * 7919L) % 10000;
		final long start = System.nanoTime();
		final Normalization a = Normalization.fromPercentiles(List.of(big), 1, 99);
		final double seconds = (System.nanoTime() - start) / 1e9;
		final Normalization b = Normalization.fromPercentiles(List.of(big), 1, 99);
		assertEquals(a, b);
		assertEquals(a.hashCode(), b.hashCode());
		assertEquals(100, a.low(), 15);
		assertEquals(9899, a.high(), 15);
		// a bound against looking at every pixel pathologically, not a speed figure (under load 15: 6 s)
		assertTrue(seconds < 30, "took " + seconds + " s");
	}

	@Test
	void constantImagesAreRejected() {
		final Plane flat = new Plane(4, 4);
		Arrays.fill(flat.pixels(), 7f);
		final BadInputException e = assertThrows(BadInputException.class, () -> Normalization.fromPlanes(List.of(
			flat)));
		assertTrue(e.getMessage().contains("constant"), e.getMessage());
		assertTrue(e.getMessage().contains("intensity variation"), e.getMessage());
	}

	@Test
	void badPercentilesAndEmptyInputAreRejected() {
		assertThrows(BadInputException.class, () -> Normalization.fromPercentiles(ramp(), 50, 50));
		assertThrows(BadInputException.class, () -> Normalization.fromPercentiles(ramp(), -1, 50));
		assertThrows(BadInputException.class, () -> Normalization.fromPercentiles(ramp(), 1, 101));
		assertThrows(BadInputException.class, () -> Normalization.fromPlanes(List.of()));
		assertThrows(BadInputException.class, () -> Normalization.fromPlanes(List.of(new Plane(2, 1, new float[] {
			Float.NaN, Float.NaN }))));
		assertThrows(IllegalArgumentException.class, () -> Normalization.of(1, 1));
	}

	@Test
	void equalsAndToString() {
		assertEquals(Normalization.of(1, 2), Normalization.of(1, 2));
		assertNotEquals(Normalization.of(1, 2), Normalization.of(1, 3));
		assertEquals("Normalization[low=1.0, high=2.0]", Normalization.of(1, 2).toString());
	}
}
