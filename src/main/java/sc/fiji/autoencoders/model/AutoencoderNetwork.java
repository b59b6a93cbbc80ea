package sc.fiji.autoencoders.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The convolutional feature autoencoder of a {@link VaeSpec} with a {@link Regularizer}: the VAE's encoder and decoder
 * ({@link VaeNetwork}) with one deterministic code instead of a latent Gaussian. Encoder: {@code depth} 3x3 stride-2
 * convolutions with LeakyReLU, then a dense layer to the code (for {@link Regularizer#SPARSE} followed by its
 * {@link SparseCode}, a soft threshold or, in files written before it, a ReLU, so that inactive units are exactly zero;
 * linear otherwise). Decoder: a dense layer back to the smallest feature map, stride-2
 * transposed convolutions, and a sigmoid to [0, 1]. {@link Regularizer#LINEAR} drops every activation, including the
 * sigmoid, so that the network is one linear map each way, whose optimum under squared error is PCA's subspace.
 * Inputs and outputs are NHWC at the padded size, in normalized [0, 1] units.
 *
 * <p>
 * Call {@link #encode} once per graph before {@link #contraction}, which reuses the encoder's parameters.
 */
public final class AutoencoderNetwork {

	private final Ops tf;
	private final VaeSpec spec;
	private final Layers layers;
	private final boolean linear;
	/** The encoder's kernels and pre-activations, kept by {@link #encode} for {@link #contraction}. */
	private final List<Operand<TFloat32>> kernels = new ArrayList<>(), preActivations = new ArrayList<>();
	private Operand<TFloat32> codeKernel, codePreActivation, threshold, input;
	/** The decoder's first kernel [code, flat], kept by {@link #decode} for {@link #l1}. */
	private Operand<TFloat32> decoderKernel;

	public AutoencoderNetwork(final Ops tf, final VaeSpec spec, final ParameterSource params) {
		if (!spec.isAutoencoder()) throw new IllegalArgumentException("not a feature autoencoder's spec: " + spec);
		this.tf = tf;
		this.spec = spec;
		this.layers = new Layers(tf, params, 0.1f);
		this.linear = spec.regularizer() == Regularizer.LINEAR;
	}

	/** The codes [batch, code] of images [batch, paddedHeight, paddedWidth, 1]. */
	public Operand<TFloat32> encode(final Operand<TFloat32> x) {
		input = x;
		if (linear) {
			final long pixels = pixels(spec);
			codeKernel = layers.param("ae_code.kernel", new long[] { pixels, spec.latent() }, ParameterSource.Init.GLOROT);
			final Operand<TFloat32> bias = layers.param("ae_code.bias", new long[] { spec.latent() },
				ParameterSource.Init.ZEROS);
			codePreActivation = tf.math.add(tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] { -1, pixels })),
				codeKernel), bias);
			return codePreActivation;
		}
		Operand<TFloat32> h = x;
		long in = 1;
		for (int l = 0; l < spec.depth(); l++) {
			final long f = VaeNetwork.filters(spec, l);
			final Operand<TFloat32> kernel = layers.param("ae_enc" + l + ".kernel", new long[] { 3, 3, in, f },
				linear ? ParameterSource.Init.GLOROT : ParameterSource.Init.HE);
			final Operand<TFloat32> bias = layers.param("ae_enc" + l + ".bias", new long[] { f },
				ParameterSource.Init.ZEROS);
			final Operand<TFloat32> a = tf.nn.biasAdd(tf.nn.conv2d(h, kernel, Arrays.asList(1L, 2L, 2L, 1L), "SAME"), bias);
			kernels.add(kernel);
			preActivations.add(a);
			h = activation(a);
			in = f;
		}
		final long flat = VaeNetwork.flatSize(spec);
		final Operand<TFloat32> v = tf.reshape(h, tf.constant(new long[] { -1, flat }));
		codeKernel = layers.param("ae_code.kernel", new long[] { flat, spec.latent() }, ParameterSource.Init.GLOROT);
		final SparseCode sparse = spec.sparseCode();
		// a ReLU code starts with every unit active: units that start silent on every image get no gradient, ever
		final Operand<TFloat32> codeBias = layers.param("ae_code.bias", new long[] { spec.latent() },
			sparse == SparseCode.RELU ? ParameterSource.Init.POSITIVE : ParameterSource.Init.ZEROS);
		codePreActivation = tf.math.add(tf.linalg.matMul(v, codeKernel), codeBias);
		if (sparse == SparseCode.RELU) return tf.nn.relu(codePreActivation);
		if (sparse == SparseCode.SHRINKAGE) {
			// theta = |t|: non-negative without a dead zone (a ReLU of t would stop learning at 0); t starts at 0.1,
			// small against codes of order 1, and the L1 penalty raises it where the reconstruction allows
			threshold = tf.math.abs(layers.param("ae_code.threshold", new long[] { spec.latent() },
				ParameterSource.Init.POSITIVE));
			// sign(p) max(|p| - theta, 0) written as relu(p - theta) - relu(-p - theta), of ops with gradients
			return tf.math.sub(tf.nn.relu(tf.math.sub(codePreActivation, threshold)), tf.nn.relu(tf.math.sub(tf.math.neg(
				codePreActivation), threshold)));
		}
		return codePreActivation;
	}

	/** Decoded images [batch, paddedHeight, paddedWidth, 1] in [0, 1] (unbounded for linear) for codes. */
	public Operand<TFloat32> decode(final Operand<TFloat32> z) {
		if (linear) return tf.reshape(layers.dense("ae_dec_dense", z, spec.latent(), pixels(spec),
			ParameterSource.Init.GLOROT), tf.constant(new long[] { -1, spec.paddedHeight(), spec.paddedWidth(), 1 }));
		final int d = spec.depth();
		final long top = VaeNetwork.filters(spec, d - 1);
		final long flat = VaeNetwork.flatSize(spec);
		decoderKernel = layers.param("ae_dec_dense.kernel", new long[] { spec.latent(), flat }, ParameterSource.Init.HE);
		final Operand<TFloat32> decoderBias = layers.param("ae_dec_dense.bias", new long[] { flat },
			ParameterSource.Init.ZEROS);
		Operand<TFloat32> h = activation(tf.math.add(tf.linalg.matMul(z, decoderKernel), decoderBias));
		h = tf.reshape(h, tf.constant(new long[] { -1, spec.paddedHeight() >> d, spec.paddedWidth() >> d, top }));
		long in = top;
		for (int l = d - 1; l >= 0; l--) {
			final long out = l > 0 ? VaeNetwork.filters(spec, l - 1) : 1;
			final Operand<TFloat32> kernel = layers.param("ae_dec" + l + ".kernel", new long[] { 3, 3, out, in },
				linear ? ParameterSource.Init.GLOROT : ParameterSource.Init.HE);
			final Operand<TFloat32> bias = layers.param("ae_dec" + l + ".bias", new long[] { out },
				ParameterSource.Init.ZEROS);
			h = tf.nn.biasAdd(tf.nn.conv2dBackpropInput(shape(h, spec.paddedHeight() >> l, spec.paddedWidth() >> l, out),
				kernel, h, Arrays.asList(1L, 2L, 2L, 1L), "SAME"), bias);
			if (l > 0) h = activation(h);
			in = out;
		}
		return linear ? h : tf.math.sigmoid(h);
	}

	/** Squared error per image, [batch], over the valid (unpadded) region. */
	public Operand<TFloat32> squaredError(final Operand<TFloat32> x, final Operand<TFloat32> decoded) {
		return tf.sum(tf.math.square(tf.math.sub(crop(x), crop(decoded))), tf.constant(new int[] { 1, 2, 3 }));
	}

	/**
	 * The sparse penalty of each code, [batch]: its L1 norm; for the soft-threshold code each unit's |c| weighed by the
	 * L2 norm of its decoder weights (call {@link #decode} first). Without that weighting the penalty falls by scaling
	 * every code down and the decoder up, which silences nothing; with it, only fewer or smaller active units lower it
	 * (the usual constraint of sparse coding, here as a weighting).
	 */
	public Operand<TFloat32> l1(final Operand<TFloat32> code) {
		if (spec.sparseCode() != SparseCode.SHRINKAGE) return tf.sum(tf.math.abs(code), tf.constant(new int[] { 1 }));
		if (decoderKernel == null) throw new IllegalStateException("decode first");
		// Square's gradient crashes on a variable's reference output (TF 2.x C++ gradients): square a value of it
		final Operand<TFloat32> k = tf.identity(decoderKernel);
		final Operand<TFloat32> norms = tf.math.sqrt(tf.sum(tf.math.mul(k, k), tf.constant(new int[] { 1 })));
		return tf.sum(tf.math.mul(tf.math.abs(code), norms), tf.constant(new int[] { 1 }));
	}

	/**
	 * ||J^T v||^2 per image, [batch], where J is the Jacobian of the code with respect to the input image and v
	 * [batch, code] is given. For v with independent standard normal entries its expectation is the squared Frobenius
	 * norm of J (Hutchinson's estimator), and for v the unit vectors e_1, ..., e_k its sum over them is that norm
	 * exactly. J^T v is built here as the encoder's backward pass written out in ops (dense transposed, activation
	 * slopes, transposed convolutions with the encoder's own kernels), whose gradients TensorFlow's graph API has, so
	 * that one training step costs about one more encoder pass instead of one per code unit.
	 */
	public Operand<TFloat32> contraction(final Operand<TFloat32> v) {
		if (codeKernel == null) throw new IllegalStateException("encode first");
		Operand<TFloat32> g = v;
		if (spec.sparseCode() == SparseCode.RELU) g = tf.math.mul(g, slope(codePreActivation, 0f));
		// the soft threshold's slope: 1 outside [-theta, theta], 0 inside
		if (spec.sparseCode() == SparseCode.SHRINKAGE) g = tf.math.mul(g, tf.math.add(slope(tf.math.sub(
			codePreActivation, threshold), 0f), slope(tf.math.sub(tf.math.neg(codePreActivation), threshold), 0f)));
		g = tf.linalg.matMul(g, codeKernel, MatMul.transposeB(true));
		if (linear) return tf.sum(tf.math.square(crop(tf.reshape(g, tf.constant(new long[] { -1, spec.paddedHeight(),
			spec.paddedWidth(), 1 })))), tf.constant(new int[] { 1, 2, 3 }));
		final int d = spec.depth();
		g = tf.reshape(g, tf.constant(new long[] { -1, spec.paddedHeight() >> d, spec.paddedWidth() >> d, VaeNetwork
			.filters(spec, d - 1) }));
		for (int l = d - 1; l >= 0; l--) {
			if (!linear) g = tf.math.mul(g, slope(preActivations.get(l), 0.1f));
			final long in = l > 0 ? VaeNetwork.filters(spec, l - 1) : 1;
			g = tf.nn.conv2dBackpropInput(shape(input, spec.paddedHeight() >> l, spec.paddedWidth() >> l, in), kernels.get(
				l), g, Arrays.asList(1L, 2L, 2L, 1L), "SAME");
		}
		return tf.sum(tf.math.square(crop(g)), tf.constant(new int[] { 1, 2, 3 }));
	}

	/** Pixels of a padded image: the width of a linear autoencoder's dense layers. */
	static long pixels(final VaeSpec spec) {
		return (long) spec.paddedHeight() * spec.paddedWidth();
	}

	// -- Helper methods --

	private Operand<TFloat32> activation(final Operand<TFloat32> a) {
		return linear ? a : layers.leaky(a);
	}

	/**
	 * The slope of a leaky ReLU with negative slope {@code alpha} at {@code a}: alpha + (1 - alpha) (1 + sign a) / 2,
	 * made of Sign, whose gradient (zero) the graph API has, unlike comparisons.
	 */
	private Operand<TFloat32> slope(final Operand<TFloat32> a, final float alpha) {
		final Operand<TFloat32> step = tf.math.mul(tf.constant(0.5f), tf.math.add(tf.constant(1f), tf.math.sign(a)));
		return tf.math.add(tf.constant(alpha), tf.math.mul(tf.constant(1 - alpha), step));
	}

	/** [batch of {@code like}, h, w, c]. */
	private Operand<TInt32> shape(final Operand<TFloat32> like, final int h, final int w, final long c) {
		return tf.concat(Arrays.asList(tf.stridedSlice(tf.shape(like), Indices.slice(0, 1)), tf.constant(new int[] { h,
			w, (int) c })), tf.constant(0));
	}

	private Operand<TFloat32> crop(final Operand<TFloat32> t) {
		if (spec.paddedWidth() == spec.width() && spec.paddedHeight() == spec.height()) return t;
		return tf.stridedSlice(t, Indices.all(), Indices.slice(0, spec.height()), Indices.slice(0, spec.width()), Indices
			.all());
	}
}
