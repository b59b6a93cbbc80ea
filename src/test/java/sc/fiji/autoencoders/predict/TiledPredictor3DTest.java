package sc.fiji.autoencoders.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;

/** The tiler on 3D blocks, with a real 3D network: a small U-Net of TensorFlow conv3d, pooling and upsampling. */
public class TiledPredictor3DTest {

	private static final List<Long> ONE = List.of(1L, 1L, 1L, 1L, 1L), TWO = List.of(1L, 2L, 2L, 2L, 1L);

	@Test
	public void threeDimensionalBlockTiledEqualsUntiled() {
		final Random r = new Random(7);
		final Img<FloatType> in = ArrayImgs.floats(29, 22, 19);
		for (final FloatType t : in)
			t.set(r.nextFloat());
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, -1,
				1)));
			// conv 3x3x3 -> average pool 2 -> conv 3x3x3 -> nearest upsampling 2 (+ skip) -> conv 3x3x3: receptive radius
			// 1 + 3 + 1 = 5 pixels, and results depend on the pooling grid (so tiles must start at even positions)
			final Operand<TFloat32> c1 = tf.nn.leakyRelu(tf.nn.conv3d(x, tf.constant(weights(r, 1, 4)), ONE, "SAME"));
			final Operand<TFloat32> pooled = tf.nn.avgPool3d(c1, TWO, TWO, "VALID");
			final Operand<TFloat32> c2 = tf.nn.leakyRelu(tf.nn.conv3d(pooled, tf.constant(weights(r, 4, 4)), ONE,
				"SAME"));
			final Operand<TFloat32> up = tf.nn.conv3dBackpropInput(tf.shape(c1), tf.constant(nearest(4)), c2, TWO,
				"VALID");
			final Operand<TFloat32> y = tf.nn.conv3d(tf.math.add(c1, up), tf.constant(weights(r, 4, 1)), ONE, "SAME");
			try (Session s = Sessions.create(g, 2)) {
				final AtomicLong calls = new AtomicLong();
				final TileFunction f = (tile, dims) -> {
					assertEquals(3, dims.length);
					for (final long d : dims)
						assertEquals(0, d % 2, "tile sides are multiples of the size multiple");
					calls.incrementAndGet();
					try (var t = Tensors.of(tile, 1, dims[2], dims[1], dims[0], 1); var res = s.runner().feed(x, t).fetch(y)
						.run())
					{
						return Tensors.values(res.get(0));
					}
				};
				// margin 12: the receptive radius (5) plus the blend (6)
				final TiledPredictor untiled = new TiledPredictor(64, 12, 2), tiled = new TiledPredictor(8, 12, 2);
				assertEquals(1, untiled.tileCount(29, 22, 19));
				assertEquals(4 * 3 * 3, tiled.tileCount(29, 22, 19));

				final Img<FloatType> a = ArrayImgs.floats(29, 22, 19);
				untiled.predict(in, a, f, PredictionMonitor.NONE);
				assertEquals(1, calls.get());

				// tiled: the input as a view that does not start at 0, the output a hyperslice of a 4D image
				final RandomAccessibleInterval<FloatType> shifted = Views.translate(in, 100, -50, 7);
				final Img<FloatType> out4d = PlanarImgs.floats(29, 22, 19, 2);
				final RandomAccessibleInterval<FloatType> b = Views.hyperSlice(out4d, 3, 1);
				final AtomicLong last = new AtomicLong();
				tiled.predict(shifted, b, f, new PredictionMonitor() {

					@Override
					public void progress(final long done, final long total) {
						last.set(done * 1000 + total);
					}
				});
				assertEquals(36036, last.get(), "progress reports every tile");
				assertEquals(37, calls.get());

				double maxDiff = 0, maxAbs = 0;
				final Cursor<FloatType> ca = a.localizingCursor();
				final RandomAccess<FloatType> rb = b.randomAccess();
				while (ca.hasNext()) {
					final float va = ca.next().get();
					maxDiff = Math.max(maxDiff, Math.abs(va - rb.setPositionAndGet(ca).get()));
					maxAbs = Math.max(maxAbs, Math.abs(va));
				}
				assertTrue(maxAbs > 0.1, "the network does something: max |output| " + maxAbs);
				assertTrue(maxDiff < 1e-5, "max difference " + maxDiff);
				// the other half of the 4D output is untouched
				for (final FloatType t : Views.iterable(Views.hyperSlice(out4d, 3, 0)))
					assertEquals(0, t.get());
			}
		}
	}

	/** Random 3x3x3 convolution weights, [depth][height][width][in][out]. */
	private static float[][][][][] weights(final Random r, final int in, final int out) {
		final float[][][][][] w = new float[3][3][3][in][out];
		for (final float[][][][] a : w)
			for (final float[][][] b : a)
				for (final float[][] c : b)
					for (final float[] d : c)
						for (int i = 0; i < out; i++)
							d[i] = (float) (r.nextGaussian() * 0.3);
		return w;
	}

	/** The transposed-convolution kernel of nearest-neighbour upsampling by 2 in each dimension, channel by channel. */
	private static float[][][][][] nearest(final int channels) {
		final float[][][][][] w = new float[2][2][2][channels][channels];
		for (final float[][][][] a : w)
			for (final float[][][] b : a)
				for (final float[][] c : b)
					for (int i = 0; i < channels; i++)
						c[i][i] = 1;
		return w;
	}
}
