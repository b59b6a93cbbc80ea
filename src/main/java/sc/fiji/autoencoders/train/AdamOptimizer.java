package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.Weights;

/**
 * Adam whose learning rate and bias corrections are fed at each step, so that the trainer can lower the learning rate
 * on a plateau and resume with the same step count (TF Java's own Adam fixes the rate when the graph is built). The
 * moment estimates are variables that can be read and restored with {@link #state(Session)}.
 */
public final class AdamOptimizer {

	public static final float BETA1 = 0.9f;
	public static final float BETA2 = 0.999f;
	public static final float EPSILON = 1e-7f;

	private final Placeholder<TFloat32> learningRate;
	private final Placeholder<TFloat32> beta1Power;
	private final Placeholder<TFloat32> beta2Power;
	private final List<Op> updates = new ArrayList<>();
	private final List<String> slotNames = new ArrayList<>();
	private final List<Variable<TFloat32>> slots = new ArrayList<>();
	private final List<String> names;
	private final List<Placeholder<TFloat32>> restoreInputs = new ArrayList<>();
	private final List<Op> restoreOps = new ArrayList<>();
	/** Steps done before the last {@link #restart}: the bias corrections count from there. */
	private long stepOffset;

	/**
	 * Adds the update operations that minimize {@code loss} over all parameters.
	 *
	 * @param initialState moment estimates to resume from (names as in {@link #state(Session)}), or null
	 */
	public AdamOptimizer(final Ops tf, final Operand<TFloat32> loss, final TrainableParameters params,
		final Weights initialState)
	{
		learningRate = tf.withName("adam.lr").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		beta1Power = tf.withName("adam.beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		beta2Power = tf.withName("adam.beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
		final List<Variable<TFloat32>> vars = params.variables();
		names = params.names();
		final Gradients grads = tf.gradients(loss, vars);
		// Every update waits for every gradient. The parameters are reference variables that ApplyAdam changes in place,
		// and gradient ops read them too (a convolution's input gradient reads its kernel): without this gate an update
		// may run before such a read, which then sees the new kernel, or half of it. That race made Conv3D training
		// (whose input gradient reads the variable itself, where the shifted planes read a transposed copy) erratic and
		// not reproducible: PSNR gains from -5.8 to 4.6 dB over runs of one seed on Modes3DTest's problem. Python
		// TensorFlow 1's optimizers gate the same way (gate_gradients).
		final Ops gated = tf.withControlDependencyOps(grads.dy().stream().map(Output::op).collect(Collectors.toList()));
		final Operand<TFloat32> b1 = tf.constant(BETA1);
		final Operand<TFloat32> b2 = tf.constant(BETA2);
		final Operand<TFloat32> eps = tf.constant(EPSILON);
		for (int i = 0; i < vars.size(); i++) {
			final String name = params.names().get(i);
			final long[] shape = params.shape(name);
			final Variable<TFloat32> m = slot(tf, name + ".adam_m", shape, initialState);
			final Variable<TFloat32> v = slot(tf, name + ".adam_v", shape, initialState);
			@SuppressWarnings("unchecked")
			final Output<TFloat32> g = (Output<TFloat32>) (Output<?>) grads.dy(i);
			updates.add(gated.train.applyAdam(vars.get(i), m, v, beta1Power, beta2Power, learningRate, b1, b2, eps, g));
			final Placeholder<TFloat32> in = tf.withName(name + ".restore").placeholder(TFloat32.class, Placeholder.shape(
				Shape.of(shape)));
			restoreInputs.add(in);
			restoreOps.add(tf.assign(vars.get(i), in));
			restoreOps.add(tf.assign(m, tf.zerosLike(m)));
			restoreOps.add(tf.assign(v, tf.zerosLike(v)));
		}
	}

	/** The operations to run as targets of a training step. */
	public List<Op> updates() {
		return updates;
	}

	public Placeholder<TFloat32> learningRatePlaceholder() {
		return learningRate;
	}

	/** Feeds the learning rate and the bias corrections for step {@code step} (1-based) to a runner. */
	public Session.Runner feed(final Session.Runner runner, final float lr, final long step, final List<AutoCloseable> owned) {
		final var tLr = Tensors.scalar(lr);
		final var tB1 = Tensors.scalar((float) Math.pow(BETA1, step - stepOffset));
		final var tB2 = Tensors.scalar((float) Math.pow(BETA2, step - stepOffset));
		owned.add(tLr);
		owned.add(tB1);
		owned.add(tB2);
		return runner.feed(learningRate, tLr).feed(beta1Power, tB1).feed(beta2Power, tB2);
	}

	/**
	 * Runs one training step: feeds the learning rate and bias corrections for step {@code step} to {@code runner}
	 * (whose inputs and first fetch, the loss, the caller has set), runs it with the updates as targets, and returns the
	 * loss.
	 */
	public double step(final Session.Runner runner, final float lr, final long step) {
		final List<AutoCloseable> owned = new ArrayList<>();
		try {
			feed(runner, lr, step, owned);
			updates.forEach(runner::addTarget);
			try (var result = runner.run()) {
				return Tensors.scalarValue(result.get(0));
			}
		}
		finally {
			DenoiserTrainer.closeAll(owned);
		}
	}

	/**
	 * Sets the parameters to {@code weights} and starts the moment estimates afresh, as if step {@code stepsDone + 1}
	 * were the first: after a blow-up the old moments describe the exploding run and would steer the restored one.
	 */
	public void restart(final Session session, final Weights weights, final long stepsDone) {
		final Session.Runner r = session.runner();
		final List<AutoCloseable> owned = new ArrayList<>();
		try {
			for (int i = 0; i < names.size(); i++) {
				final var t = Tensors.of(weights.get(names.get(i)).values(), weights.get(names.get(i)).shape());
				owned.add(t);
				r.feed(restoreInputs.get(i), t);
			}
			restoreOps.forEach(r::addTarget);
			try (var done = r.run()) {
				// targets only: nothing to read
			}
		}
		finally {
			DenoiserTrainer.closeAll(owned);
		}
		stepOffset = stepsDone;
	}

	/** Reads the moment estimates, to store with a model for resuming. */
	public Weights state(final Session session) {
		final Weights w = new Weights();
		final Session.Runner r = session.runner();
		for (final Variable<TFloat32> s : slots)
			r.fetch(s);
		try (var result = r.run()) {
			for (int i = 0; i < slots.size(); i++) {
				final var t = result.get(i);
				w.put(slotNames.get(i), t.shape().asArray(), Tensors.values(t));
			}
		}
		return w;
	}

	// -- Helper methods --

	private Variable<TFloat32> slot(final Ops tf, final String name, final long[] shape, final Weights initial) {
		final float[] values = initial != null && initial.contains(name) ? initial.get(name).values().clone()
			: new float[(int) Weights.size(shape)];
		final Variable<TFloat32> v;
		try (var t = Tensors.of(values, shape)) {
			v = tf.withName(name).variable(tf.withInitScope().withName(name + "_init").constant(t));
		}
		slots.add(v);
		slotNames.add(name);
		return v;
	}
}
