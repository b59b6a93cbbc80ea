package sc.fiji.autoencoders.io;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.model.Weights;

/** A model file's stored arrays (weights, optimizer state): checked against the network's, and read. */
final class StoredArrays {

	private StoredArrays() {}

	/** Stored arrays must be exactly the expected ones: none missing, none extra, all with the right shape. */
	static void match(final Map<String, long[]> stored, final Map<String, long[]> expected, final String what,
		final At at)
	{
		for (final Map.Entry<String, long[]> e : expected.entrySet()) {
			final long[] s = stored.get(e.getKey());
			if (s == null) throw at.damaged("its " + what + " '" + e.getKey() + "' are missing");
			if (!Arrays.equals(s, e.getValue())) throw at.damaged("its " + what + " '" + e.getKey() +
				"' have shape " + Arrays.toString(s) + " but the network needs " + Arrays.toString(e.getValue()));
		}
		for (final String name : stored.keySet())
			if (!expected.containsKey(name)) throw at.damaged("it has unexpected " + what + " '" + ModelFile
				.sanitize(name) + "' that the network does not use");
	}

	static Weights arrays(final Map<String, long[]> index, final byte[] data, final long expectedBytes,
		final String entry, final File file)
	{
		if (data.length != expectedBytes) throw ModelFile.damaged(file, entry + " holds " + data.length +
			" bytes but spec.json announces " + expectedBytes);
		final FloatBuffer fb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
		final Weights w = new Weights();
		for (final Map.Entry<String, long[]> e : index.entrySet()) {
			final float[] values = new float[(int) Weights.size(e.getValue())];
			fb.get(values);
			for (final float v : values)
				if (!Float.isFinite(v)) throw ModelFile.damaged(file, "array '" + e.getKey() + "' in " + entry +
					" contains NaN or infinity");
			w.put(e.getKey(), e.getValue(), values);
		}
		return w;
	}
}
