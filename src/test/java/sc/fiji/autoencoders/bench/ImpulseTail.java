package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.Random;

import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;

/**
 * The impulse response of a single-channel 3D denoiser as ReceptiveFields measures it (0.3 + N(0, 0.1), one voxel
 * raised by 1 at the centre), printed per XY and Z distance d: the largest change of an output at distance d (the
 * stored radius' criterion) and the sum of the changes of all outputs farther than d (by translation invariance,
 * how much one output can change when every input farther than d changes by the whole range: a bound of the tiling
 * error, to first order). Usage: ImpulseTail MODEL
 */
public final class ImpulseTail {
	public static void main(final String[] a) throws Exception {
		final AutoencoderModel m = ModelFile.load(new File(a[0]));
		final NetworkSpec spec = m.networkSpec();
		final int s = (int) ((2L * Denoiser.receptiveRadius(spec) + 1 + spec.sizeMultiple() - 1) / spec.sizeMultiple() *
			spec.sizeMultiple());
		final int d = (int) ((2L * Denoiser.receptiveRadiusZ(spec) + 1 + spec.zSizeMultiple() - 1) / spec
			.zSizeMultiple() * spec.zSizeMultiple());
		final float[] x = new float[s * s * d];
		final Random r = new Random(1);
		for (int i = 0; i < x.length; i++)
			x[i] = 0.3f + 0.1f * (float) r.nextGaussian();
		try (Denoiser den = new Denoiser(m)) {
			final float[] y = x.clone();
			final int c = s / 2, cz = d / 2;
			y[(cz * s + c) * s + c] += 1f;
			final float[] ox = den.run(x, new long[] { s, s, d }), oy = den.run(y, new long[] { s, s, d });
			final double[] maxXY = new double[s], maxZ = new double[d], sumXY = new double[s], sumZ = new double[d];
			for (int z = 0; z < d; z++)
				for (int yy = 0; yy < s; yy++)
					for (int xx = 0; xx < s; xx++) {
						final int i = (z * s + yy) * s + xx;
						final double diff = Math.abs(ox[i] - oy[i]);
						final int dxy = Math.max(Math.abs(xx - c), Math.abs(yy - c)), dz = Math.abs(z - cz);
						maxXY[dxy] = Math.max(maxXY[dxy], diff);
						maxZ[dz] = Math.max(maxZ[dz], diff);
						sumXY[dxy] += diff;
						sumZ[dz] += diff;
					}
			System.out.println(spec + ", block " + s + "x" + s + "x" + d);
			System.out.println("XY d: max change at d, sum of changes beyond d");
			for (int i = 0; i < s / 2; i += 2)
				System.out.printf(" %d:%.1e/%.1e", i, maxXY[i], tail(sumXY, i));
			System.out.println("\nZ d:");
			for (int i = 0; i < d / 2; i++)
				System.out.printf(" %d:%.1e/%.1e", i, maxZ[i], tail(sumZ, i));
			System.out.println();
		}
	}

	private static double tail(final double[] sums, final int d) {
		double t = 0;
		for (int i = d + 1; i < sums.length; i++)
			t += sums[i];
		return t;
	}
}
