package sc.fiji.autoencoders.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;

/**
 * The log-likelihood as TensorFlow ops (DivNoising's reconstruction term) equals the Java computation, inside and
 * beyond the fitted range and far in the tails (where a naive sum of densities underflows), and its gradient in s is
 * the Java one's central difference.
 */
public class LikelihoodOpsTest {

	@Test
	public void mixtureOpsEqualJava() {
		final NoiseFitOptions o = new NoiseFitOptions();
		o.steps = 200;
		check(NoiseModelFitting.fit(NoiseModelFittingTest.camera(20_000, 8), o).model);
	}

	@Test
	public void poissonGaussianOpsEqualJava() {
		check(new PoissonGaussianNoiseModel(2.5, 100, 20, 2000));
		check(LikelihoodModels.parse("poisson-gaussian:2.5,100"));
		check(LikelihoodModels.parse("gaussian:7"));
	}

	private static void check(final LikelihoodModel m) {
		final Random rng = new Random(9);
		final int n = 400;
		final float[] x = new float[n], s = new float[n];
		for (int i = 0; i < n; i++) {
			s[i] = (float) (-200 + 2400 * rng.nextDouble()); // beyond the fitted range at both ends
			final double sd = m.std(s[i]) * (i % 10 == 0 ? 30 : 1); // every tenth far in the tail
			x[i] = (float) (s[i] + sd * rng.nextGaussian());
		}
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Operand<TFloat32> xs = tf.constant(org.tensorflow.ndarray.Shape.of(n), org.tensorflow.ndarray.buffer
				.DataBuffers.of(x)), ss = tf.placeholder(TFloat32.class);
			final Operand<TFloat32> ll = m.logLikelihood(tf, xs, ss);
			final Gradients grad = tf.gradients(tf.reduceSum(ll, tf.constant(0)), List.of(ss));
			try (Session session = Sessions.create(g, 1); TFloat32 sIn = Tensors.of(s, n); var r = session.runner().feed(
				ss, sIn).fetch(ll).fetch((Output<?>) grad.dy(0)).run())
			{
				final float[] got = Tensors.values(r.get(0)), dS = Tensors.values(r.get(1));
				for (int i = 0; i < n; i++) {
					final double java = m.logLikelihood(x[i], s[i]);
					assertEquals(java, got[i], 1e-4 * Math.max(1, Math.abs(java)), m.describe() + " at x " + x[i] + ", s " +
						s[i]);
					final double h = 1e-3 * m.std(s[i]);
					final double numeric = (m.logLikelihood(x[i], s[i] + h) - m.logLikelihood(x[i], s[i] - h)) / (2 * h);
					assertEquals(numeric, dS[i], 1e-2 * Math.max(1 / m.std(s[i]), Math.abs(numeric)), "d/ds at x " + x[i] +
						", s " + s[i]);
				}
			}
		}
	}
}
