package sc.fiji.autoencoders.model;

import java.util.Arrays;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.nn.Conv3d;
import org.tensorflow.op.nn.Conv3dBackpropFilter;
import org.tensorflow.op.nn.Conv3dBackpropInput;

/**
 * The gradient of TensorFlow's Conv3D op, which TensorFlow's C++ gradient registry lacks (graph mode has gradients for
 * MaxPool3D and AvgPool3D, not for Conv3D), written in Java and registered through TensorFlow Java's custom gradient
 * registry: the input's gradient is Conv3DBackpropInputV2, the kernel's Conv3DBackpropFilterV2, as TensorFlow's Python
 * gradient does it (nn_grad.py, _Conv3DGrad).
 * <p>
 * The registry is native and so shared by the whole process, while the Java function it calls lives in one class
 * loader: a gradient registered from another class loader (a second copy of the plugin, see engine/Engine) would look
 * our graphs up in its own copy of TensorFlow Java and fail. So a class loader uses Conv3D only when it registered the
 * gradient itself, or when TensorFlow has its own (a later version); otherwise {@link #available()} is false and
 * {@link Layers} builds 3D convolutions from 2D ones. Windows has no custom gradients in TensorFlow Java 1.1 either.
 */
public final class Conv3dGradient {

	/** JVM-wide (every class loader sees it): the class loader that registered the gradient. */
	static final String OWNER = "fiji.ae.conv3dGradientOwner";

	private static Boolean available;

	private Conv3dGradient() {}

	/**
	 * Registers the gradient on the first call (TensorFlow's native library must be loaded: {@link Graphs} calls this
	 * when it loads it, before any graph of this class loader exists, so that the registry never changes while a
	 * gradient is being built); true when graphs of this class loader may train Conv3D ops. Idempotent, thread safe.
	 */
	public static synchronized boolean available() {
		if (available == null) available = register();
		return available;
	}

	/** {@code -Dfiji.ae.conv3dTraining=false} trains 3D networks with the shifted-plane convolutions instead. */
	public static final String TRAINING = "fiji.ae.conv3dTraining";

	/**
	 * True when 3D training graphs use Conv3D with this gradient: where {@link #available()}, unless turned off
	 * ({@link #TRAINING} false). A Conv3D training step takes 0.3 to 0.7 times as long as one of the shifted-plane
	 * convolutions (docs/BENCHMARKS.md). It was off by default while Conv3D training was erratic (PSNR gains from -5.8
	 * to 4.6 dB over runs of one seed on Modes3DTest's problem): the cause was the optimizer updating kernels that the
	 * input gradients were still reading (see train/AdamOptimizer), not this gradient. Inference always uses Conv3D.
	 */
	public static boolean trains() {
		return !"false".equalsIgnoreCase(System.getProperty(TRAINING, "true").trim()) && available();
	}

	private static boolean register() {
		final String self = Conv3dGradient.class.getClassLoader() + "@" + System.identityHashCode(Conv3dGradient.class
			.getClassLoader());
		try {
			if (TensorFlow.registerCustomGradient(Conv3d.Inputs.class, Conv3dGradient::gradient)) {
				System.setProperty(OWNER, self);
				return true;
			}
		}
		catch (final RuntimeException | LinkageError e) {
			// Windows (UnsupportedOperationException: TensorFlow Java cannot register gradients there), or a native
			// registry that refuses: the shifted-plane convolutions train everywhere
			return false;
		}
		// registered before: by this class loader (impossible: once per loader), by another one, or by TensorFlow
		final String owner = System.getProperty(OWNER);
		return owner == null || owner.equals(self);
	}

	/** d(loss)/d(input) and d(loss)/d(filter) of {@code conv} from d(loss)/d(output). */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Operand<?>> gradient(final org.tensorflow.op.Ops tf, final Conv3d.Inputs conv,
		final List<org.tensorflow.Output<?>> gradOutputs)
	{
		final Operand grad = gradOutputs.get(0);
		final List<Long> strides = asList(conv.strides), dilations = asList(conv.dilations);
		final Operand<?> dInput = tf.nn.conv3dBackpropInput(tf.shape(conv.input), conv.filter, grad, strides,
			conv.padding, Conv3dBackpropInput.dataFormat(conv.dataFormat), Conv3dBackpropInput.dilations(dilations));
		final Operand<?> dFilter = tf.nn.conv3dBackpropFilter(conv.input, tf.shape(conv.filter), grad, strides,
			conv.padding, Conv3dBackpropFilter.dataFormat(conv.dataFormat), Conv3dBackpropFilter.dilations(dilations));
		return Arrays.asList(dInput, dFilter);
	}

	private static List<Long> asList(final long[] values) {
		final Long[] boxed = new Long[values.length];
		for (int i = 0; i < values.length; i++)
			boxed[i] = values[i];
		return Arrays.asList(boxed);
	}
}
