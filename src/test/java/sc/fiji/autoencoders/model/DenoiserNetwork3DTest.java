package sc.fiji.autoencoders.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.predict.Denoiser;

/** The 3D layers against TensorFlow's own 3D ops, and 3D networks end to end (shapes, identity, receptive field). */
public class DenoiserNetwork3DTest {

	/**
	 * The 3x3x3 convolution built from 2D ops (what trains where the Conv3D gradient cannot be registered) equals
	 * tf.nn.conv3d.
	 */
	@Test
	public void convolutionEqualsConv3d() {
		final Random r = new Random(3);
		final long[] kShape = { 3, 3, 3, 2, 3 };
		final float[] kernel = random(r, 3 * 3 * 3 * 2 * 3), bias = random(r, 3);
		final Weights w = new Weights();
		w.put("c.kernel", kShape, kernel);
		w.put("c.bias", new long[] { 3 }, bias);
		final float[] in = random(r, 2 * 5 * 6 * 7 * 2);
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 2)));
			final Operand<TFloat32> ours = new Layers(tf, new FrozenParameters(tf, w), 0.1f, 3,
				Layers.Conv3dOps.SHIFTED_PLANES).conv("c", x, 2, 3, 3, 1, ParameterSource.Init.HE);
			final Operand<TFloat32> theirs;
			try (var k = Tensors.of(kernel, kShape); var b = Tensors.of(bias, 3)) {
				theirs = tf.nn.biasAdd(tf.nn.conv3d(x, tf.constant(k), List.of(1L, 1L, 1L, 1L, 1L), "SAME"), tf.constant(b));
			}
			try (Session s = Sessions.create(g, 2); var t = Tensors.of(in, 2, 5, 6, 7, 2); var res = s.runner().feed(x, t)
				.fetch(ours).fetch(theirs).run())
			{
				final float[] a = Tensors.values(res.get(0)), b = Tensors.values(res.get(1));
				assertEquals(2 * 5 * 6 * 7 * 3, a.length);
				assertArrayEquals(b, a, 1e-5f);
			}
		}
	}

	/** Nearest upsampling repeats each voxel 2x2 in XY, and twice in Z when asked; pooling halves the same axes. */
	@Test
	public void upsamplingRepeatsVoxelsAndPoolingHalves() {
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Layers l = new Layers(tf, new FrozenParameters(tf, new Weights()), 0.1f, 3);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, -1, 1)));
			final Operand<TFloat32> upZ = l.upsample2(x, false, true), upXY = l.upsample2(x, false, false);
			final Operand<TFloat32> poolZ = l.maxPool2(x, true), poolXY = l.maxPool2(x, false);
			final float[] in = new float[2 * 2 * 4 * 2]; // D 2, H 2, W 4, 2 channels
			for (int i = 0; i < in.length; i++)
				in[i] = i;
			try (Session s = Sessions.create(g, 1); var t = Tensors.of(in, 1, 2, 2, 4, 2); var res = s.runner().feed(x, t)
				.fetch(upZ).fetch(upXY).fetch(poolZ).fetch(poolXY).fetch(tf.shape(upZ)).fetch(tf.shape(upXY)).fetch(tf.shape(
					poolZ)).fetch(tf.shape(poolXY)).run())
			{
				assertEquals(List.of(1, 4, 4, 8, 2), ints(res.get(4)));
				assertEquals(List.of(1, 2, 4, 8, 2), ints(res.get(5)));
				assertEquals(List.of(1, 1, 1, 2, 2), ints(res.get(6)));
				assertEquals(List.of(1, 2, 1, 2, 2), ints(res.get(7)));
				final float[] z = Tensors.values(res.get(0)), xy = Tensors.values(res.get(1));
				for (int d = 0; d < 4; d++)
					for (int h = 0; h < 4; h++)
						for (int w = 0; w < 8; w++)
							for (int c = 0; c < 2; c++) {
								final float v = in[(((d / 2) * 2 + h / 2) * 4 + w / 2) * 2 + c];
								assertEquals(v, z[((d * 4 + h) * 8 + w) * 2 + c], "upsampled with Z at " + d + "," + h + "," + w);
								if (d < 2) assertEquals(in[((d * 2 + h / 2) * 4 + w / 2) * 2 + c], xy[((d * 4 + h) * 8 + w) * 2 +
									c], "upsampled in XY at " + d + "," + h + "," + w);
							}
				// max of 0..31 laid out D, H, W, C: the largest of each block is its last voxel
				assertArrayEquals(new float[] { 26, 27, 30, 31 }, Tensors.values(res.get(2)));
				assertArrayEquals(new float[] { 10, 11, 14, 15, 26, 27, 30, 31 }, Tensors.values(res.get(3)));
			}
		}
	}

	@Test
	public void untrainedResidualNetworkIsTheIdentityOnVolumes() {
		final NetworkSpec spec = NetworkSpec.unet(2, 4).threeD(false, true);
		final AutoencoderModel m = new AutoencoderModel();
		m.network = spec;
		m.weights = InitialWeights.of(spec, 1);
		m.normalization = Normalization.of(0, 255);
		try (Denoiser d = new Denoiser(m)) {
			assertEquals(List.of(Axis.X, Axis.Y, Axis.Z), d.axes());
			final float[] in = new float[12 * 8 * 6];
			for (int i = 0; i < in.length; i++)
				in[i] = i % 7;
			assertArrayEquals(in, d.run(in, new long[] { 12, 8, 6 }), 1e-6f);
			assertThrows(BadInputException.class, () -> d.denoise(new sc.fiji.autoencoders.image.Plane(8, 8), null));
		}
	}

	@Test
	public void outputHasInputSizeForEveryZPooling() {
		for (final NetworkSpec spec : new NetworkSpec[] { NetworkSpec.unet(2, 4).threeD(), NetworkSpec.unet(2, 4).threeD(
			true, true), NetworkSpec.unet(3, 2).withArchitecture(Architecture.PLAIN).threeD(false, true, false) })
		{
			try (Denoiser d = new Denoiser(TestModels.denoiser(spec, 3))) {
				final long w = 8 * 3, h = 8 * 2, z = 4 * 3;
				final float[] out = d.run(new float[(int) (w * h * z)], new long[] { w, h, z });
				assertEquals(w * h * z, out.length, spec.toString());
			}
		}
	}

	/** The tiling margins come from these radii: a voxel change must reach no further, in XY nor in Z. */
	@Test
	public void receptiveFieldStaysWithinTheComputedRadii() {
		final NetworkSpec spec = NetworkSpec.unet(2, 4).threeD(false, true);
		final int r = Denoiser.receptiveRadius(spec), rz = Denoiser.receptiveRadiusZ(spec);
		assertEquals(29, r);
		assertEquals(16, rz); // Z: 2 + 3 down, 4 at the bottom (scale 2), 3 + 4 back up
		final int m = spec.sizeMultiple(), mz = spec.zSizeMultiple();
		final int size = (2 * r + 8 + m - 1) / m * m, depth = (2 * rz + 6 + mz - 1) / mz * mz;
		try (Denoiser d = new Denoiser(TestModels.denoiser(spec, 5))) {
			final float[] a = new float[size * size * depth];
			final Random rng = new Random(1);
			for (int i = 0; i < a.length; i++)
				a[i] = rng.nextFloat();
			final float[] b = a.clone();
			final int c = size / 2, cz = depth / 2;
			b[(cz * size + c) * size + c] += 10;
			final long[] dims = { size, size, depth };
			final float[] oa = d.run(a, dims), ob = d.run(b, dims);
			int reach = 0, reachZ = 0;
			for (int z = 0; z < depth; z++)
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++) {
						final int i = (z * size + y) * size + x;
						if (oa[i] != ob[i]) {
							reach = Math.max(reach, Math.max(Math.abs(x - c), Math.abs(y - c)));
							reachZ = Math.max(reachZ, Math.abs(z - cz));
						}
					}
			assertTrue(reach > 0 && reachZ > 0, "a change must have an effect");
			assertTrue(reach <= r, "XY reach " + reach + " exceeds radius " + r);
			assertTrue(reachZ <= rz, "Z reach " + reachZ + " exceeds radius " + rz);
		}
	}

	@Test
	public void zPoolingRuleFollowsTheVoxelDepth() {
		assertArrayEquals(new boolean[] { true, true, true, false }, ZPooling.AUTO.levels(4, 1, 16), "isotropic, " +
			"capped by the patch depth (2 planes at the bottom)");
		assertArrayEquals(new boolean[] { false, true, true, true }, ZPooling.AUTO.levels(4, 3, 16), "Z 3x coarser");
		assertArrayEquals(new boolean[] { false, false, true, true }, ZPooling.AUTO.levels(4, 5, 16), "Z 5x coarser");
		assertArrayEquals(new boolean[] { false, true, false, false }, ZPooling.AUTO.levels(4, 3, 4), "a thin patch");
		assertArrayEquals(new boolean[] { true, true }, ZPooling.ALL.levels(2, 10, 16));
		assertArrayEquals(new boolean[] { false, false }, ZPooling.NONE.levels(2, 1, 16));
		assertEquals("residual unet depth 4, 32 filters, nearest upsampling, 3D (Z pooled at levels 2, 3, 4)", NetworkSpec
			.unet(4, 32).threeD(ZPooling.AUTO.levels(4, 3, 16)).toString());
	}

	@Test
	public void specValidationNamesTheFix() {
		final BadInputException e = assertThrows(BadInputException.class, () -> NetworkSpec.unet(2, 4).withUpsampling(
			Upsampling.BILINEAR).threeD(true, true).validate());
		assertTrue(e.getMessage().contains("use upsampling nearest"), e.getMessage());
		assertThrows(BadInputException.class, () -> NetworkSpec.unet(2, 4).threeD(true).validate());
		assertEquals(4, NetworkSpec.unet(3, 4).threeD(true, false, true).zSizeMultiple());
		assertEquals(1, NetworkSpec.unet(3, 4).zSizeMultiple());
	}

	private static float[] random(final Random r, final int n) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}

	private static List<Integer> ints(final org.tensorflow.Tensor t) {
		final org.tensorflow.types.TInt32 i = (org.tensorflow.types.TInt32) t;
		final Integer[] out = new Integer[(int) i.size()];
		for (int k = 0; k < out.length; k++)
			out[k] = i.getInt(k);
		return Arrays.asList(out);
	}
}
