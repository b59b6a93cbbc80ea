package sc.fiji.autoencoders.predict;

import java.util.Random;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.ReceptiveField;

/**
 * Measures a trained denoiser's effective receptive field ({@link ReceptiveField}) from its impulse response: the
 * network runs on a block of noise-like values (0.3 + N(0, 0.1) in normalized units, seeded) large enough to hold its
 * whole worst-case receptive field around the centre, then again with one voxel raised by the whole normalized data
 * range (1), at two positions of different phase against the pooling grids (and in each input channel). The radius
 * along XY (Z) is the largest XY (Z) distance from the raised voxel at which some output changed by more than the
 * tolerance. Worst-case radii of trained networks are several times their effective ones (a depth-3 3D U-Net: 65
 * pixels and 34 planes against about 24 and 10 at 1e-4), and 3D tiles with margins of the bound compute many times
 * the voxels they deliver.
 */
public final class ReceptiveFields {

	private ReceptiveFields() {}

	/**
	 * The model's effective receptive field at {@code tolerance} (of the normalized data range), or null if the block
	 * the measurement needs would have more than {@code maxVoxels} voxel positions (then its tiles keep margins of the
	 * worst-case bound).
	 *
	 * @param threads TensorFlow threads per operation (0: all cores)
	 */
	public static ReceptiveField measure(final AutoencoderModel model, final double tolerance, final long maxVoxels,
		final int threads)
	{
		final NetworkSpec spec = model.networkSpec();
		final boolean threeD = spec.dims() == 3;
		final int c = spec.channels(), m = spec.sizeMultiple(), mz = spec.zSizeMultiple();
		final int side = (int) TiledPredictor.roundUp(2L * Denoiser.receptiveRadius(spec) + 1, m);
		final int depth = threeD ? (int) TiledPredictor.roundUp(2L * Denoiser.receptiveRadiusZ(spec) + 1, mz) : 1;
		final long voxels = (long) side * side * depth * c;
		if (voxels / c > maxVoxels) return null;
		final long[] dims = c > 1 ? threeD ? new long[] { c, side, side, depth } : new long[] { c, side, side }
			: threeD ? new long[] { side, side, depth } : new long[] { side, side };
		final float[] base = new float[(int) voxels];
		final Random r = new Random(1);
		for (int i = 0; i < base.length; i++)
			base[i] = 0.3f + 0.1f * (float) r.nextGaussian();
		final double[] byXY = new double[side], byZ = new double[depth];
		try (Denoiser d = new Denoiser(model, Denoiser.DEFAULT_TILE, threads)) {
			final float[] out = d.run(base, dims);
			// the centre, and a voxel in another phase of the pooling grids (odd offsets, off the multiples)
			final int[][] impulses = { { side / 2, side / 2, depth / 2 }, { side / 2 + Math.max(1, m / 2 - 1), side / 2 +
				Math.max(1, m / 2 - 1), depth / 2 + (threeD ? Math.max(1, mz / 2 - 1) : 0) } };
			for (final int[] p : impulses) {
				for (int ch = 0; ch < c; ch++) {
					final int at = ((p[2] * side + p[1]) * side + p[0]) * c + ch;
					final float[] in = base.clone();
					in[at] += 1f;
					final float[] changed = d.run(in, dims);
					for (int z = 0; z < depth; z++)
						for (int y = 0; y < side; y++)
							for (int x = 0; x < side; x++)
								for (int k = 0; k < c; k++) {
									final int i = ((z * side + y) * side + x) * c + k;
									final double diff = Math.abs(changed[i] - out[i]);
									final int dxy = Math.max(Math.abs(x - p[0]), Math.abs(y - p[1])), dz = Math.abs(z - p[2]);
									if (diff > byXY[dxy]) byXY[dxy] = diff;
									if (diff > byZ[dz]) byZ[dz] = diff;
								}
				}
			}
		}
		return new ReceptiveField(radius(byXY, tolerance), threeD ? radius(byZ, tolerance) : 0, tolerance);
	}

	/** The largest distance whose largest change exceeds the tolerance (0 if none does). */
	private static int radius(final double[] byDistance, final double tolerance) {
		for (int dist = byDistance.length - 1; dist > 0; dist--)
			if (byDistance[dist] > tolerance) return dist;
		return 0;
	}
}
