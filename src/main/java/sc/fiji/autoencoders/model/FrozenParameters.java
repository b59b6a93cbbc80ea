package sc.fiji.autoencoders.model;

import java.util.Arrays;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;

/** Parameters as graph constants taken from stored weights: the inference graph of a loaded model. */
public final class FrozenParameters implements ParameterSource {

	private final Ops tf;
	private final Weights weights;
	/** Networks built twice on one graph (a VAE's decoder for sampling and for the ELBO) share their constants. */
	private final java.util.Map<String, Operand<TFloat32>> built = new java.util.HashMap<>();

	public FrozenParameters(final Ops tf, final Weights weights) {
		this.tf = tf;
		this.weights = weights;
	}

	@Override
	public Operand<TFloat32> get(final String name, final long[] shape, final Init init) {
		final Weights.Entry e = weights.get(name);
		if (e == null) throw new BadInputException("The model file has no weights for '" + name +
			"': it is damaged or was written by another program. Retrain or use another model file.");
		if (!Arrays.equals(e.shape(), shape)) {
			throw new BadInputException("The model file's weights '" + name + "' have shape " + Arrays.toString(e
				.shape()) + " but its architecture needs " + Arrays.toString(shape) +
				": the file is damaged. Retrain or use another model file.");
		}
		return built.computeIfAbsent(name, n -> {
			try (var t = Tensors.of(e.values(), shape)) {
				return tf.withName(n).constant(t);
			}
		});
	}
}
