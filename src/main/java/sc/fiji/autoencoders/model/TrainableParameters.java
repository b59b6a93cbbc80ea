package sc.fiji.autoencoders.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Parameters as graph variables. Initial values come from given weights (resume, fine-tuning) or are drawn in Java
 * from a seeded generator, so that the same seed gives the same initial network on every machine.
 */
public final class TrainableParameters implements ParameterSource {

	private final Ops tf;
	private final Weights initial;
	private final Random rng;
	private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
	private final Map<String, long[]> shapes = new LinkedHashMap<>();

	/** @param initial stored values to start from, or null to initialize every parameter randomly */
	public TrainableParameters(final Ops tf, final Weights initial, final long seed) {
		this.tf = tf;
		this.initial = initial;
		this.rng = new Random(seed);
	}

	@Override
	public Operand<TFloat32> get(final String name, final long[] shape, final Init init) {
		if (variables.containsKey(name)) throw new IllegalStateException("Parameter defined twice: " + name);
		final float[] values;
		if (initial != null && initial.contains(name)) {
			if (!Arrays.equals(initial.get(name).shape(), shape)) {
				throw new IllegalArgumentException("Stored weights '" + name + "' do not fit shape " + Arrays.toString(
					shape));
			}
			values = initial.get(name).values().clone();
		}
		else values = initialValues(shape, init, rng);
		final Variable<TFloat32> v;
		try (var t = Tensors.of(values, shape)) {
			v = tf.withName(name).variable(tf.withInitScope().withName(name + "_init").constant(t));
		}
		variables.put(name, v);
		shapes.put(name, shape.clone());
		return v;
	}

	/** The variables in creation order. */
	public List<Variable<TFloat32>> variables() {
		return Collections.unmodifiableList(new ArrayList<>(variables.values()));
	}

	public List<String> names() {
		return Collections.unmodifiableList(new ArrayList<>(variables.keySet()));
	}

	public long[] shape(final String name) {
		return shapes.get(name).clone();
	}

	// -- Helper methods --

	static float[] initialValues(final long[] shape, final ParameterSource.Init init, final Random rng) {
		final float[] v = new float[(int) Weights.size(shape)];
		if (init == ParameterSource.Init.ZEROS) return v;
		if (init == ParameterSource.Init.POSITIVE) {
			java.util.Arrays.fill(v, ParameterSource.POSITIVE_BIAS);
			return v;
		}
		final long fanOut = shape[shape.length - 1];
		final long fanIn = Math.max(1, Weights.size(shape) / fanOut);
		if (init == ParameterSource.Init.HE) {
			final double std = Math.sqrt(2.0 / fanIn);
			for (int i = 0; i < v.length; i++)
				v[i] = (float) (rng.nextGaussian() * std);
		}
		else {
			final double limit = Math.sqrt(6.0 / (fanIn + fanOut));
			for (int i = 0; i < v.length; i++)
				v[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
		}
		return v;
	}
}
