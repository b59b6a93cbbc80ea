package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.train.TrainingConfig;

/** {@code dims 3} takes the 3D defaults for the network and patch settings left at their (2D) defaults, and only those. */
public class TrainDenoiserSettings3DTest {

	@Test
	public void threeDimensionalNetworksTakeTheirOwnDefaults() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.dims = 3;
		final NetworkSpec n = s.network(3);
		final TrainingConfig c = s.config();
		assertEquals(3, s.networkDepth(), "what the CLI's log says");
		assertEquals(List.of(3, 3, 16, 64, 48, 16, 4), List.of(n.dims(), n.depth(), n.filters(), n.maxFilters(),
			c.patchSize, c.patchDepth, c.batchSize));
		assertEquals(List.of(TrainDenoiserSettings.DEPTH_3D, TrainDenoiserSettings.FILTERS_3D,
			TrainDenoiserSettings.MAX_FILTERS_3D, TrainDenoiserSettings.PATCH_SIZE_3D, TrainDenoiserSettings.BATCH_SIZE_3D),
			List.of(n.depth(), n.filters(), n.maxFilters(), c.patchSize, c.batchSize));
		// Z step 3 times the pixel width: Z pooled from the second level on, as the defaults' depth allows
		assertEquals(List.of(false, true, true), List.of(n.poolsZ(0), n.poolsZ(1), n.poolsZ(2)));
	}

	@Test
	public void settingsChangedFromTheirDefaultsStayAsSet() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.dims = 3;
		s.depth = 2;
		s.filters = 8;
		s.maxFilters = 32;
		s.patchSize = 32;
		s.batchSize = 2;
		final NetworkSpec n = s.network(1);
		final TrainingConfig c = s.config();
		assertEquals(2, s.networkDepth());
		assertEquals(List.of(2, 8, 32, 32, 2), List.of(n.depth(), n.filters(), n.maxFilters(), c.patchSize,
			c.batchSize));
	}

	@Test
	public void twoDimensionalNetworksKeepTheDefaults() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		final NetworkSpec n = s.network();
		final TrainingConfig c = s.config();
		assertEquals(List.of(2, 4, 32, 128, 64, 8), List.of(n.dims(), n.depth(), n.filters(), n.maxFilters(),
			c.patchSize, c.batchSize));
	}
}
