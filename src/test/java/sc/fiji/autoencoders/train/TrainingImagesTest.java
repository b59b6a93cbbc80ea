package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

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
		final List<Plane> back = stacks.channelPlanes(0);
		assertEquals(6, back.size());
		for (int k = 0; k < 6; k++) {
			assertEquals(5, back.get(k).width());
			assertArrayEquals(planes.get(k).pixels(), back.get(k).pixels(), 0);
		}
		assertArrayEquals(planes.get(4).pixels(), TrainingImages.planes(planes).channelPlanes(0).get(4).pixels(), 0);
	}
}
