package sc.fiji.autoencoders.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Tasks of neighbouring items: every item once, in order, each task at most the weight, enough tasks for small jobs. */
class BatchesTest {

	@Test
	void runsOfConsecutiveItemsUpToTheWeight() {
		final List<Integer> items = new ArrayList<>();
		for (int i = 0; i < 2048; i++)
			items.add(i);
		final List<List<Integer>> b = Batches.of(items, i -> 65536, Batches.VOXELS, 8);
		assertEquals(128, b.size(), "16 chunks of 256x256 per task");
		final List<Integer> joined = new ArrayList<>();
		for (final List<Integer> batch : b) {
			assertEquals(16, batch.size());
			joined.addAll(batch);
		}
		assertEquals(items, joined);
	}

	@Test
	void aSmallJobStillGivesEveryExecutorSeveralTasks() {
		final List<Integer> items = Collections.nCopies(8, 1);
		assertEquals(8, Batches.of(items, i -> 4096, Batches.VOXELS, 8).size());
		assertEquals(4, Batches.of(items, i -> 4096, Batches.VOXELS, 4).size());
		assertEquals(1, Batches.of(List.of(1), i -> 4096, Batches.VOXELS, 8).size());
	}

	@Test
	void anItemHeavierThanTheWeightIsATaskOfItsOwn() {
		final List<List<Integer>> b = Batches.of(List.of(1, 2, 3), i -> i == 2 ? 10 * Batches.VOXELS : 1, Batches.VOXELS,
			1);
		assertEquals(List.of(List.of(1), List.of(2), List.of(3)), b);
	}
}
