package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.Random;

import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.TileBudget;

/**
 * The network of a denoiser on one tile of X x Y (x Z) voxels, twice: run under {@code /usr/bin/time -v}, its peak RSS
 * less that of a tiny tile is the memory of one tile, from which {@link TileBudget} is calibrated.
 * Prints the tile's voxels, TileBudget's estimate of its network memory in MB, and the seconds of the second run.
 * Usage: TileMemory MODEL X Y [Z]
 */
public final class TileMemory {
	public static void main(final String[] a) throws Exception {
		final AutoencoderModel m = ModelFile.load(new File(a[0]));
		final long[] dims = a.length > 3 ? new long[] { Long.parseLong(a[1]), Long.parseLong(a[2]), Long.parseLong(a[3]) }
			: new long[] { Long.parseLong(a[1]), Long.parseLong(a[2]) };
		long n = 1;
		for (final long d : dims)
			n *= d;
		final float[] x = new float[(int) n];
		final Random r = new Random(1);
		for (int i = 0; i < x.length; i++)
			x[i] = 0.3f + 0.1f * (float) r.nextGaussian();
		try (Denoiser d = new Denoiser(m)) {
			d.run(x, dims);
			final long t0 = System.nanoTime();
			d.run(x, dims);
			System.out.printf("voxels %d estimate_mb %.0f seconds %.2f%n", n, n * TileBudget.bytesPerVoxel(m.networkSpec()) /
				1048576, (System.nanoTime() - t0) / 1e9);
		}
	}
}
