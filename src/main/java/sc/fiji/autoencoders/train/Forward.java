package sc.fiji.autoencoders.train;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.Tensors;

/**
 * The network being trained, run forward outside a training step (validation, Neighbor2Neighbor's correction of its
 * targets), in batches of at most the training batch size so that memory stays that of a step.
 */
final class Forward {

	private final Session session;
	private final Placeholder<TFloat32> x;
	private final Operand<TFloat32> out;
	private final int batchSize;

	Forward(final Session session, final Placeholder<TFloat32> x, final Operand<TFloat32> out, final int batchSize) {
		this.session = session;
		this.x = x;
		this.out = out;
		this.batchSize = batchSize;
	}

	/**
	 * The network's output on {@code patches}, patch after patch.
	 *
	 * @param patchShape the shape of one patch without the batch dimension, e.g. {P, P, C}
	 */
	float[] apply(final float[] patches, final long... patchShape) {
		long values = 1;
		for (final long d : patchShape)
			values *= d;
		final int n = (int) values, count = patches.length / n;
		final float[] result = new float[patches.length];
		final long[] shape = new long[patchShape.length + 1];
		System.arraycopy(patchShape, 0, shape, 1, patchShape.length);
		for (int start = 0; start < count; start += batchSize) {
			final int b = Math.min(batchSize, count - start);
			final float[] in = new float[b * n];
			System.arraycopy(patches, start * n, in, 0, b * n);
			shape[0] = b;
			try (var t = Tensors.of(in, shape); var r = session.runner().feed(x, t).fetch(out).run()) {
				Tensors.copy(r.get(0), in);
			}
			System.arraycopy(in, 0, result, start * n, b * n);
		}
		return result;
	}
}
