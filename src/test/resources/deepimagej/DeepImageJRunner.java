import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs an exported SavedModel as deepImageJ's TensorFlow 2 engine does, in a JVM whose class path is TensorFlow Java
 * 0.5.0 (TensorFlow 2.10.1) and this class only (DeepImageJEngineTest compiles it against those jars): loads the
 * SavedModel with tag serve, applies the description's scale_linear preprocessing to the test input (float32), runs
 * the serving_default signature, applies the postprocessing, and prints how far the result is from the test output.
 * <p>
 * Arguments: SAVED_MODEL_DIR TEST_INPUT.npy TEST_OUTPUT.npy GAIN OFFSET OUT_GAIN OUT_OFFSET
 */
public class DeepImageJRunner {

	public static void main(final String[] args) throws Exception {
		System.out.println("tensorflow " + TensorFlow.version());
		final float gain = Float.parseFloat(args[3]), offset = Float.parseFloat(args[4]);
		final float outGain = Float.parseFloat(args[5]), outOffset = Float.parseFloat(args[6]);
		final long[][] inShape = new long[1][], outShape = new long[1][];
		final float[] in = npy(args[1], inShape), expected = npy(args[2], outShape);
		for (int i = 0; i < in.length; i++)
			in[i] = in[i] * gain + offset;
		try (SavedModelBundle bundle = SavedModelBundle.load(args[0], "serve");
			TFloat32 input = TFloat32.tensorOf(Shape.of(inShape[0]), DataBuffers.of(in, true, false));
			Result r = bundle.function("serving_default").call(Map.of("input", input)))
		{
			final Tensor t = r.get("output").orElseThrow();
			final TFloat32 output = (TFloat32) t;
			System.out.println("output shape " + output.shape());
			final float[] out = new float[(int) output.size()];
			output.asRawTensor().data().asFloats().read(out);
			if (out.length != expected.length) throw new IllegalStateException(out.length + " values, expected " +
				expected.length);
			double maxDiff = 0, maxAbs = 0;
			for (int i = 0; i < out.length; i++) {
				final float v = out[i] * outGain + outOffset;
				maxDiff = Math.max(maxDiff, Math.abs(v - expected[i]));
				maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
			}
			System.out.println("values " + out.length);
			System.out.println("max abs diff " + maxDiff);
			System.out.println("max abs expected " + maxAbs);
		}
	}

	/** A little-endian float32 C-order .npy file (version 1). */
	private static float[] npy(final String path, final long[][] shape) throws IOException {
		try (DataInputStream in = new DataInputStream(new FileInputStream(path))) {
			final byte[] start = new byte[10];
			in.readFully(start);
			final int len = (start[8] & 0xff) | (start[9] & 0xff) << 8;
			final byte[] h = new byte[len];
			in.readFully(h);
			final String header = new String(h, StandardCharsets.US_ASCII);
			if (!header.contains("'<f4'")) throw new IOException("not float32: " + header);
			final String dims = header.replaceAll("(?s).*'shape': \\(([^)]*)\\).*", "$1");
			final String[] parts = dims.split(",");
			int n = 0;
			for (final String p : parts)
				if (!p.trim().isEmpty()) n++;
			shape[0] = new long[n];
			long count = 1;
			n = 0;
			for (final String p : parts)
				if (!p.trim().isEmpty()) count *= shape[0][n++] = Long.parseLong(p.trim());
			final byte[] data = in.readNBytes((int) count * 4);
			final float[] v = new float[(int) count];
			ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
			return v;
		}
	}
}
