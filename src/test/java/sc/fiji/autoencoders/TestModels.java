package sc.fiji.autoencoders;

import java.util.Map;
import java.util.Random;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.InitialWeights;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.train.Normalization;

/** Untrained denoisers whose every weight is random (no zero biases or zero output layer), for shape and tiling tests. */
public final class TestModels {

	private TestModels() {}

	public static Weights randomWeights(final NetworkSpec spec, final long seed) {
		final Weights w = InitialWeights.of(spec, seed);
		final Random r = new Random(seed);
		for (final Map.Entry<String, Weights.Entry> e : w.entries().entrySet()) {
			final float[] v = e.getValue().values();
			if (e.getKey().endsWith(".bias") || e.getKey().startsWith("output.")) {
				for (int i = 0; i < v.length; i++)
					v[i] = (float) (r.nextGaussian() * 0.1);
			}
		}
		return w;
	}

	public static AutoencoderModel denoiser(final NetworkSpec spec, final long seed) {
		final AutoencoderModel m = new AutoencoderModel();
		m.network = spec;
		m.weights = randomWeights(spec, seed);
		m.normalization = Normalization.of(0, 255);
		return m;
	}
}
