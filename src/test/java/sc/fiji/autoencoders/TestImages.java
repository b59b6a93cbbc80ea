package sc.fiji.autoencoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import sc.fiji.autoencoders.image.Plane;

/** Tiny synthetic images for tests: smooth blobs and edges on 0-255, easy to denoise. */
public final class TestImages {

	private TestImages() {}

	public static Plane blobs(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final float[] px = new float[w * h];
		final int n = 6;
		final double[][] b = new double[n][4];
		for (final double[] d : b) {
			d[0] = r.nextDouble() * w;
			d[1] = r.nextDouble() * h;
			d[2] = 4 + r.nextDouble() * 10;
			d[3] = 80 + r.nextDouble() * 150;
		}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double v = 20 + (x * 30.0 / w);
				for (final double[] d : b) {
					final double dx = x - d[0], dy = y - d[1];
					if (dx * dx + dy * dy < d[2] * d[2]) v = d[3];
				}
				px[y * w + x] = (float) v;
			}
		return new Plane(w, h, px);
	}

	public static List<Plane> blobStack(final int count, final int w, final int h, final long seed) {
		final List<Plane> planes = new ArrayList<>();
		for (int i = 0; i < count; i++)
			planes.add(blobs(w, h, seed + i));
		return planes;
	}
}
