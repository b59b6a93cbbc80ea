package sc.fiji.autoencoders.model;

import java.util.Arrays;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Concat;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Small building blocks shared by the networks. Tensors are NHWC, or NDHWC for 3D layers ({@code dims} 3), whose
 * convolutions are 3x3x3 and whose pooling and upsampling treat Z as asked.
 */
public final class Layers {

	private final Ops tf;
	private final ParameterSource params;
	private final float alpha;
	/** 2: NHWC tensors and 2D convolutions; 3: NDHWC tensors and 3D convolutions. */
	private final int dims;
	private final Conv3dOps conv3dOps;

	/** How 3D convolutions are built; both compute the same function of the same [d, h, w, in, out] kernels. */
	public enum Conv3dOps {
		/** TensorFlow's Conv3D op: the fast one, trained where {@link Conv3dGradient#trains()}. */
		CONV3D,
		/** 2D convolutions over Z-shifted copies of the planes: trainable everywhere (ops with C++ gradients). */
		SHIFTED_PLANES;

		/**
		 * Conv3D for inference (constants need no gradient) and for training where {@link Conv3dGradient#trains()},
		 * shifted planes otherwise.
		 */
		public static Conv3dOps best(final ParameterSource params) {
			return params instanceof FrozenParameters || Conv3dGradient.trains() ? CONV3D : SHIFTED_PLANES;
		}
	}

	public Layers(final Ops tf, final ParameterSource params, final float leakyAlpha) {
		this(tf, params, leakyAlpha, 2);
	}

	/** @param dims 2 for NHWC tensors, 3 for NDHWC tensors (3D convolutions, the {@link Conv3dOps#best} way) */
	public Layers(final Ops tf, final ParameterSource params, final float leakyAlpha, final int dims) {
		this(tf, params, leakyAlpha, dims, Conv3dOps.best(params));
	}

	/** @param conv3dOps how 3D convolutions are built (dims 3) */
	public Layers(final Ops tf, final ParameterSource params, final float leakyAlpha, final int dims,
		final Conv3dOps conv3dOps)
	{
		if (dims != 2 && dims != 3) throw new IllegalArgumentException("Layers are 2D or 3D, not " + dims + "D");
		this.tf = tf;
		this.params = params;
		this.alpha = leakyAlpha;
		this.dims = dims;
		this.conv3dOps = conv3dOps;
	}

	/** A raw parameter, for layers built outside this class. */
	public Operand<TFloat32> param(final String name, final long[] shape, final ParameterSource.Init init) {
		return params.get(name, shape, init);
	}

	public Ops tf() {
		return tf;
	}

	/** k x k (3D: k x k x k) convolution (SAME padding) with bias, stride s (3D: 1), no activation. */
	public Operand<TFloat32> conv(final String name, final Operand<TFloat32> x, final long in, final long out,
		final int k, final int stride, final ParameterSource.Init init)
	{
		if (dims == 3) {
			if (stride != 1) throw new IllegalArgumentException("3D convolutions have stride 1, not " + stride);
			return conv3(name, x, in, out, k, init);
		}
		final Operand<TFloat32> kernel = params.get(name + ".kernel", new long[] { k, k, in, out }, init);
		final Operand<TFloat32> bias = params.get(name + ".bias", new long[] { out }, ParameterSource.Init.ZEROS);
		final Operand<TFloat32> c = tf.nn.conv2d(x, kernel, Arrays.asList(1L, (long) stride, (long) stride, 1L), "SAME");
		return tf.nn.biasAdd(c, bias);
	}

