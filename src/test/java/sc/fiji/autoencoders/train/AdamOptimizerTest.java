package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.ParameterSource;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.Weights;

/** Adam on (w - 3)^2 for one scalar w: its first step from fresh moments moves w by exactly the learning rate. */
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
