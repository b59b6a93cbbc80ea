package sc.fiji.autoencoders.model;

import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The weights a network starts training with for a seed, without training: the same values
 * {@link TrainableParameters} draws. Used to make untrained models (tests, benchmarks of speed).
 */
public final class InitialWeights implements ParameterSource {

	private final Ops tf;
	private final Random rng;
	private final Weights weights = new Weights();

	private InitialWeights(final Ops tf, final long seed) {
		this.tf = tf;
		this.rng = new Random(seed);
	}

	@Override
	public Operand<TFloat32> get(final String name, final long[] shape, final Init init) {
		weights.put(name, shape, TrainableParameters.initialValues(shape, init, rng));
		return tf.zeros(tf.constant(shape), TFloat32.class);
	}

	/** The initial weights of a denoising network. */
	public static Weights of(final NetworkSpec spec, final long seed) {
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final InitialWeights w = new InitialWeights(tf, seed);
			DenoiserNetwork.build(tf, tf.placeholder(TFloat32.class, Placeholder.shape(DenoiserNetwork.inputShape(spec,
				-1))), spec, w);
			return w.weights;
		}
	}

	/** The initial weights of a VAE or feature autoencoder (encoder, then decoder). */
	public static Weights of(final VaeSpec spec, final long seed) {
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final InitialWeights w = new InitialWeights(tf, seed);
			if (spec.isAutoencoder()) {
				final AutoencoderNetwork net = new AutoencoderNetwork(tf, spec, w);
				net.encode(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.paddedHeight(), spec
					.paddedWidth(), 1))));
				net.decode(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.latent()))));
				return w.weights;
			}
			final VaeNetwork net = new VaeNetwork(tf, spec, w);
			final Operand<TFloat32> y = spec.isConditional() ? tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
				spec.classes().size()))) : null;
			net.encode(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.paddedHeight(), spec
				.paddedWidth(), 1))), y);
			net.decodeLogits(tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.latent()))), y);
			return w.weights;
		}
	}
}
