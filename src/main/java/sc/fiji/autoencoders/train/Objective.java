package sc.fiji.autoencoders.train;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What a training step minimises and how validation scores it, for one kind of {@link TrainingData}: the loss's graph
 * on the network's output, what each step feeds it from a prefetched batch, and the validation figures. The
 * {@link DenoiserTrainer} runs every objective on the one {@link TrainingLoop}.
 */
abstract class Objective {

	/**
	 * Builds the loss on the network's output; called once, after the network (the objective's placeholders, made by
	 * its constructor, come before the network in the graph, as they always did: the graph's order changes the last
	 * digits of the results).
	 */
	abstract void build(Ops tf, Operand<TFloat32> out);

	/** The scalar loss to minimise, once {@link #build} made it. */
	abstract Operand<TFloat32> loss();

	/**
	 * Feeds one batch of {@link TrainingData#nextArrays} into a step's runner.
	 *
	 * @param network the network as it is before this step
	 * @param progress the run's {@link TrainingLoop#progress()}
	 * @param owned receives the tensors made, which the caller closes after the step
	 */
	abstract void feed(Session.Runner runner, float[][] batch, Forward network, double progress, List<Tensor> owned);

	/** {validation loss, validation metric} on the fixed validation patches. */
	abstract double[] validate(Forward network);

	/**
	 * The validation loss of the identity, which a residual network starts as, or NaN where the loss has none to
	 * compare: a residual network's run that ends far above it diverged.
	 */
	double identityLoss() {
		return Double.NaN;
	}
}
