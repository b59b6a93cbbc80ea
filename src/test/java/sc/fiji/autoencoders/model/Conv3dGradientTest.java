package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * TensorFlow's Conv3D with the gradient of {@link Conv3dGradient} against the 3D convolution made of 2D ones (whose
 * gradients are TensorFlow's own): same outputs, same gradients, and those gradients match finite differences.
 */
public class Conv3dGradientTest {

	private static final long[] K = { 3, 3, 3, 2, 3 }, IN = { 2, 5, 6, 7, 2 };

	@Test
	public void registeredOnceAndIdempotent() {
		Graphs.loadNative();
		assertTrue(Conv3dGradient.available(), "Linux and macOS register the gradient");
		assertTrue(Conv3dGradient.available(), "a second call changes nothing");
		// the registry is TensorFlow's: a second registration of the op's gradient is refused, not a crash
		assertEquals(false, org.tensorflow.TensorFlow.registerCustomGradient(org.tensorflow.op.nn.Conv3d.Inputs.class, (
			tf, op, grads) -> List.of()));
		assertTrue(Conv3dGradient.available());
	}

	@Test
	public void concurrentCallsAllSeeTheRegisteredGradient() throws Exception {
		final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			final List<java.util.concurrent.Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++)
				answers.add(pool.submit(() -> {
					Graphs.loadNative();
					return Conv3dGradient.available();
				}));
			for (final java.util.concurrent.Future<Boolean> a : answers)
				assertTrue(a.get());
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	public void gradientsEqualThoseOfShiftedPlanes() {
		final Random r = new Random(5);
		final float[] kernel = random(r, K), bias = random(r, new long[] { 3 }), in = random(r, IN);
		final float[] outWeights = random(r, new long[] { 2, 5, 6, 7, 3 });
		final List<float[]> conv3d = lossAndGradients(Layers.Conv3dOps.CONV3D, in, kernel, bias, outWeights);
		final List<float[]> planes = lossAndGradients(Layers.Conv3dOps.SHIFTED_PLANES, in, kernel, bias, outWeights);
		assertEquals(planes.get(0)[0], conv3d.get(0)[0], 1e-3, "loss");
		for (int i = 1; i < 4; i++) {
			final float[] a = conv3d.get(i), b = planes.get(i);
			assertEquals(b.length, a.length);
			double maxAbs = 0, maxDiff = 0;
			for (int j = 0; j < a.length; j++) {
				maxAbs = Math.max(maxAbs, Math.abs(b[j]));
				maxDiff = Math.max(maxDiff, Math.abs(a[j] - b[j]));
			}
			assertTrue(maxAbs > 1, "gradient " + i + " is not trivially zero");
			assertTrue(maxDiff <= 1e-5 * Math.max(1, maxAbs) * 10, "gradient " + i + ": max difference " + maxDiff +
				" (values up to " + maxAbs + ")");
		}
		// the loss is linear in the kernel and in the input: central differences are exact up to rounding
		final float h = 0.5f;
		for (final int j : new int[] { 0, 17, 53, 161 }) {
			final float[] plus = kernel.clone(), minus = kernel.clone();
			plus[j] += h;
			minus[j] -= h;
			final double fd = (lossAndGradients(Layers.Conv3dOps.CONV3D, in, plus, bias, outWeights).get(0)[0] -
				lossAndGradients(Layers.Conv3dOps.CONV3D, in, minus, bias, outWeights).get(0)[0]) / (2 * h);
			assertEquals(fd, conv3d.get(2)[j], 2e-3 * Math.max(1, Math.abs(fd)), "d loss / d kernel[" + j + "]");
		}
		for (final int j : new int[] { 0, 99, 421, 839 }) {
			final float[] plus = in.clone(), minus = in.clone();
			plus[j] += h;
			minus[j] -= h;
			final double fd = (lossAndGradients(Layers.Conv3dOps.CONV3D, plus, kernel, bias, outWeights).get(0)[0] -
				lossAndGradients(Layers.Conv3dOps.CONV3D, minus, kernel, bias, outWeights).get(0)[0]) / (2 * h);
			assertEquals(fd, conv3d.get(1)[j], 2e-3 * Math.max(1, Math.abs(fd)), "d loss / d input[" + j + "]");
		}
	}

	/**
	 * The whole 3D U-Net as trained (one input channel, filters growing and capped, Z pooled at one level only, batch
	 * 3 of 8x16x24 voxels: no axis has the size of another), Conv3D against shifted planes: same output, same gradient
	 * for every parameter.
	 */
	@Test
	public void networkGradientsEqualThoseOfShiftedPlanes() {
		final NetworkSpec spec = NetworkSpec.unet(2, 4).withMaxFilters(6).withResidual(false).withTopSkip(false).threeD(
			true, false);
		final long[] in = { 3, 8, 16, 24, 1 };
		final Random r = new Random(9);
		final float[] x = random(r, in), w = random(r, in);
		final Map<String, float[]> conv3d = networkGradients(spec, Layers.Conv3dOps.CONV3D, x, w);
		final Map<String, float[]> planes = networkGradients(spec, Layers.Conv3dOps.SHIFTED_PLANES, x, w);
		assertEquals(planes.keySet(), conv3d.keySet());
		for (final String name : planes.keySet()) {
			final float[] a = conv3d.get(name), b = planes.get(name);
			double maxAbs = 0, maxDiff = 0;
			for (int j = 0; j < a.length; j++) {
				maxAbs = Math.max(maxAbs, Math.abs(b[j]));
				maxDiff = Math.max(maxDiff, Math.abs(a[j] - b[j]));
			}
			System.out.printf(java.util.Locale.ROOT, "%-16s %6d values up to %.4g, max difference %.3g%n", name,
				a.length, maxAbs, maxDiff);
			assertTrue(name.endsWith(".bias") || maxAbs > 1e-3, name + " is not trivially zero");
			assertTrue(maxDiff <= 1e-4 * Math.max(1e-2, maxAbs), name + ": max difference " + maxDiff + " (values up to " +
				maxAbs + ")");
		}
	}

