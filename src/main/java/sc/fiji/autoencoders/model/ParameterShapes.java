package sc.fiji.autoencoders.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names and shapes of the parameters a network asks its {@link ParameterSource} for, computed in plain Java (no
 * TensorFlow graph), in the order the builders ask for them. The model file reader checks stored weights against these
 * before it reads them, so a damaged or hand-edited file is rejected with a clear message instead of failing later
 * while the graph is built. Must follow {@link DenoiserNetwork#build} and {@link VaeNetwork}; a test compares the two.
 */
public final class ParameterShapes {

	private ParameterShapes() {}

	/** The parameters of a denoising network (the spec must be valid). */
	public static Map<String, long[]> of(final NetworkSpec spec) {
		final Map<String, long[]> m = new LinkedHashMap<>();
		final boolean skips = spec.architecture() == Architecture.UNET;
		final int d = spec.dims();
		long in = spec.channels();
		for (int level = 0; level < spec.depth(); level++) {
			final long f = DenoiserNetwork.filters(spec, level);
			conv(m, "enc" + level + "a", 3, in, f, d);
			conv(m, "enc" + level + "b", 3, f, f, d);
			in = f;
		}
		final long fb = DenoiserNetwork.filters(spec, spec.depth());
		conv(m, "bottom_a", 3, in, fb, d);
		conv(m, "bottom_b", 3, fb, fb, d);
		in = fb;
		for (int level = spec.depth() - 1; level >= 0; level--) {
			final long f = DenoiserNetwork.filters(spec, level);
			conv(m, "up" + level, 3, in, f, d);
			conv(m, "dec" + level + "a", 3, skips && (level > 0 || spec.topSkip()) ? 2 * f : f, f, d);
			conv(m, "dec" + level + "b", 3, f, f, d);
			in = f;
		}
		conv(m, "output", 1, in, spec.channels(), d);
		return Collections.unmodifiableMap(m);
	}

	/** The parameters of a VAE, or of a feature autoencoder for a spec with a regularizer (the spec must be valid). */
	public static Map<String, long[]> of(final VaeSpec spec) {
		if (spec.isAutoencoder()) return autoencoder(spec);
		final Map<String, long[]> m = new LinkedHashMap<>();
		final int d = spec.depth();
		long in = 1;
		for (int l = 0; l < d; l++) {
			final long f = VaeNetwork.filters(spec, l);
			conv(m, "vae_enc" + l, 3, in, f);
			in = f;
		}
		final long flat = VaeNetwork.flatSize(spec), classes = spec.classes().size();
		dense(m, "vae_mu", flat + classes, spec.latent());
		dense(m, "vae_logvar", flat + classes, spec.latent());
		dense(m, "vae_dec_dense", spec.latent() + classes, flat);
		in = VaeNetwork.filters(spec, d - 1);
		for (int l = d - 1; l >= 0; l--) {
			final long out = l > 0 ? VaeNetwork.filters(spec, l - 1) : 1;
			m.put("vae_dec" + l + ".kernel", new long[] { 3, 3, out, in }); // transposed: output channels first
			m.put("vae_dec" + l + ".bias", new long[] { out });
			in = out;
		}
		return Collections.unmodifiableMap(m);
	}

	/** The parameters of an {@link AutoencoderNetwork}. */
	private static Map<String, long[]> autoencoder(final VaeSpec spec) {
		final Map<String, long[]> m = new LinkedHashMap<>();
		if (spec.regularizer() == Regularizer.LINEAR) {
			dense(m, "ae_code", AutoencoderNetwork.pixels(spec), spec.latent());
			dense(m, "ae_dec_dense", spec.latent(), AutoencoderNetwork.pixels(spec));
			return Collections.unmodifiableMap(m);
		}
		final int d = spec.depth();
		long in = 1;
		for (int l = 0; l < d; l++) {
			final long f = VaeNetwork.filters(spec, l);
			conv(m, "ae_enc" + l, 3, in, f);
			in = f;
		}
		final long flat = VaeNetwork.flatSize(spec);
		dense(m, "ae_code", flat, spec.latent());
		if (spec.sparseCode() == SparseCode.SHRINKAGE) m.put("ae_code.threshold", new long[] { spec.latent() });
		dense(m, "ae_dec_dense", spec.latent(), flat);
		in = VaeNetwork.filters(spec, d - 1);
		for (int l = d - 1; l >= 0; l--) {
			final long out = l > 0 ? VaeNetwork.filters(spec, l - 1) : 1;
			m.put("ae_dec" + l + ".kernel", new long[] { 3, 3, out, in });
			m.put("ae_dec" + l + ".bias", new long[] { out });
			in = out;
		}
		return Collections.unmodifiableMap(m);
	}

	/** The Adam moment estimates stored for resuming: {@code NAME.adam_m} and {@code NAME.adam_v} per parameter. */
	public static Map<String, long[]> adamState(final Map<String, long[]> parameters) {
		final Map<String, long[]> m = new LinkedHashMap<>();
		parameters.forEach((name, shape) -> {
			m.put(name + ".adam_m", shape);
			m.put(name + ".adam_v", shape);
		});
		return Collections.unmodifiableMap(m);
	}

	/** Total number of values; saturates at {@link Long#MAX_VALUE} instead of overflowing. */
	public static long count(final Map<String, long[]> shapes) {
		long n = 0;
		for (final long[] s : shapes.values()) {
			long k = 1;
			for (final long d : s)
				k = d != 0 && k > Long.MAX_VALUE / d ? Long.MAX_VALUE : k * d;
			n = n > Long.MAX_VALUE - k ? Long.MAX_VALUE : n + k;
		}
		return n;
	}

	private static void conv(final Map<String, long[]> m, final String name, final long k, final long in,
		final long out)
	{
		conv(m, name, k, in, out, 2);
	}

	/** A 2D kernel [k, k, in, out] or a 3D one [k, k, k, in, out], and the bias. */
	private static void conv(final Map<String, long[]> m, final String name, final long k, final long in,
		final long out, final int dims)
	{
		m.put(name + ".kernel", dims == 3 ? new long[] { k, k, k, in, out } : new long[] { k, k, in, out });
		m.put(name + ".bias", new long[] { out });
	}

	private static void dense(final Map<String, long[]> m, final String name, final long in, final long out) {
		m.put(name + ".kernel", new long[] { in, out });
		m.put(name + ".bias", new long[] { out });
	}
}
