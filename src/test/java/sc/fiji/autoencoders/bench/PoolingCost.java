package sc.fiji.autoencoders.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Layers;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;

/**
 * What a pooling layer costs in training (forward and gradient), on the first level of the default denoiser (batch 8,
 * 64x64, 32 channels): the max-blur pooling of N2V2 as first written (three pooling ops), as {@link Layers#blurPool2}
 * builds it now, and 2x2 max pooling. Arguments: [BATCH SIZE CHANNELS REPEATS] (default 8 64 32 40).
 */
public final class PoolingCost {

	public static void main(final String[] args) {
		final int b = args.length > 0 ? Integer.parseInt(args[0]) : 8, s = args.length > 1 ? Integer.parseInt(args[1])
			: 64, c = args.length > 2 ? Integer.parseInt(args[2]) : 32, n = args.length > 3 ? Integer.parseInt(args[3]) : 40;
		time("max 2x2", b, s, c, n, l -> l.layers.maxPool2(l.x));
		time("blur, slices", b, s, c, n, l -> PoolingCost.blurBySlices(l.tf(), l.x));
		time("blur, max slices + depthwise", b, s, c, n, l -> PoolingCost.blurByDepthwise(l.tf(), l.x, c));
		time("blur, maxpool + depthwise", b, s, c, n, l -> PoolingCost.blurByMaxPoolDepthwise(l.tf(), l.x, c));
		time("blur, 3 pooling ops (before)", b, s, c, n, l -> PoolingCost.blurByPoolingOps(l.tf(), l.x));
		time("blur, Layers.blurPool2 (now)", b, s, c, n, l -> l.layers.blurPool2(l.x));
	}

