package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.model.TrainingHistory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.model.Weights;

/**
 * The loop's control flow on a problem whose stability is known exactly: gradient descent on {@code k w^2}, which
 * converges when {@code lr k < 1} and blows up (the error grows by {@code |1 - 2 lr k|} per step) above it.
 */
public class TrainingLoopTest {

	/** Gradient descent on k w^2, starting at w = 1 (loss k). */
	private static class Quadratic implements TrainingLoop.Problem {

		final double k;
		double w = 1;
		int restores;

		Quadratic(final double k) {
			this.k = k;
		}

		@Override
		public double step(final long globalStep, final float learningRate) {
			w -= learningRate * 2 * k * w;
			return k * w * w;
		}

		@Override
		public double[] validate() {
			return new double[] { k * w * w, w };
		}

		@Override
		public Weights snapshot() {
			final Weights s = new Weights();
			s.put("w", new long[] { 1 }, new float[] { (float) w });
			return s;
		}

		@Override
		public void restore(final Weights weights, final long stepsDone) {
			w = weights.get("w").values()[0];
			restores++;
		}

		@Override
		public double divergenceLimit() {
			return 2 * k; // twice the untrained loss
		}
	}

	private static TrainingConfig config(final float lr) {
		final TrainingConfig c = new TrainingConfig();
		c.learningRate = lr;
		c.epochs = 6;
		c.stepsPerEpoch = 10;
		c.schedule = Schedule.PLATEAU;
		return c;
	}

	@Test
	public void recoversFromABlowUpByHalvingTheLearningRate() {
		// lr 1 with k 1.5: the error doubles each step; lr 0.5: it halves
		final Quadratic q = new Quadratic(1.5);
		final TrainingLoop loop = new TrainingLoop(config(1), "w %.3g");
		final List<String> messages = new ArrayList<>();
		loop.addListener(e -> messages.add(e.message));
		final TrainingLoop.Outcome o = loop.run(q, new TrainingHistory(), 0, 1, null);
		assertEquals(1, q.restores);
		assertEquals(0.5f, o.learningRate);
		assertTrue(o.history.epochs().get(0).validationLoss > 1e5, "epoch 1 blew up");
		assertTrue(o.history.best().validationLoss < 1e-20, "the restarted run converged: " + o.history.best()
			.validationLoss);
		assertTrue(messages.stream().anyMatch(m -> m.contains("diverged: restarted from the initial weights at " +
			"learning rate 0.5")), messages.toString());
		assertEquals(o.history.best().validationMetric, o.best.get("w").values()[0], 1e-12);
		assertFalse(o.stopReason.contains("diverged"), o.stopReason);
	}

	@Test
	public void givesUpAfterRepeatedBlowUpsAndKeepsTheBest() {
		// k 40: even lr 1/8 blows up (|1 - 2 * 0.125 * 40| = 9)
		final Quadratic q = new Quadratic(40);
		final TrainingConfig c = config(1);
		c.epochs = 20;
		final TrainingLoop loop = new TrainingLoop(c, "w %.3g");
		final TrainingHistory h = new TrainingHistory();
		final TrainingLoop.Outcome o = loop.run(q, h, 0, 1, null);
		assertEquals(TrainingLoop.MAX_RECOVERIES, q.restores);
		assertEquals(TrainingLoop.MAX_RECOVERIES + 1, o.history.size(), "stopped at the fourth blow-up");
		assertTrue(o.stopReason.startsWith("diverged 4 times"), o.stopReason);
		assertEquals(1, o.best.get("w").values()[0], 0, "no epoch beat the initial weights, so those are returned");
	}

	@Test
	public void warmUpRaisesTheLearningRateLinearly() {
		final List<Float> rates = new ArrayList<>();
		final Quadratic q = new Quadratic(0.1) {

			@Override
			public double step(final long globalStep, final float learningRate) {
				rates.add(learningRate);
				return super.step(globalStep, learningRate);
			}
		};
		final TrainingConfig c = config(0.5f);
		c.epochs = 2;
		c.warmupSteps = 8;
		new TrainingLoop(c, "w %.3g").run(q, new TrainingHistory(), 0, 0.5f, null);
		assertEquals(20, rates.size());
		for (int k = 1; k <= 20; k++)
			assertEquals(0.5f * Math.min(1, k / 8f), rates.get(k - 1), 1e-7, "step " + k);
	}

	/**
	 * With the cosine schedule, early stopping waits for the second half of the decay: a loss that never improves after
	 * epoch 1 stops the run 3 epochs after the stall with plateaus, but only once the rate is below half with cosine.
	 */
	@Test
	public void earlyStoppingWaitsForTheCosineDecay() {
		final TrainingConfig c = config(0.5f);
		c.epochs = 20;
		c.earlyStopPatience = 3;
		c.warmupSteps = 0;
		final TrainingLoop.Outcome plateau = new TrainingLoop(c, "w %.3g").run(new Quadratic(0), new TrainingHistory(),
			0, 0.5f, null);
		assertEquals(4, plateau.history.size(), plateau.stopReason);
		assertTrue(plateau.stopReason.startsWith("early stopping"), plateau.stopReason);
		c.schedule = Schedule.COSINE;
		final TrainingLoop.Outcome cosine = new TrainingLoop(c, "w %.3g").run(new Quadratic(0), new TrainingHistory(), 0,
			0.5f, null);
		// epoch 10 ends at progress 0.5 (rate 0.25, half of 0.5): the first epoch early stopping may end
		assertEquals(10, cosine.history.size(), cosine.stopReason);
		assertTrue(cosine.stopReason.startsWith("early stopping: no improvement for 9 epochs"), cosine.stopReason);
		assertEquals(0.25, cosine.history.epochs().get(9).learningRate, 1e-6);
	}

	/** A stalled validation loss halves the rate only without the cosine schedule, which already decays it. */
	@Test
	public void plateausLowerTheRateOnlyWithoutTheCosineSchedule() {
		final TrainingConfig c = config(0.5f);
		c.epochs = 9;
		c.earlyStopPatience = 0;
		final TrainingLoop.Outcome plateau = new TrainingLoop(c, "w %.3g").run(new Quadratic(0), new TrainingHistory(),
			0, 0.5f, null);
		assertEquals(0.5f / 4, plateau.learningRate, "halved after epochs 5 and 9");
		c.schedule = Schedule.COSINE;
		final TrainingLoop.Outcome cosine = new TrainingLoop(c, "w %.3g").run(new Quadratic(0), new TrainingHistory(), 0,
			0.5f, null);
		assertEquals(0.5f, cosine.learningRate);
	}

	@Test
	public void blowUpCriteria() {
		assertTrue(TrainingLoop.blewUp(Double.NaN, 1, 1, 10));
		assertTrue(TrainingLoop.blewUp(1, Double.POSITIVE_INFINITY, 1, 10));
		assertTrue(TrainingLoop.blewUp(1, 11, Double.POSITIVE_INFINITY, 10), "past the problem's limit");
		assertTrue(TrainingLoop.blewUp(1, 0.011, 0.001, 10), "ten times the best");
		assertFalse(TrainingLoop.blewUp(1, 0.0012, 0.001, 10), "ordinary noise");
		assertFalse(TrainingLoop.blewUp(1, 5, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
	}
}
