package sc.fiji.autoencoders.train;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import sc.fiji.autoencoders.model.Tensors;

/**
 * The squared error between the network's output and the batch's targets, on every pixel or, for blind-spot masking,
 * on the masked pixels only (the others see their own noisy value): the objective of clean images with a noise model,
 * Noise2Void and pairs. Its validation metric is the PSNR (none when masked: there is no clean image).
 */
final class SquaredError extends Objective {

	private final Placeholder<TFloat32> x, y, m;
	private Operand<TFloat32> loss;
	private final TrainingData.Batch validation;
	private final long[] patchShape;

	/** @param patchShape one patch's shape without the batch dimension: {P, P, C}, or {D, P, P, C} in 3D */
	SquaredError(final Ops tf, final Placeholder<TFloat32> x, final boolean masked, final TrainingData.Batch validation,
		final long... patchShape)
	{
		this.x = x;
		this.validation = validation;
		this.patchShape = patchShape;
		final Shape shape = x.shape();
		y = tf.withName("clean").placeholder(TFloat32.class, Placeholder.shape(shape));
		m = masked ? tf.withName("mask").placeholder(TFloat32.class, Placeholder.shape(shape)) : null;
	}

	@Override
	void build(final Ops tf, final Operand<TFloat32> out) {
		final Operand<TInt32> all = tf.constant(patchShape.length == 4 ? new int[] { 0, 1, 2, 3, 4 } : new int[] { 0, 1,
			2, 3 });
		final Operand<TFloat32> sq = tf.math.squaredDifference(out, y);
		loss = m != null ? tf.math.div(tf.sum(tf.math.mul(sq, m), all), tf.math.maximum(tf.sum(m, all), tf.constant(1f)))
			: tf.math.mean(sq, all);
	}

	@Override
	Operand<TFloat32> loss() {
		return loss;
	}

	@Override
	void feed(final Session.Runner r, final float[][] batch, final Forward network, final double progress,
		final List<Tensor> owned)
	{
		final long[] shape = batchShape(batch[0].length);
		r.feed(x, add(owned, Tensors.of(batch[0], shape))).feed(y, add(owned, Tensors.of(batch[1], shape)));
		if (m != null) r.feed(m, add(owned, Tensors.of(batch[2], shape)));
	}

	/** The mean squared error over every pixel, or over the masked pixels only, and the PSNR (the loss when masked). */
	@Override
	double[] validate(final Forward network) {
		final float[] o = network.apply(validation.input, patchShape);
		double sum = 0, weight = 0;
		for (int i = 0; i < o.length; i++) {
			final double w = validation.mask == null ? 1 : validation.mask[i];
			final double d = o[i] - validation.target[i];
			sum += w * d * d;
			weight += w;
		}
		final double mse = Math.max(sum / Math.max(weight, 1), 1e-12);
		return new double[] { mse, m != null ? mse : 10 * Math.log10(1 / mse) };
	}

	/** The mean squared difference between the validation inputs and targets (at the masked pixels when masked). */
	@Override
	double identityLoss() {
		double sum = 0, count = 0;
		for (int i = 0; i < validation.input.length; i++) {
			final double w = validation.mask == null ? 1 : validation.mask[i];
			final double d = validation.input[i] - validation.target[i];
			sum += w * d * d;
			count += w;
		}
		return sum / Math.max(count, 1);
	}

	private long[] batchShape(final int values) {
		long n = 1;
		for (final long d : patchShape)
			n *= d;
		final long[] shape = new long[patchShape.length + 1];
		shape[0] = values / n;
		System.arraycopy(patchShape, 0, shape, 1, patchShape.length);
		return shape;
	}

	static <T extends Tensor> T add(final List<Tensor> owned, final T t) {
		owned.add(t);
		return t;
	}
}
