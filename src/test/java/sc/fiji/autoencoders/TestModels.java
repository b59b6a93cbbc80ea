package sc.fiji.autoencoders;

import java.util.Map;
import java.util.Random;

import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.InitialWeights;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.model.Normalization;

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

	/** Adam moment estimates shaped like {@code params}, named as the optimizer names them, with random values. */
	public static Weights adamState(final Weights params, final long seed) {
		final Random r = new Random(seed);
		final Weights w = new Weights();
		params.entries().forEach((name, e) -> {
			for (final String slot : new String[] { ".adam_m", ".adam_v" }) {
				final float[] v = new float[e.values().length];
				for (int i = 0; i < v.length; i++)
					v[i] = (float) Math.abs(r.nextGaussian() * 1e-3);
				w.put(name + slot, e.shape(), v);
			}
		});
		return w;
	}

	/** An untrained VAE with its initial weights, normalized for 0-255 images. */
	public static AutoencoderModel vae(final VaeSpec spec, final long seed) {
		final AutoencoderModel m = new AutoencoderModel();
		m.kind = ModelKind.VAE;
		m.vae = spec;
		m.weights = InitialWeights.of(spec, seed);
		m.normalization = Normalization.of(0, 255);
		return m;
	}

	public static AutoencoderModel denoiser(final NetworkSpec spec, final long seed) {
		final AutoencoderModel m = new AutoencoderModel();
		m.network = spec;
		m.weights = randomWeights(spec, seed);
		m.normalization = Normalization.of(0, 255);
		return m;
	}
}
