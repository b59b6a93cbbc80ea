package sc.fiji.autoencoders.model;

import java.util.Arrays;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The convolutional VAE of a {@link VaeSpec}. Encoder: {@code depth} 3x3 stride-2 convolutions (filters doubling from
 * the base) with LeakyReLU, then two dense layers giving the mean and log-variance of q(z|x). Decoder, mirrored: a
 * dense layer back to the smallest feature map, stride-2 transposed convolutions, and Bernoulli logits (or Gaussian
 * means through a sigmoid) at the padded image size. Inputs and outputs are NHWC at the padded size. A
 * class-conditional VAE ({@link VaeSpec#isConditional}) appends the one-hot class [batch, classes] to the inputs of
 * the dense layers of both the encoder and the decoder (q(z|x,y), p(x|z,y)).
 */
public final class VaeNetwork {

	/** Fixed standard deviation of the Gaussian likelihood, in [0, 1] intensity units. */
	public static final float GAUSSIAN_SIGMA = 0.1f;

	private final Ops tf;
	private final VaeSpec spec;
	private final Layers layers;

	public VaeNetwork(final Ops tf, final VaeSpec spec, final ParameterSource params) {
		this.tf = tf;
		this.spec = spec;
		this.layers = new Layers(tf, params, 0.1f);
	}

	/** Returns {mean, log-variance}, each [batch, latent]. */
	public Operand<TFloat32>[] encode(final Operand<TFloat32> x) {
		return encode(x, null);
	}

	/** As above; {@code y} is the one-hot class [batch, classes] of a class-conditional VAE, null otherwise. */
	@SuppressWarnings("unchecked")
	public Operand<TFloat32>[] encode(final Operand<TFloat32> x, final Operand<TFloat32> y) {
		Operand<TFloat32> h = x;
		long in = 1;
		for (int l = 0; l < spec.depth(); l++) {
			final long f = filters(l);
			h = layers.leaky(layers.conv("vae_enc" + l, h, in, f, 3, 2, ParameterSource.Init.HE));
			in = f;
		}
		final long flat = flatSize(), width = flat + spec.classes().size();
		final Operand<TFloat32> v = withClass(tf.reshape(h, tf.constant(new long[] { -1, flat })), y);
		return new Operand[] { layers.dense("vae_mu", v, width, spec.latent(), ParameterSource.Init.GLOROT), layers
			.dense("vae_logvar", v, width, spec.latent(), ParameterSource.Init.GLOROT) };
	}

	/** Decoder logits [batch, paddedHeight, paddedWidth, 1] for latent codes [batch, latent]. */
	public Operand<TFloat32> decodeLogits(final Operand<TFloat32> z) {
		return decodeLogits(z, null);
	}

	/** As above; {@code y} is the one-hot class of a class-conditional VAE, null otherwise. */
	public Operand<TFloat32> decodeLogits(final Operand<TFloat32> z, final Operand<TFloat32> y) {
		final int d = spec.depth();
		final long top = filters(d - 1);
		Operand<TFloat32> h = layers.leaky(layers.dense("vae_dec_dense", withClass(z, y), spec.latent() + spec.classes()
			.size(), flatSize(), ParameterSource.Init.HE));
		h = tf.reshape(h, tf.constant(new long[] { -1, spec.paddedHeight() >> d, spec.paddedWidth() >> d, top }));
		long in = top;
		for (int l = d - 1; l >= 0; l--) {
			final long out = l > 0 ? filters(l - 1) : 1;
			h = transposedConv("vae_dec" + l, h, in, out, spec.paddedHeight() >> l, spec.paddedWidth() >> l);
			if (l > 0) h = layers.leaky(h);
			in = out;
		}
		return h;
	}

	/** Mean image in [0, 1] for latent codes. */
	public Operand<TFloat32> decodeMean(final Operand<TFloat32> z) {
		return decodeMean(z, null);
	}

	/** As above, for a class-conditional VAE with the one-hot classes {@code y}. */
	public Operand<TFloat32> decodeMean(final Operand<TFloat32> z, final Operand<TFloat32> y) {
		return tf.math.sigmoid(decodeLogits(z, y));
	}

	/**
	 * Per-image reconstruction negative log-likelihood in nats, [batch], over the valid (unpadded) region.
	 *
	 * @param x targets in [0, 1], padded like the logits
	 */
	public Operand<TFloat32> reconstructionNll(final Operand<TFloat32> x, final Operand<TFloat32> logits) {
		final Operand<TFloat32> xv = crop(x), lv = crop(logits);
		final Operand<TInt32> axes = tf.constant(new int[] { 1, 2, 3 });
		if (spec.likelihood() == Likelihood.BERNOULLI) {
			// numerically stable binary cross-entropy with logits: max(l,0) - l*x + log(1 + exp(-|l|))
			final Operand<TFloat32> ce = tf.math.add(tf.math.sub(tf.nn.relu(lv), tf.math.mul(lv, xv)), tf.math.log1p(
				tf.math.exp(tf.math.neg(tf.math.abs(lv)))));
			return tf.sum(ce, axes);
		}
		final float s2 = 2 * GAUSSIAN_SIGMA * GAUSSIAN_SIGMA;
		final float logNorm = (float) (spec.width() * (long) spec.height() * Math.log(GAUSSIAN_SIGMA * Math.sqrt(2 *
			Math.PI)));
		final Operand<TFloat32> se = tf.sum(tf.math.square(tf.math.sub(xv, tf.math.sigmoid(lv))), axes);
		return tf.math.add(tf.math.div(se, tf.constant(s2)), tf.constant(logNorm));
	}

	/** KL(q(z|x) || N(0, I)) per image, [batch]. */
	public Operand<TFloat32> kl(final Operand<TFloat32> mu, final Operand<TFloat32> logvar) {
		final Operand<TFloat32> t = tf.math.sub(tf.math.sub(tf.math.add(tf.constant(1f), logvar), tf.math.square(mu)), tf
			.math.exp(logvar));
		return tf.math.mul(tf.constant(-0.5f), tf.sum(t, tf.constant(new int[] { 1 })));
	}

	/** z = mu + sigma * eps, with eps fed from Java (seeded, and TF's random ops have no gradient). */
	public Operand<TFloat32> sample(final Operand<TFloat32> mu, final Operand<TFloat32> logvar,
		final Operand<TFloat32> eps)
	{
		return tf.math.add(mu, tf.math.mul(tf.math.exp(tf.math.mul(tf.constant(0.5f), logvar)), eps));
	}

	// -- Helper methods --

	/** [v, y] along the features for a class-conditional VAE; v otherwise. */
	private Operand<TFloat32> withClass(final Operand<TFloat32> v, final Operand<TFloat32> y) {
		if (!spec.isConditional()) return v;
		if (y == null) throw new IllegalArgumentException("a class-conditional VAE needs the one-hot classes");
		return tf.concat(Arrays.asList(v, y), tf.constant(1));
	}

	private Operand<TFloat32> transposedConv(final String name, final Operand<TFloat32> x, final long in, final long out,
		final int h, final int w)
	{
		final Operand<TFloat32> kernel = layers.param(name + ".kernel", new long[] { 3, 3, out, in },
			ParameterSource.Init.HE);
		final Operand<TFloat32> bias = layers.param(name + ".bias", new long[] { out },
			ParameterSource.Init.ZEROS);
		final Operand<TInt32> shape = tf.concat(Arrays.asList(tf.stridedSlice(tf.shape(x), Indices.slice(0, 1)), tf
			.constant(new int[] { h, w, (int) out })), tf.constant(0));
		return tf.nn.biasAdd(tf.nn.conv2dBackpropInput(shape, kernel, x, Arrays.asList(1L, 2L, 2L, 1L), "SAME"), bias);
	}

	private Operand<TFloat32> crop(final Operand<TFloat32> t) {
		if (spec.paddedWidth() == spec.width() && spec.paddedHeight() == spec.height()) return t;
		return tf.stridedSlice(t, Indices.all(), Indices.slice(0, spec.height()), Indices.slice(0, spec.width()), Indices
			.all());
	}

	private long filters(final int level) {
		return filters(spec, level);
	}

	private long flatSize() {
		return flatSize(spec);
	}

	/** Filters of encoder level {@code level}: doubling from the base, capped at 512. */
	static long filters(final VaeSpec spec, final int level) {
		return Math.min(512, (long) spec.filters() << level);
	}

	/** Length of the flattened smallest feature map, the dense layers' width. */
	static long flatSize(final VaeSpec spec) {
		final int d = spec.depth();
		return (long) (spec.paddedHeight() >> d) * (spec.paddedWidth() >> d) * filters(spec, d - 1);
	}
}