	/**
	 * k x k x k convolution (SAME, zero padding) with bias on NDHWC, kernel [depth, height, width, in, out]: TensorFlow's
	 * Conv3D, or (for {@link Conv3dOps#SHIFTED_PLANES}) ops whose gradients TensorFlow's C++ graph API has: the k copies
	 * of the input shifted in Z are stacked as channels, and one 2D convolution over the planes (N*D of them) applies
	 * the kernel reordered to [height, width, depth * in, out].
	 */
	private Operand<TFloat32> conv3(final String name, final Operand<TFloat32> x, final long in, final long out,
		final int k, final ParameterSource.Init init)
	{
		final Operand<TFloat32> kernel = params.get(name + ".kernel", new long[] { k, k, k, in, out }, init);
		final Operand<TFloat32> bias = params.get(name + ".bias", new long[] { out }, ParameterSource.Init.ZEROS);
		if (conv3dOps == Conv3dOps.CONV3D) return tf.nn.biasAdd(tf.nn.conv3d(x, kernel, Arrays.asList(1L, 1L, 1L, 1L,
			1L), "SAME"), bias);
		final Operand<TInt32> shape = tf.shape(x); // N, D, H, W, C
		Operand<TFloat32> stacked = x;
		if (k > 1) {
			final int r = k / 2;
			final Operand<TFloat32> padded = tf.pad(x, tf.constant(new int[][] { { 0, 0 }, { r, r }, { 0, 0 }, { 0, 0 }, {
				0, 0 } }), tf.constant(0f));
			final java.util.List<Operand<TFloat32>> shifted = new java.util.ArrayList<>();
			for (int dz = 0; dz < k; dz++)
				shifted.add(tf.stridedSlice(padded, Indices.all(), dz == k - 1 ? Indices.sliceFrom(dz) : Indices.slice(dz,
					dz - (k - 1))));
			stacked = Concat.create(tf.scope(), shifted, tf.constant(-1));
		}
		final Operand<TFloat32> planes = tf.reshape(stacked, join(tf.constant(new int[] { -1 }), slice(shape, 2, 4), tf
			.constant(new int[] { (int) (k * in) })));
		final Operand<TFloat32> k2 = tf.reshape(tf.linalg.transpose(kernel, tf.constant(new int[] { 1, 2, 0, 3, 4 })), tf
			.constant(new long[] { k, k, k * in, out }));
		final Operand<TFloat32> c = tf.nn.biasAdd(tf.nn.conv2d(planes, k2, Arrays.asList(1L, 1L, 1L, 1L), "SAME"),
			bias);
		return tf.reshape(c, join(slice(shape, 0, 4), tf.constant(new int[] { (int) out })));
	}

	/** 3x3 (3D: 3x3x3) convolution followed by LeakyReLU. */
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
	 * Halves height and width (2D), and in 3D also depth if {@code z} (2x2x2 or 1x2x2 max pooling). Sizes must be even.
	 */
	public Operand<TFloat32> maxPool2(final Operand<TFloat32> x, final boolean z) {
		if (dims == 2) return maxPool2(x);
		final java.util.List<Long> window = Arrays.asList(1L, z ? 2L : 1L, 2L, 2L, 1L);
		return tf.nn.maxPool3d(x, window, window, "VALID");
	}

	/**
	 * Doubles height and width (2D), and in 3D also depth if {@code z}: nearest neighbour, each voxel repeated 2x2
	 * (x2). TensorFlow has no 3D resize: the planes are resized as a batch of 2D images and, for Z, each plane is
	 * repeated by concatenation, with reshapes between (all with gradients in the C++ graph API).
	 */
	public Operand<TFloat32> upsample2(final Operand<TFloat32> x, final boolean bilinear, final boolean z) {
		if (dims == 2) return upsample2(x, bilinear);
		if (bilinear) throw new IllegalArgumentException("3D layers upsample by nearest neighbour only");
		final Operand<TInt32> shape = tf.shape(x); // N, D, H, W, C
		final Operand<TInt32> hw2 = tf.math.mul(slice(shape, 2, 4), tf.constant(2));
		final Operand<TFloat32> planes = tf.reshape(x, join(tf.constant(new int[] { -1 }), slice(shape, 2, 5)));
		final Operand<TFloat32> up = tf.reshape(tf.image.resizeNearestNeighbor(planes, hw2), join(slice(shape, 0, 2),
			hw2, slice(shape, 4, 5)));
		if (!z) return up;
		// [N, D, 1, rest] twice along axis 2: each plane followed by its copy
		final Operand<TFloat32> flat = tf.reshape(up, join(slice(shape, 0, 2), tf.constant(new int[] { 1, -1 })));
		final Operand<TFloat32> twice = Concat.create(tf.scope(), Arrays.asList(flat, flat), tf.constant(2));
		return tf.reshape(twice, join(slice(shape, 0, 1), tf.math.mul(slice(shape, 1, 2), tf.constant(2)), hw2, slice(
			shape, 4, 5)));
	}

	/** Elements [from, to) of a shape vector. */
	private Operand<TInt32> slice(final Operand<TInt32> shape, final int from, final int to) {
		return tf.stridedSlice(shape, Indices.slice(from, to));
	}

	/** Shape vectors joined end to end. */
	@SafeVarargs
	private final Operand<TInt32> join(final Operand<TInt32>... parts) {
		return Concat.create(tf.scope(), Arrays.asList(parts), tf.constant(0));
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
		return Concat.create(tf.scope(), Arrays.asList(a, b), tf.constant(dims + 1));
	}

	public Operand<TFloat32> dense(final String name, final Operand<TFloat32> x, final long in, final long out,
		final ParameterSource.Init init)
	{
		final Operand<TFloat32> w = params.get(name + ".kernel", new long[] { in, out }, init);
		final Operand<TFloat32> b = params.get(name + ".bias", new long[] { out }, ParameterSource.Init.ZEROS);
		return tf.math.add(tf.linalg.matMul(x, w), b);
	}
}
