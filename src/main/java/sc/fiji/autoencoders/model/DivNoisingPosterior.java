package sc.fiji.autoencoders.model;

import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A trained DivNoising network ready to sample: one encoding of a normalised block gives the posterior q(z|x), whose
 * latent samples (drawn in Java from a seeded generator, so that a seed reproduces them) are decoded in batches into
 * clean-signal samples, in the same normalised units. Also decodes latents drawn from the prior (generation). Close it
 * to free the graph and session; one instance serves one thread at a time.
 */
public final class DivNoisingPosterior implements AutoCloseable {

	/** Latent samples decoded per TensorFlow call: memory grows with it, the per-call overhead shrinks. */
	private static final int DECODE_BATCH = 8;

	private final DivNoisingSpec spec;
	private final Graph graph;
	private final Session session;
	private final Placeholder<TFloat32> x, z;
	private final Operand<TFloat32> mu, logvar, signal;

	public DivNoisingPosterior(final DivNoisingSpec spec, final Weights weights, final int threads) {
		this.spec = spec;
		graph = Graphs.create();
		try {
			final Ops tf = Ops.create(graph);
			x = tf.withName("input").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			z = tf.withName("latent").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, spec
				.latent())));
			final DivNoisingNetwork net = new DivNoisingNetwork(tf, new FrozenParameters(tf, weights), spec);
			final Operand<TFloat32>[] q = net.encode(x);
			mu = q[0];
			logvar = q[1];
			signal = net.decode(z);
			session = Sessions.create(graph, threads);
		}
		catch (final RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	public DivNoisingSpec spec() {
		return spec;
	}

	/**
	 * {@code k} posterior samples of the clean signal of a normalised block (row-major, {@code width} fastest, sides
	 * multiples of {@link DivNoisingSpec#SIZE_MULTIPLE}), one after the other, in normalised units.
	 */
	public float[] samples(final float[] block, final int width, final int height, final int k, final Random rng) {
		final int lw = width / DivNoisingSpec.SIZE_MULTIPLE, lh = height / DivNoisingSpec.SIZE_MULTIPLE, n = lw * lh * spec
			.latent();
		final float[] m, lv;
		try (var t = Tensors.of(block, 1, height, width, 1); var r = session.runner().feed(x, t).fetch(mu).fetch(logvar)
			.run())
		{
			m = Tensors.values(r.get(0));
			lv = Tensors.values(r.get(1));
		}
		final float[] sd = new float[n];
		for (int i = 0; i < n; i++)
			sd[i] = (float) Math.exp(0.5 * lv[i]);
		final float[] out = new float[k * width * height];
		for (int start = 0; start < k; start += DECODE_BATCH) {
			final int b = Math.min(DECODE_BATCH, k - start);
			final float[] zs = new float[b * n];
			for (int j = 0; j < b; j++)
				for (int i = 0; i < n; i++)
					zs[j * n + i] = m[i] + sd[i] * (float) rng.nextGaussian();
			System.arraycopy(decode(zs, b, lw, lh), 0, out, start * width * height, b * width * height);
		}
		return out;
	}

	/** The decoded signals of {@code count} latents of {@code lw} x {@code lh} x latent each, in normalised units. */
	public float[] decode(final float[] latents, final int count, final int lw, final int lh) {
		try (var t = Tensors.of(latents, count, lh, lw, spec.latent()); var r = session.runner().feed(z, t).fetch(signal)
			.run())
		{
			return Tensors.values(r.get(0));
		}
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}
}
