package sc.fiji.autoencoders.model;

import java.util.Locale;

import org.tensorflow.Graph;
import org.tensorflow.TensorFlow;

/** Makes graphs, loading TensorFlow's native library first (once per JVM) with a message users can act on. */
public final class Graphs {

	private static volatile String version;

	private Graphs() {}

	/** A new, empty graph; fails with a clear message when TensorFlow cannot load on this machine. */
	public static Graph create() {
		loadNative();
		return new Graph();
	}

	/** Loads TensorFlow's native library (the JVM does it once) and returns TensorFlow's version. */
	public static String loadNative() {
		if (version != null) return version;
		synchronized (Graphs.class) {
			if (version == null) {
				try {
					final String v = TensorFlow.version();
					Conv3dGradient.available(); // before any graph of this class loader exists (see there)
					version = v;
					// with the CPU natives the CPU runs, as ever, and nothing is said
					if (TensorFlowDevice.gpuNativesInstalled()) System.err.println("[Fiji Autoencoders] " +
						TensorFlowDevice.line());
				}
				catch (final LinkageError e) {
					throw new IllegalStateException(nativeFailure(e), e);
				}
			}
			return version;
		}
	}

	static String nativeFailure(final Throwable e) {
		final String os = System.getProperty("os.name", "?"), arch = System.getProperty("os.arch", "?");
		final String platform = os.toLowerCase(Locale.ROOT).replaceAll("\\s.*", "") + "-" + arch;
		return "TensorFlow's native library could not be loaded on " + platform + " (" + e + "). Fiji Autoencoders " +
			"runs on Linux x86-64/arm64, macOS arm64 and Windows x86-64 (64-bit Java 11+); on Windows install the " +
			"Microsoft Visual C++ Redistributable 2015-2022; on Linux glibc 2.28 or newer is needed. If another Fiji " +
			"plugin's TensorFlow 1.x jars are installed, check that lib/fiji-autoencoders/ holds this plugin's " +
			"TensorFlow jars (see README, Installing).";
	}
}
