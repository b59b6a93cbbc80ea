package sc.fiji.autoencoders.predict;

import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.DivNoisingModel;
import sc.fiji.autoencoders.model.DivNoisingNetwork;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;

/**
 * DivNoising's prediction: K samples of the posterior of the clean image given a noisy plane (one encoding, K latent
 * samples decoded), their mean (the MMSE estimate) and their per-pixel standard deviation (where to trust it). The plane
 * is padded by edge replication to a multiple of 4 and processed whole.
 */
public final class DivNoisingSampler {

	/** The first sample, the mean of the samples and their per-pixel standard deviation. */
	public static final class Result {

		public final Plane sample, mmse, spread;

		Result(final Plane sample, final Plane mmse, final Plane spread) {
			this.sample = sample;
			this.mmse = mmse;
			this.spread = spread;
		}
	}

	private DivNoisingSampler() {}

	public static Result sample(final DivNoisingModel m, final Plane noisy, final int samples, final long seed) {
		final int w = noisy.width(), h = noisy.height(), pw = (w + 3) / 4 * 4, ph = (h + 3) / 4 * 4;
		final float[] in = new float[pw * ph];
		for (int y = 0; y < ph; y++)
			for (int x = 0; x < pw; x++)
				in[y * pw + x] = (float) ((noisy.get(Math.min(x, w - 1), Math.min(y, h - 1)) - m.mean) / m.std);
		final double[] sum = new double[w * h], sum2 = new double[w * h];
		float[] first = null;
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, ph, pw, 1)));
			final Placeholder<TFloat32> eps = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, ph / 4, pw / 4,
				m.latent)));
			final DivNoisingNetwork net = new DivNoisingNetwork(tf, new FrozenParameters(tf, m.weights), m.filters,
				m.latent);
			final Operand<TFloat32>[] q = net.encode(x);
			final Operand<TFloat32> s = net.decode(net.sample(q[0], q[1], eps));
			final Random rng = new Random(seed);
			final float[] noise = new float[(ph / 4) * (pw / 4) * m.latent];
			try (Session session = Sessions.create(g, 0); var tx = Tensors.of(in, 1, ph, pw, 1)) {
				for (int k = 0; k < samples; k++) {
					for (int i = 0; i < noise.length; i++)
						noise[i] = (float) rng.nextGaussian();
					try (var te = Tensors.of(noise, 1, ph / 4, pw / 4, m.latent); var r = session.runner().feed(x, tx).feed(
						eps, te).fetch(s).run())
					{
						final float[] out = Tensors.values(r.get(0));
						final float[] img = new float[w * h];
						for (int y = 0; y < h; y++)
							for (int xx = 0; xx < w; xx++) {
								final double v = out[y * pw + xx] * m.std + m.mean;
								img[y * w + xx] = (float) v;
								sum[y * w + xx] += v;
								sum2[y * w + xx] += v * v;
							}
						if (first == null) first = img;
					}
				}
			}
		}
		final float[] mean = new float[w * h], spread = new float[w * h];
		for (int i = 0; i < mean.length; i++) {
			mean[i] = (float) (sum[i] / samples);
			spread[i] = (float) Math.sqrt(Math.max(0, sum2[i] / samples - mean[i] * (double) mean[i]));
		}
		return new Result(new Plane(w, h, first), new Plane(w, h, mean), new Plane(w, h, spread));
	}
}
