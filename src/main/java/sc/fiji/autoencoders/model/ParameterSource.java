package sc.fiji.autoencoders.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Supplies the parameters a network builder asks for by name and shape. Training gives variables (see
 * {@link TrainableParameters}); inference gives constants (see {@link FrozenParameters}). The builder code is the
 * same in both cases, so a loaded model is exactly the trained graph.
 */
public interface ParameterSource {

	/** Weight initialization for a parameter that has no stored value. */
	enum Init {
		/** He normal, for kernels followed by (leaky) ReLU. */
		HE,
		/** Glorot uniform, for linear outputs. */
		GLOROT,
		ZEROS,
		/** {@link #POSITIVE_BIAS} everywhere: biases of ReLU units that must start active (a sparse code). */
		POSITIVE
	}

	/** The value of {@link Init#POSITIVE}. */
	float POSITIVE_BIAS = 0.1f;

	/**
	 * The parameter called {@code name} with the given shape; for kernels the last dimension is the fan-out and the
	 * product of the others the fan-in.
	 */
	Operand<TFloat32> get(String name, long[] shape, Init init);
}
