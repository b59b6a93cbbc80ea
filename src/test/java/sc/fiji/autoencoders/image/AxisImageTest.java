package sc.fiji.autoencoders.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

public class AxisImageTest {

	@Test
	public void describesItsAxes() {
		final AxisImage<FloatType> a = AxisImage.of(ArrayImgs.floats(7, 5, 3), Axis.X, Axis.Y, Axis.Z).withSpacing(
			Axis.Z, new Spacing(2.5, "µm"));
		assertEquals(List.of(Axis.X, Axis.Y, Axis.Z), a.axes());
		assertEquals(2, a.dimensionOf(Axis.Z));
		assertEquals(-1, a.dimensionOf(Axis.C));
		assertTrue(a.has(Axis.Y));
		assertFalse(a.has(Axis.T));
		assertEquals(3, a.size(Axis.Z));
		assertEquals(1, a.size(Axis.T), "an absent axis has size 1");
		assertEquals(new Spacing(2.5, "µm"), a.spacing(Axis.Z));
		assertEquals(Spacing.UNCALIBRATED, a.spacing(Axis.X));
		assertEquals(Spacing.UNCALIBRATED, a.spacing(Axis.C));
		assertEquals("AxisImage[X=7, Y=5, Z=3]", a.toString());
		final AxisImage<FloatType> b = a.withData(ArrayImgs.floats(7, 5, 3));
		assertEquals(a.axes(), b.axes());
		assertEquals(a.spacings(), b.spacings());
		assertThrows(UnsupportedOperationException.class, () -> a.axes().add(Axis.T));
	}

	@Test
	public void rejectsInconsistentDescriptions() {
		assertThrows(IllegalArgumentException.class, () -> AxisImage.of(ArrayImgs.floats(7, 5), Axis.X));
		assertThrows(IllegalArgumentException.class, () -> AxisImage.of(ArrayImgs.floats(7, 5), Axis.X, Axis.X));
		assertThrows(IllegalArgumentException.class, () -> AxisImage.of(ArrayImgs.floats(7, 5), List.of(Axis.X,
			Axis.Y), List.of(Spacing.UNCALIBRATED)));
		final AxisImage<FloatType> a = AxisImage.of(ArrayImgs.floats(7, 5), Axis.X, Axis.Y);
		assertThrows(IllegalArgumentException.class, () -> a.withData(ArrayImgs.floats(5, 7)));
		assertThrows(IllegalArgumentException.class, () -> a.withSpacing(Axis.Z, Spacing.UNCALIBRATED));
		assertThrows(IllegalArgumentException.class, () -> new Spacing(0, "µm"));
		assertThrows(IllegalArgumentException.class, () -> new Spacing(Double.NaN, "µm"));
	}
}
