package sc.fiji.autoencoders.train;

import java.util.List;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.DivNoisingModel;
import sc.fiji.autoencoders.model.DivNoisingNetwork;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.noise.LikelihoodModel;

/**
 * Trains DivNoising on noisy planes alone: the loss per pixel is -ln p(x | s) under the camera's noise model, s the
 * decoded signal in image units, plus beta times the KL divergence of the latent per pixel; beta rises linearly from 0
 * over the warm-up steps (KL annealing, against posterior collapse). Adam with a cosine-decaying rate.
 */
public final class DivNoisingTrainer {

	/** The settings, each field holding its default. */
	public static final class Config {

		public int filters = 32, latent = 16, patchSize = 64, batchSize = 8, steps = 2000, warmup = 500, threads = 0;
		public float learningRate = 1e-3f, beta = 1f;
		public long seed = 1;
	}

	private DivNoisingTrainer() {}

	public static DivNoisingModel train(final List<Plane> noisy, final LikelihoodModel noiseModel, final Config c) {
		final int p = c.patchSize;
		if (p % 4 != 0 || p < 8) throw new BadInputException("DivNoising's patch size must be a multiple of 4, at least " +
			"8, not " + p + ".");
		for (final Plane pl : noisy)
			if (pl.width() < p || pl.height() < p) throw new BadInputException("The noisy planes must be at least " + p +
				"x" + p + " pixels (the patch size), not " + pl.width() + "x" + pl.height() + ".");
		double sum = 0, sum2 = 0;
		long n = 0;
		for (final Plane pl : noisy)
			for (final float v : pl.pixels()) {
				sum += v;
				sum2 += (double) v * v;
				n++;
			}
		final double mean = sum / n, std = Math.sqrt(Math.max(sum2 / n - mean * mean, 1e-12));
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, p, p, 1)));
			final Placeholder<TFloat32> eps = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, p / 4, p / 4,
				c.latent)));
			final Placeholder<TFloat32> beta = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
			final TrainableParameters params = new TrainableParameters(tf, null, c.seed);
			final DivNoisingNetwork net = new DivNoisingNetwork(tf, params, c.filters, c.latent);
			final Operand<TFloat32> xn = tf.math.div(tf.math.sub(x, tf.constant((float) mean)), tf.constant((float) std));
			final Operand<TFloat32>[] q = net.encode(xn);
			final Operand<TFloat32> s = tf.math.add(tf.math.mul(net.decode(net.sample(q[0], q[1], eps)), tf.constant(
				(float) std)), tf.constant((float) mean));
			final Operand<TFloat32> pixels = tf.dtypes.cast(tf.size(x), TFloat32.class);
			final Operand<TFloat32> nll = tf.math.neg(tf.math.mean(noiseModel.logLikelihood(tf, x, s), tf.constant(
				new int[] { 0, 1, 2, 3 })));
			final Operand<TFloat32> loss = tf.math.add(nll, tf.math.mul(beta, tf.math.div(net.kl(q[0], q[1]), pixels)));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, null);
			final Random rng = new Random(c.seed);
			final float[] batch = new float[c.batchSize * p * p], noise = new float[c.batchSize * (p / 4) * (p / 4) *
				c.latent];
			try (Session session = Sessions.create(g, c.threads)) {
				for (int step = 1; step <= c.steps; step++) {
					for (int b = 0; b < c.batchSize; b++)
						cut(noisy.get(rng.nextInt(noisy.size())), p, rng, batch, b * p * p);
					for (int i = 0; i < noise.length; i++)
						noise[i] = (float) rng.nextGaussian();
					final float lr = (float) (c.learningRate * 0.5 * (1 + Math.cos(Math.PI * (step - 1) / c.steps)));
					try (var tx = Tensors.of(batch, c.batchSize, p, p, 1); var te = Tensors.of(noise, c.batchSize, p / 4, p /
						4, c.latent); var tb = Tensors.scalar(c.beta * Math.min(1f, step / (float) Math.max(1, c.warmup))))
					{
						adam.step(session.runner().feed(x, tx).feed(eps, te).feed(beta, tb).fetch(loss), lr, step);
					}
				}
				return new DivNoisingModel(c.filters, c.latent, DenoiserTrainer.read(session, params), mean, std,
					noiseModel);
			}
		}
	}

	/** A random p x p patch of the plane, randomly flipped and transposed (the eight symmetries of the square). */
	private static void cut(final Plane plane, final int p, final Random rng, final float[] out, final int at) {
		final int x0 = rng.nextInt(plane.width() - p + 1), y0 = rng.nextInt(plane.height() - p + 1);
		final boolean fx = rng.nextBoolean(), fy = rng.nextBoolean(), t = rng.nextBoolean();
		for (int y = 0; y < p; y++)
			for (int x = 0; x < p; x++) {
				final int sx = fx ? p - 1 - x : x, sy = fy ? p - 1 - y : y;
				out[at + y * p + x] = plane.get(x0 + (t ? sy : sx), y0 + (t ? sx : sy));
			}
	}
}
