package sc.fiji.autoencoders.model;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.engine.AppPlatform;

/**
 * Which device runs TensorFlow here, told as one line, which {@link Graphs} logs (stderr, Fiji's console) when the GPU
 * natives are installed: a GPU when the GPU natives (the opt-in GPU update
 * site, docs/INSTALL.md) are installed and TensorFlow finds a GPU with CUDA; else the CPU, and when the GPU natives are
 * installed but found no GPU, why, and what to do. TensorFlow's GPU build itself falls back to the CPU when it cannot
 * load CUDA; this line makes that visible instead of silent.
 */
public final class TensorFlowDevice {

	private static volatile String line;

	private TensorFlowDevice() {}

	/** The line, found once per class loader by running one small operation and reading where it ran. */
	public static String line() {
		if (line == null) synchronized (TensorFlowDevice.class) {
			if (line == null) {
				final String platform = AppPlatform.current();
				line = describe(Graphs.loadNative(), platform, gpuNatives(TensorFlowDevice.class.getClassLoader(),
					platform), ranOn());
			}
		}
		return line;
	}

	/**
	 * The line for TensorFlow {@code version} on {@code platform} (the updater's name), with or without the GPU
	 * natives, when an operation ran on {@code device} (a TensorFlow device name, e.g.
	 * {@code /job:localhost/replica:0/task:0/device:CPU:0}).
	 */
	static String describe(final String version, final String platform, final boolean gpuNatives, final String device) {
		final String name = device.replaceAll(".*device:", "");
		if (name.startsWith("GPU")) return "TensorFlow " + version + " runs on " + name + " (GPU natives, " + platform +
			")";
		if (!gpuNatives) return "TensorFlow " + version + " runs on " + name + " (CPU natives, " + platform + ")";
		return "TensorFlow " + version + " runs on " + name + ": the GPU natives are installed, but TensorFlow found no " +
			"usable GPU. It needs an NVIDIA GPU with its driver, CUDA 12 and cuDNN 9 on the library path " +
			"(LD_LIBRARY_PATH); without them it runs on the CPU, as now. To use the smaller CPU natives instead, " +
			"deactivate the Fiji-Autoencoders-GPU update site in Help > Update... and update the natives it then " +
			"lists as modified (docs/INSTALL.md).";
	}

	/** True when the GPU natives for this platform are installed (the GPU update site). */
	public static boolean gpuNativesInstalled() {
		return gpuNatives(TensorFlowDevice.class.getClassLoader(), AppPlatform.current());
	}

	/** True when {@code loader} holds TensorFlow's GPU build for {@code platform} (JavaCPP prefers it to the CPU's). */
	static boolean gpuNatives(final ClassLoader loader, final String platform) {
		final String classifier = AppPlatform.TENSORFLOW_CLASSIFIERS.get(platform);
		return classifier != null && loader.getResource("org/tensorflow/internal/c_api/" + classifier + "-gpu/" + System
			.mapLibraryName("jnitensorflow")) != null;
	}

	/** Where TensorFlow places a float operation by default: its first GPU if it has one, else the CPU. */
	private static String ranOn() {
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
			final Operand<TFloat32> y = tf.math.square(x); // fed, so that no constant folding moves it away
			try (Session s = new Session(g); TFloat32 in = TFloat32.scalarOf(2f); Result r = s.runner().feed(x, in)
				.fetch(y).setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build())
				.runAndFetchMetadata())
			{
				final RunMetadata m = r.getMetadata().orElse(RunMetadata.getDefaultInstance());
				String device = "/device:CPU:0";
				for (final DeviceStepStats d : m.getStepStats().getDevStatsList())
					if (d.getDevice().contains("device:GPU")) device = d.getDevice();
				return device;
			}
		}
	}
}
