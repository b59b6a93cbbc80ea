package sc.fiji.autoencoders.model;

import java.util.Arrays;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Concat;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Small building blocks shared by the networks. All tensors are NHWC. */
public final class Layers {

	private final Ops tf;
	private final ParameterSource params;
	private final float alpha;

	public Layers(final Ops tf, final ParameterSource params, final float leakyAlpha) {
		this.tf = tf;
		this.params = params;
		this.alpha = leakyAlpha;
	}

	/** A raw parameter, for layers built outside this class. */
	public Operand<TFloat32> param(final String name, final long[] shape, final ParameterSource.Init init) {
		return params.get(name, shape, init);
	}

	public Ops tf() {
		return tf;
	}

	/** k x k convolution (SAME padding) with bias, stride s, no activation. */
	public Operand<TFloat32> conv(final String name, final Operand<TFloat32> x, final long in, final long out,
		final int k, final int stride, final ParameterSource.Init init)
	{
		final Operand<TFloat32> kernel = params.get(name + ".kernel", new long[] { k, k, in, out }, init);
		final Operand<TFloat32> bias = params.get(name + ".bias", new long[] { out }, ParameterSource.Init.ZEROS);
		final Operand<TFloat32> c = tf.nn.conv2d(x, kernel, Arrays.asList(1L, (long) stride, (long) stride, 1L), "SAME");
		return tf.nn.biasAdd(c, bias);
	}

	/** 3x3 convolution followed by LeakyReLU. */
	public Operand<TFloat32> convAct(final String name, final Operand<TFloat32> x, final long in, final long out) {
		return leaky(conv(name, x, in, out, 3, 1, ParameterSource.Init.HE));
	}

	public Operand<TFloat32> leaky(final Operand<TFloat32> x) {
		return tf.nn.leakyRelu(x, LeakyRelu.alpha(alpha));
	}

	public Operand<TFloat32> maxPool2(final Operand<TFloat32> x) {
		return tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1, 2, 2, 1 }), "VALID");
	}

	/**
	 * Max-blur pooling (N2V2): 2x2 max with stride 1, then the 3x3 binomial blur [1 2 1]/4 x [1 2 1]/4 sampled with
	 * stride 2, made of two 2x2 average poolings (stride 1, then 2), whose gradients TensorFlow's graph mode has. Halves
	 * even heights and widths like {@link #maxPool2}; has no parameters.
	 */
	public Operand<TFloat32> blurPool2(final Operand<TFloat32> x) {
		final List<Long> k2 = Arrays.asList(1L, 2L, 2L, 1L), s1 = Arrays.asList(1L, 1L, 1L, 1L);
		final Operand<TFloat32> max = tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1,
			1, 1, 1 }), "SAME");
		return tf.nn.avgPool(tf.nn.avgPool(max, k2, s1, "SAME"), k2, k2, "VALID");
	}

	/** Doubles height and width. */
	public Operand<TFloat32> upsample2(final Operand<TFloat32> x, final boolean bilinear) {
		final Operand<TInt32> hw = tf.math.mul(tf.stridedSlice(tf.shape(x), org.tensorflow.ndarray.index.Indices.slice(1,
			3)), tf.constant(2));
		if (bilinear) return tf.dtypes.cast(tf.image.resizeBilinear(x, hw), TFloat32.class);
		return tf.image.resizeNearestNeighbor(x, hw);
	}

	/** Concatenates along channels. */
	public Operand<TFloat32> concat(final Operand<TFloat32> a, final Operand<TFloat32> b) {
		return Concat.create(tf.scope(), Arrays.asList(a, b), tf.constant(3));
	}

	public Operand<TFloat32> dense(final String name, final Operand<TFloat32> x, final long in, final long out,
		final ParameterSource.Init init)
	{
		final Operand<TFloat32> w = params.get(name + ".kernel", new long[] { in, out }, init);
		final Operand<TFloat32> b = params.get(name + ".bias", new long[] { out }, ParameterSource.Init.ZEROS);
		return tf.math.add(tf.linalg.matMul(x, w), b);
	}
}