	/** "loss" and d loss/d parameter for every parameter of the network, loss = sum(net(x) * w), He/Glorot weights. */
	private static Map<String, float[]> networkGradients(final NetworkSpec spec, final Layers.Conv3dOps ops,
		final float[] in, final float[] outWeights)
	{
		final long[] shape = { 3, 8, 16, 24, 1 };
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
			final Map<String, Placeholder<TFloat32>> params = new java.util.LinkedHashMap<>();
			final Map<String, float[]> values = new HashMap<>();
			final Map<String, long[]> shapes = new HashMap<>();
			final Random r = new Random(3);
			final ParameterSource source = (name, s, init) -> params.computeIfAbsent(name, n -> {
				values.put(n, TrainableParameters.initialValues(s, init == ParameterSource.Init.ZEROS
					? ParameterSource.Init.GLOROT : init, r)); // biases too: their gradients then depend on the values
				shapes.put(n, s);
				return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(s)));
			});
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, spec, source, ops);
			final List<AutoCloseable> owned = new ArrayList<>();
			try (var w = Tensors.of(outWeights, shape); var tx = Tensors.of(in, shape)) {
				final Operand<TFloat32> loss = tf.sum(tf.math.mul(out, tf.constant(w)), tf.constant(new int[] { 0, 1, 2, 3,
					4 }));
				final List<String> names = new ArrayList<>(params.keySet());
				final List<Operand<?>> ps = new ArrayList<>(params.values());
				final var grads = tf.gradients(loss, ps);
				try (Session s = Sessions.create(g, 2)) {
					final Session.Runner runner = s.runner().feed(x, tx).fetch(loss);
					for (final String n : names) {
						final var t = Tensors.of(values.get(n), shapes.get(n));
						owned.add(t);
						runner.feed(params.get(n), t);
					}
					for (int i = 0; i < names.size(); i++)
						runner.fetch(grads.dy(i));
					try (var res = runner.run()) {
						final Map<String, float[]> result = new java.util.TreeMap<>();
						result.put("loss", Tensors.values(res.get(0)));
						for (int i = 0; i < names.size(); i++)
							result.put(names.get(i), Tensors.values(res.get(i + 1)));
						return result;
					}
				}
			}
			finally {
				for (final AutoCloseable c : owned)
					try {
						c.close();
					}
					catch (final Exception e) {
						throw new IllegalStateException(e);
					}
			}
		}
	}

	/**
	 * [loss], d loss/d input, d loss/d kernel, d loss/d bias of loss = sum(conv(input) * outWeights), the convolution
	 * built as asked.
	 */
	private static List<float[]> lossAndGradients(final Layers.Conv3dOps ops, final float[] in, final float[] kernel,
		final float[] bias, final float[] outWeights)
	{
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 2)));
			final Map<String, Placeholder<TFloat32>> params = new HashMap<>();
			final ParameterSource source = (name, shape, init) -> params.computeIfAbsent(name, n -> tf.placeholder(
				TFloat32.class, Placeholder.shape(Shape.of(shape))));
			final Operand<TFloat32> out = new Layers(tf, source, 0.1f, 3, ops).conv("c", x, 2, 3, 3, 1,
				ParameterSource.Init.HE);
			try (var w = Tensors.of(outWeights, 2, 5, 6, 7, 3); var tk = Tensors.of(kernel, K); var tb = Tensors.of(bias,
				3); var tx = Tensors.of(in, IN))
			{
				final Operand<TFloat32> loss = tf.sum(tf.math.mul(out, tf.constant(w)), tf.constant(new int[] { 0, 1, 2, 3,
					4 }));
				final var grads = tf.gradients(loss, Arrays.asList(x, params.get("c.kernel"), params.get("c.bias")));
				try (Session s = Sessions.create(g, 2); var res = s.runner().feed(x, tx).feed(params.get("c.kernel"), tk)
					.feed(params.get("c.bias"), tb).fetch(loss).fetch(grads.dy(0)).fetch(grads.dy(1)).fetch(grads.dy(2))
					.run())
				{
					final List<float[]> values = new ArrayList<>();
					for (int i = 0; i < 4; i++)
						values.add(Tensors.values(res.get(i)));
					return values;
				}
			}
		}
	}

	static float[] random(final Random r, final long[] shape) {
		final float[] v = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}
}
