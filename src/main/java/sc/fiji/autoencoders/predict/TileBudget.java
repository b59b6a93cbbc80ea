package sc.fiji.autoencoders.predict;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.NetworkSpec;

/**
 * How many voxels one prediction tile may have, margins included, so that TensorFlow's memory for it stays bounded.
 * TensorFlow holds a network's activations of a whole tile at once (the skip connections keep every level's until the
 * decoder uses them), so its peak grows with the tile's voxels times the activation channels per input voxel: each
 * level's filters divided by how many input voxels one of its voxels stands for. {@link #BYTES_PER_ACTIVATION} turns
 * that into bytes (measured with {@code bench/TileMemory}), and the budget is {@link #DEFAULT_MEGABYTES} of it,
 * or {@code -Dfiji.ae.tileMegabytes=N}.
 */
public final class TileBudget {

	/**
	 * Default megabytes of network memory per tile (estimated as below): with the JVM, the image and its result, a
	 * 2048x2048x64 16-bit stack then denoises in 3D under 4 GB peak RSS (docs/BENCHMARKS.md, Memory).
	 */
	public static final long DEFAULT_MEGABYTES = 1024;
	/**
	 * Bytes TensorFlow's peak grows by per activation channel of one input voxel: float32 values (4 bytes) held about
	 * this many times over (a level's convolution input and output, its skip copy, the concatenation and the upsampled
	 * tensor, oneDNN's reordered copies). Measured on the benchmark's depth-3 3D network ({@code bench/TileMemory}: at
	 * most about 440 bytes a voxel for 1 to 4 M voxels, against 420 estimated; docs/BENCHMARKS.md, Memory).
	 */
	static final double BYTES_PER_ACTIVATION = 4 * 4.0;

	private TileBudget() {}

	/**
	 * The budget of a network's tiles, in voxel positions (a network of several channels: times the channels, each
	 * position holding one value per channel), margins included.
	 */
	public static long maxVoxels(final NetworkSpec spec) {
		return maxVoxels(spec, megabytes());
	}

	/** The voxels of tiles whose estimated network memory is {@code megabytes}. */
	public static long maxVoxels(final NetworkSpec spec, final long megabytes) {
		return Math.max(1, (long) (megabytes * 1024.0 * 1024.0 / bytesPerVoxel(spec)));
	}

	/** Estimated network memory per input voxel (per channel position), in bytes. */
	public static double bytesPerVoxel(final NetworkSpec spec) {
		return BYTES_PER_ACTIVATION * activationChannels(spec);
	}

	/**
	 * Activation channels per input voxel: the sum over the levels (the bottleneck included) of the level's filters
	 * divided by the input voxels one of its voxels covers (4 per level in 2D; in 3D also 2 per level that pools Z).
	 */
	static double activationChannels(final NetworkSpec spec) {
		double sum = 0, cover = 1;
		for (int level = 0; level <= spec.depth(); level++) {
			sum += Math.min((long) spec.filters() << level, spec.maxFilters()) / cover;
			if (level < spec.depth()) cover *= spec.dims() == 3 && spec.poolsZ(level) ? 8 : 4;
		}
		return sum;
	}

	private static long megabytes() {
		final String p = System.getProperty("fiji.ae.tileMegabytes");
		if (p == null) return DEFAULT_MEGABYTES;
		try {
			final long mb = Long.parseLong(p.trim());
			if (mb > 0) return mb;
		}
		catch (final NumberFormatException e) {
			// falls through to the message
		}
		throw new BadInputException("fiji.ae.tileMegabytes is '" + p + "': give a whole number " +
			"of megabytes, at least 1 (e.g. -Dfiji.ae.tileMegabytes=1024).");
	}
}