	/** N2V2's max-blur pooling as first built: 2x2 max (stride 1), then two 2x2 average poolings (stride 1, 2). */
	public static Operand<TFloat32> blurByPoolingOps(final Ops tf, final Operand<TFloat32> x) {
		final List<Long> k2 = Arrays.asList(1L, 2L, 2L, 1L), s1 = Arrays.asList(1L, 1L, 1L, 1L);
		final Operand<TFloat32> max = tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1,
			1, 1, 1 }), "SAME");
		return tf.nn.avgPool(tf.nn.avgPool(max, k2, s1, "SAME"), k2, k2, "VALID");
	}

	static org.tensorflow.ndarray.index.Index[] at(final int axis, final org.tensorflow.ndarray.index.Index i) {
		final org.tensorflow.ndarray.index.Index[] idx = { org.tensorflow.ndarray.index.Indices.all(),
			org.tensorflow.ndarray.index.Indices.all(), org.tensorflow.ndarray.index.Indices.all() };
		idx[axis] = i;
		return idx;
	}

	static Operand<TFloat32> cat(final Ops tf, final int axis, final Operand<TFloat32> a, final Operand<TFloat32> b) {
		return org.tensorflow.op.core.Concat.create(tf.scope(), Arrays.asList(a, b), tf.constant(axis));
	}

	/** max of each pixel and the next along axis, the last pixel kept (max pooling 2, stride 1, SAME). */
	static Operand<TFloat32> maxNext(final Ops tf, final Operand<TFloat32> x, final int axis) {
		final Operand<TFloat32> m = tf.math.maximum(tf.stridedSlice(x, at(axis, org.tensorflow.ndarray.index.Indices
			.slice(0, -1))), tf.stridedSlice(x, at(axis, org.tensorflow.ndarray.index.Indices.sliceFrom(1))));
		return cat(tf, axis, m, tf.stridedSlice(x, at(axis, org.tensorflow.ndarray.index.Indices.sliceFrom(-1))));
	}

	/** [1 2 1]/4 along axis, sampled with stride 2, the last pixel repeated past the edge. */
	static Operand<TFloat32> blurDown(final Ops tf, final Operand<TFloat32> x, final int axis) {
		final Operand<TFloat32> p = cat(tf, axis, x, tf.stridedSlice(x, at(axis, org.tensorflow.ndarray.index.Indices
			.sliceFrom(-1))));
		final Operand<TFloat32> a = tf.stridedSlice(p, at(axis, org.tensorflow.ndarray.index.Indices.slice(0L, -1L, 2)));
		final Operand<TFloat32> b2 = tf.stridedSlice(p, at(axis, org.tensorflow.ndarray.index.Indices.slice(1L, -1L, 2)));
		final Operand<TFloat32> c = tf.stridedSlice(p, at(axis, org.tensorflow.ndarray.index.Indices.slice(2L, null, 2)));
		return tf.math.mul(tf.math.add(tf.math.add(a, c), tf.math.add(b2, b2)), tf.constant(0.25f));
	}

	static Operand<TFloat32> blurBySlices(final Ops tf, final Operand<TFloat32> x) {
		return blurDown(tf, blurDown(tf, maxNext(tf, maxNext(tf, x, 1), 2), 1), 2);
	}

	static Operand<TFloat32> depthwiseBlur(final Ops tf, final Operand<TFloat32> m, final int c) {
		final float[] k = new float[9 * c];
		final float[] w = { 1, 2, 1, 2, 4, 2, 1, 2, 1 };
		for (int i = 0; i < 9; i++)
			for (int j = 0; j < c; j++)
				k[i * c + j] = w[i] / 16f;
		final Operand<TFloat32> p = cat(tf, 2, cat(tf, 1, m, tf.stridedSlice(m, at(1, org.tensorflow.ndarray.index.Indices
			.sliceFrom(-1)))), tf.stridedSlice(cat(tf, 1, m, tf.stridedSlice(m, at(1, org.tensorflow.ndarray.index.Indices
				.sliceFrom(-1)))), at(2, org.tensorflow.ndarray.index.Indices.sliceFrom(-1))));
		return tf.nn.depthwiseConv2dNative(p, tf.constant(org.tensorflow.ndarray.Shape.of(3, 3, c, 1), org.tensorflow
			.ndarray.buffer.DataBuffers.of(k)), Arrays.asList(1L, 2L, 2L, 1L), "VALID");
	}

	static Operand<TFloat32> blurByDepthwise(final Ops tf, final Operand<TFloat32> x, final int c) {
		return depthwiseBlur(tf, maxNext(tf, maxNext(tf, x, 1), 2), c);
	}

	static Operand<TFloat32> blurByMaxPoolDepthwise(final Ops tf, final Operand<TFloat32> x, final int c) {
		return depthwiseBlur(tf, tf.nn.maxPool(x, tf.constant(new int[] { 1, 2, 2, 1 }), tf.constant(new int[] { 1, 1, 1,
			1 }), "SAME"), c);
	}

	private static final class Built {

		final Layers layers;
		final Operand<TFloat32> x;

		Built(final Layers layers, final Operand<TFloat32> x) {
			this.layers = layers;
			this.x = x;
		}

		Ops tf() {
			return layers.tf();
		}
	}

	private static void time(final String what, final int b, final int s, final int c, final int n,
		final Function<Built, Operand<TFloat32>> pool)
	{
		try (Graph g = Graphs.create()) {
			run(what, b, s, c, n, pool, g);
		}
		catch (final RuntimeException e) {
			System.out.println(what + ": " + e.getMessage());
		}
	}

	private static void run(final String what, final int b, final int s, final int c, final int n,
		final Function<Built, Operand<TFloat32>> pool, final Graph g)
	{
		{
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
			final Operand<TFloat32> y = pool.apply(new Built(new Layers(tf, null, 0.1f), x));
			// a loss that weights every output differently, so that the gradient is not trivial
			final Operand<TFloat32> loss = tf.sum(tf.math.mul(y, y), tf.constant(new int[] { 0, 1, 2, 3 }));
			final Operand<TFloat32> grad = tf.gradients(loss, Arrays.asList(x)).dy(0);
			final float[] v = new float[b * s * s * c];
			final Random rng = new Random(1);
			for (int i = 0; i < v.length; i++)
				v[i] = (float) rng.nextGaussian();
			try (Session session = Sessions.create(g, 0); var t = Tensors.of(v, b, s, s, c)) {
				for (int i = 0; i < 5; i++)
					session.runner().feed(x, t).fetch(grad).run().close();
				final long t0 = System.nanoTime();
				for (int i = 0; i < n; i++)
					session.runner().feed(x, t).fetch(grad).run().close();
				System.out.printf("%-32s %7.2f ms per forward + gradient (%dx%dx%dx%d)%n", what, (System.nanoTime() - t0) /
					1e6 / n, b, s, s, c);
			}
		}
	}
}
