package sc.fiji.autoencoders.model;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between Java float arrays and TensorFlow tensors. Callers own (and must close) the tensors returned. */
public final class Tensors {

	private Tensors() {}

	public static TFloat32 of(final float[] values, final long... shape) {
		return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
	}

	public static TFloat32 scalar(final float v) {
		return TFloat32.scalarOf(v);
	}

	/** All values of a float tensor, in row-major order. */
	public static float[] values(final Tensor t) {
		final TFloat32 f = (TFloat32) t;
		final long n = f.shape().size();
		if (n > Integer.MAX_VALUE) throw new IllegalStateException("Tensor too large for one array: " + f.shape());
		final float[] out = new float[(int) n];
		f.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	/** Copies the tensor's values into {@code out}, which must have the tensor's size. */
	public static void copy(final Tensor t, final float[] out) {
		((TFloat32) t).copyTo(DataBuffers.of(out, false, false));
	}

	public static float scalarValue(final Tensor t) {
		return ((TFloat32) t).getFloat();
	}
}
