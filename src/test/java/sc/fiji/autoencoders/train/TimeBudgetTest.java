package sc.fiji.autoencoders.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.TrainingHistory;
import sc.fiji.autoencoders.model.Weights;

/**
 * The time budget ends a denoiser's training unless a number of epochs is also set: epochs 0 means no limit, the
 * cosine schedule then decays over the budget, and the loop's one clock ({@link TrainingLoop#progress()}) runs from 0
 * to 1 over it. Neither limit is refused with the fix.
 */
public class TimeBudgetTest {

	@Test
	public void theDefaultsLetMinutesEndTraining() {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		assertEquals(0, s.epochs, "no epoch limit by default");
		assertTrue(s.minutes > 0);
		assertEquals(0, s.config().epochs);
		s.epochs = 100; // a macro recorded with the former default
		assertEquals(100, s.config().epochs);
		s.epochs = 0;
		s.minutes = 0;
		final BadInputException e = assertThrows(BadInputException.class, s::config);
		assertTrue(e.getMessage().contains("--minutes") && e.getMessage().contains("--epochs"), e.getMessage());
		s.epochs = -1;
		s.minutes = 5;
		assertThrows(BadInputException.class, s::config);
		assertEquals(10, TrainingConfig.vae().epochs, "VAEs keep their own default");
	}

	/** Without an epoch limit a run of 0.6 s stops at its budget, the learning rate decayed to the minimum. */
	@Test
	public void withoutAnEpochLimitTheBudgetEndsTheRunAndTheScheduleDecaysOverIt() {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 0;
		c.minutes = 0.01;
		c.stepsPerEpoch = 10;
		c.earlyStopPatience = 0;
		c.warmupSteps = 0;
		final TrainingLoop loop = new TrainingLoop(c, "validation loss", null);
		final List<String> messages = new ArrayList<>();
		loop.addListener(e -> {
			if (e.type != TrainingEvent.Type.STEP) messages.add(e.message);
		});
		final List<Double> progress = new ArrayList<>();
		final TrainingLoop.Outcome o = loop.run(new TrainingLoop.Problem() {

			@Override
			public double step(final long globalStep, final float learningRate) {
				progress.add(loop.progress());
				try {
					Thread.sleep(5);
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				return 1;
			}

			@Override
			public double[] validate() {
				return new double[] { 1, 1 };
			}

			@Override
			public Weights snapshot() {
				return new Weights();
			}

			@Override
			public void restore(final Weights weights, final long stepsDone) {}
		}, new TrainingHistory(), 0, c.learningRate, null);
		assertTrue(o.stopReason.startsWith("time budget"), o.stopReason);
		assertTrue(o.history.size() >= 3, "epochs run: " + o.history.size());
		final double first = o.history.epochs().get(0).learningRate, last = o.history.last().learningRate;
		assertTrue(first > 0.5 * c.learningRate && last < 0.05 * c.learningRate, "learning rate " + first + " -> " +
			last);
		assertTrue(progress.get(0) < 0.1 && progress.get(progress.size() - 1) > 0.9, "progress " + progress);
		assertTrue(messages.get(0).startsWith("Epoch 1: "), "no epoch total to show: " + messages.get(0));
		assertFalse(messages.stream().anyMatch(m -> m.contains(String.valueOf(Integer.MAX_VALUE))));
	}
}
