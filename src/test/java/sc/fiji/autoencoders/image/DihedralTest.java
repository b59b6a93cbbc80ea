package sc.fiji.autoencoders.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

public class DihedralTest {

	@Test
	public void eightDistinctViewsThatMapBack() {
		final Plane p = TestImages.blobs(7, 5, 1);
		final Set<String> views = new HashSet<>();
		for (int k = 0; k < Dihedral.VIEWS; k++) {
			final Plane v = Dihedral.apply(p, k);
			assertEquals(k % 2 == 0 ? 7 : 5, v.width(), "quarter turns swap the sides");
			views.add(java.util.Arrays.toString(v.pixels()) + v.width());
			final Plane back = Dihedral.invert(v, k);
			assertEquals(7, back.width());
			assertArrayEquals(p.pixels(), back.pixels(), 0f, "view " + k);
		}
		assertEquals(8, views.size());
	}

	@Test
	public void ensembleOfAnEquivariantPredictionIsThePrediction() {
		// an untrained residual denoiser is the identity (zero-initialized output layer), which every view preserves
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(2, 8), 1);
		m.weights = sc.fiji.autoencoders.model.InitialWeights.of(m.network, 1);
		final Plane in = TestImages.blobs(70, 52, 2);
		try (Denoiser d = new Denoiser(m, 1024, 1)) {
			final Plane once = d.denoise(in, PredictionMonitor.NONE);
			final Plane eight = d.setEnsemble(true).denoise(in, PredictionMonitor.NONE);
			assertArrayEquals(once.pixels(), eight.pixels(), 1e-3f);
			assertArrayEquals(in.pixels(), eight.pixels(), 1e-3f);
		}
	}
}
