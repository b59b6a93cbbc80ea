package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/** The float-array adapters of {@link TrainingImages}: planes and Z stacks in, the same planes back out. */
class TrainingImagesTest {

	@Test
	void channelPlanesGiveBackEveryPlaneOfEveryStack() {
		final List<Plane> planes = new ArrayList<>();
		for (int k = 0; k < 6; k++) {
			final float[] px = new float[5 * 3];
			for (int i = 0; i < px.length; i++)
				px[i] = k * 100 + i;
			planes.add(new Plane(5, 3, px));
		}
		final TrainingImages stacks = TrainingImages.volumes(Volume.of(planes, 3));
		assertEquals(2, stacks.count());
		assertEquals(3, stacks.dims());
		final List<Plane> back = channelPlanes(stacks);
		assertEquals(6, back.size());
		for (int k = 0; k < 6; k++) {
			assertEquals(5, back.get(k).width());
			assertArrayEquals(planes.get(k).pixels(), back.get(k).pixels(), 0);
		}
		assertArrayEquals(planes.get(4).pixels(), channelPlanes(TrainingImages.planes(planes)).get(4).pixels(), 0);
	}

	/** Every plane of the first channel (of every Z stack, in 3D), read back into a {@link Plane}. */
	private static List<Plane> channelPlanes(final TrainingImages images) {
		final List<Plane> out = new ArrayList<>();
		for (final RandomAccessibleInterval<? extends RealType<?>> image : images.channel(0)) {
			final long depth = image.numDimensions() > 2 ? image.dimension(2) : 1;
			for (long z = 0; z < depth; z++) {
				final RandomAccessibleInterval<? extends RealType<?>> plane = image.numDimensions() > 2 ? Views
					.hyperSlice(image, 2, image.min(2) + z) : image;
				out.add(new Plane((int) plane.dimension(0), (int) plane.dimension(1), TrainingImages.floats(plane)));
			}
		}
		return out;
	}
}
