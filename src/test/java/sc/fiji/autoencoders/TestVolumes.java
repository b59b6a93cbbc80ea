package sc.fiji.autoencoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/** Tiny synthetic Z stacks for tests: ellipsoid blobs extending over several planes on 0-255, easy to denoise in 3D. */
public final class TestVolumes {

	private TestVolumes() {}

	/** {@code w x h x d} voxels: 8 ellipsoids (radius 4-10 in XY, 2-5 planes in Z) on a gentle ramp. */
	public static Volume blobs(final int w, final int h, final int d, final long seed) {
		final Random r = new Random(seed);
		final double[][] b = new double[8][6];
		for (final double[] e : b) {
			e[0] = r.nextDouble() * w;
			e[1] = r.nextDouble() * h;
			e[2] = r.nextDouble() * d;
			e[3] = 4 + r.nextDouble() * 6;
			e[4] = 2 + r.nextDouble() * 3;
			e[5] = 80 + r.nextDouble() * 150;
		}
		final List<Plane> planes = new ArrayList<>();
		for (int z = 0; z < d; z++) {
			final float[] px = new float[w * h];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double v = 20 + x * 30.0 / w;
					for (final double[] e : b) {
						final double dx = (x - e[0]) / e[3], dy = (y - e[1]) / e[3], dz = (z - e[2]) / e[4];
						if (dx * dx + dy * dy + dz * dz < 1) v = e[5];
					}
					px[y * w + x] = (float) v;
				}
			planes.add(new Plane(w, h, px));
		}
		return new Volume(planes);
	}

	/** The voxels, slice after slice (X fastest): the layout of an ImgLib2 image of dimensions w, h, d. */
	public static float[] voxels(final Volume v) {
		final int n = v.width() * v.height();
		final float[] out = new float[n * v.depth()];
		for (int z = 0; z < v.depth(); z++)
			System.arraycopy(v.plane(z).pixels(), 0, out, z * n, n);
		return out;
	}
}
