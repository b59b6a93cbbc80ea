package sc.fiji.autoencoders.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float arrays with their shapes, in creation order: the trainable parameters of a network (or optimizer
 * state). Stored in model files as plain arrays.
 */
public final class Weights {

	/** One named array and its shape. */
	public static final class Entry {

		private final long[] shape;
		private final float[] values;

		public Entry(final long[] shape, final float[] values) {
			if (Weights.size(shape) != values.length) {
				throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " does not hold " + values.length +
					" values");
			}
			this.shape = shape.clone();
			this.values = values;
		}

		public long[] shape() {
			return shape.clone();
		}

		public float[] values() {
			return values;
		}
	}

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	public void put(final String name, final long[] shape, final float[] values) {
		entries.put(name, new Entry(shape, values));
	}

	public Entry get(final String name) {
		return entries.get(name);
	}

	public boolean contains(final String name) {
		return entries.containsKey(name);
	}

	public Map<String, Entry> entries() {
		return Collections.unmodifiableMap(entries);
	}

	public int size() {
		return entries.size();
	}

	/** Total number of values in all arrays. */
	public long parameterCount() {
		long n = 0;
		for (final Entry e : entries.values())
			n += e.values.length;
		return n;
	}

	public Weights copy() {
		final Weights w = new Weights();
		entries.forEach((k, e) -> w.put(k, e.shape, e.values.clone()));
		return w;
	}

	public static long size(final long[] shape) {
		long n = 1;
		for (final long d : shape)
			n *= d;
		return n;
	}
}
