package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Layers;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.ParameterSource;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.Weights;

/**
 * Adam on (w - 3)^2 for one scalar w: its first step from fresh moments moves w by exactly the learning rate; on a 3D
 * U-Net, each update applies the gradient of the weights before the step.
 */
public class AdamOptimizerTest {

	private static final float LR = 0.1f;

	@Test
	public void restartSetsTheWeightsAndStartsTheMomentsAfresh() {
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final TrainableParameters params = new TrainableParameters(tf, null, 1);
			final Operand<TFloat32> w = params.get("w", new long[] { 1 }, ParameterSource.Init.ZEROS);
			final Operand<TFloat32> loss = tf.math.square(tf.math.sub(tf.reduceSum(w, tf.constant(0)), tf.constant(3f)));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, null);
			try (Session s = Sessions.create(g, 1)) {
				assertEquals(LR, step(s, adam, loss, 1), 1e-6, "first step of a fresh run");
				for (long k = 2; k <= 5; k++)
					step(s, adam, loss, k);
				final Weights back = new Weights();
				back.put("w", new long[] { 1 }, new float[] { -1 });
				adam.restart(s, back, 5);
				assertEquals(-1, DenoiserTrainer.read(s, params).get("w").values()[0]);
				final Weights moments = adam.state(s);
				assertEquals(0, moments.get("w.adam_m").values()[0]);
				assertEquals(0, moments.get("w.adam_v").values()[0]);
				// without the restarted bias correction this step would move w by about half the rate
				final float before = DenoiserTrainer.read(s, params).get("w").values()[0];
				step(s, adam, loss, 6);
				assertEquals(LR, DenoiserTrainer.read(s, params).get("w").values()[0] - before, 1e-6);
			}
		}
	}

	/**
	 * The parameters are variables that the updates change in place while gradient ops may still read them (a Conv3D's
	 * input gradient reads its kernel): each update must wait for every gradient. Proved on a 3D U-Net trained with
	 * Conv3D, where that race made training erratic: the gradient each update applied (read back from Adam's first
	 * moment, which after one step from fresh moments is 0.1 times it) equals the gradient of the weights before the
	 * step, computed alone, in each of several rounds; and the graph has the gate.
	 */
	@Test
	public void updatesApplyTheGradientsOfTheWeightsBeforeTheStep() {
		final NetworkSpec spec = NetworkSpec.unet(2, 8).withResidual(false).withTopSkip(false).threeD(false, true);
		final long[] shape = { 4, 8, 32, 24, 1 };
		final java.util.Random r = new java.util.Random(2);
		final float[] in = new float[4 * 8 * 32 * 24], target = new float[in.length];
		for (int i = 0; i < in.length; i++) {
			in[i] = (float) r.nextGaussian();
			target[i] = (float) r.nextGaussian();
		}
		try (Graph g = Graphs.create(); var tIn = Tensors.of(in, shape); var tTarget = Tensors.of(target, shape)) {
			final Ops tf = Ops.create(g);
			final TrainableParameters params = new TrainableParameters(tf, null, 4);
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, tf.constant(tIn), spec, params,
				Layers.Conv3dOps.CONV3D);
			final Operand<TFloat32> loss = tf.math.mean(tf.math.squaredDifference(out, tf.constant(tTarget)), tf.constant(
				new int[] { 0, 1, 2, 3, 4 }));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, null);
			final List<Output<?>> grads = new ArrayList<>();
			for (final Op u : adam.updates())
				grads.add(((GraphOperation) u.op()).input(9)); // ApplyAdam's grad input
			for (final Op u : adam.updates())
				for (final Output<?> grad : grads)
					assertTrue(((GraphOperation) u.op()).controlInputs().contains((GraphOperation) grad.op()), u.op()
						.name() + " waits for " + grad.op().name());
			try (Session s = Sessions.create(g, 2)) {
				final Weights start = DenoiserTrainer.read(s, params);
				final List<float[]> before = new ArrayList<>();
				final Session.Runner gr = s.runner();
				grads.forEach(gr::fetch);
				try (var result = gr.run()) {
					for (int i = 0; i < grads.size(); i++)
						before.add(Tensors.values(result.get(i)));
				}
				for (int round = 0; round < 4; round++) {
					adam.restart(s, start, 0);
					final List<AutoCloseable> owned = new ArrayList<>();
					final Session.Runner step = s.runner();
					adam.feed(step, 1e-2f, 1, owned);
					adam.updates().forEach(step::addTarget);
					try (var done = step.run()) {
						// targets only
					}
					finally {
						DenoiserTrainer.closeAll(owned);
					}
					final Weights moments = adam.state(s);
					for (int i = 0; i < grads.size(); i++) {
						final String name = params.names().get(i);
						final float[] applied = moments.get(name + ".adam_m").values(), expected = before.get(i);
						double maxAbs = 0, maxDiff = 0;
						for (int j = 0; j < expected.length; j++) {
							maxAbs = Math.max(maxAbs, Math.abs(expected[j]));
							maxDiff = Math.max(maxDiff, Math.abs(applied[j] / (1 - AdamOptimizer.BETA1) - expected[j]));
						}
						assertTrue(maxDiff <= 1e-5 * maxAbs, "round " + round + ": " + name + " updated with another " +
							"gradient than its own before the step: max difference " + maxDiff + " (values up to " + maxAbs +
							")");
					}
				}
			}
		}
	}

	/** Runs step {@code k} and returns how far w moved. */
	private static float step(final Session s, final AdamOptimizer adam, final Operand<TFloat32> loss, final long k) {
		final float before = valueOfW(s);
		final List<AutoCloseable> owned = new ArrayList<>();
		final Session.Runner r = s.runner().fetch(loss);
		adam.feed(r, LR, k, owned);
		adam.updates().forEach(r::addTarget);
		try (var result = r.run()) {
			return valueOfW(s) - before;
		}
		finally {
			DenoiserTrainer.closeAll(owned);
		}
	}

	private static float valueOfW(final Session s) {
		try (var result = s.runner().fetch("w").run()) {
			return Tensors.values(result.get(0))[0];
		}
	}
}
