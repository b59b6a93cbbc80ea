package sc.fiji.autoencoders.noise;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A camera's noise as a likelihood p(x | s): how an observed pixel value x is distributed around the true signal s,
 * both in the image's own intensity units. Unlike a {@link NoiseModel}, which adds synthetic noise to clean training
 * images, this one scores observations: it is the reconstruction term of DivNoising and the curve a microscopist reads
 * off to characterise a camera. Implementations are immutable and thread-safe.
 * <p>
 * Contract:
 * <ul>
 * <li>{@link #logLikelihood(double, double)} is the natural log of the density of x given s, per pixel, finite for every
 * finite x and s (signals outside the fitted range are scored with the parameters at the nearest end of the range);</li>
 * <li>{@link #mean} of x given s is s (the noise is unbiased, the signal is what the camera measures on average);</li>
 * <li>{@link #std} is the standard deviation of x given s, positive;</li>
 * <li>{@link #signalLow()} and {@link #signalHigh()} bound the signals the model was fitted on (infinite for a model
 * given by a formula), which {@link NoiseModelChecks#requireCovers} compares with the data;</li>
 * <li>{@link #logLikelihood(Ops, Operand, Operand)} computes the same values as TensorFlow ops, element-wise on tensors of
 * one shape, differentiable in s.</li>
 * </ul>
 */
public interface LikelihoodModel {

	/** ln p(x | s). */
	double logLikelihood(double x, double s);

	/** E[x | s]: s for every model here. */
	default double mean(final double s) {
		return s;
	}

	/** The standard deviation of x given s. */
	double std(double s);

	/** The lowest signal the model was fitted on, or negative infinity. */
	double signalLow();

	/** The highest signal the model was fitted on, or positive infinity. */
	double signalHigh();

	/**
	 * ln p(x | s) element-wise as TensorFlow ops, numerically stable (a mixture through log-sum-exp), for a loss that
	 * optimises s.
	 *
	 * @param x observations, any shape
	 * @param s signals, the shape of x
	 */
	Operand<TFloat32> logLikelihood(Ops tf, Operand<TFloat32> x, Operand<TFloat32> s);

	/** A short text for {@code info}: the model's kind, parameters and range. */
	String describe();
}
