package sc.fiji.autoencoders.train;

import java.util.Random;

/**
 * Neighbor2Neighbor's random neighbour sub-sampling (Huang et al. 2021): each 2x2 cell of a noisy patch gives one pixel
 * to a first and an adjacent, different pixel of the same cell to a second half-size image. The two halves show the
 * same scene one pixel apart with independent noise (for pixel-independent noise), so a network mapping the first to
 * the second learns to denoise with a loss on every pixel, unlike a blind spot's few masked ones.
 * <p>
 * Patches are square, patch-major and row-major, as {@link PatchSampler} makes them. Not thread-safe (the caller's
 * {@link Random}).
 */
public final class NeighborSubsampler {

	/**
	 * The ordered pairs of 4-adjacent pixels of a 2x2 cell (pixel index dy * 2 + dx), one drawn per cell: the pairs of
	 * the paper's code, never diagonal and never one pixel twice.
	 */
	static final int[][] PAIRS = { { 0, 1 }, { 0, 2 }, { 1, 3 }, { 2, 3 }, { 1, 0 }, { 2, 0 }, { 3, 1 }, { 3, 2 } };

	private final int p;

	/** @param patchSize side of the (full-size) patches: even, at least 2 */
	public NeighborSubsampler(final int patchSize) {
		if (patchSize < 2 || patchSize % 2 != 0) throw new IllegalArgumentException("Patches must have an even side: " +
			patchSize);
		this.p = patchSize;
	}

	/** One draw: for each pixel of the half-size images, the index of its source pixel in the full patches. */
	public static final class Draw {

		public final int[] first, second;

		Draw(final int[] first, final int[] second) {
			this.first = first;
			this.second = second;
		}

		/** The half-size images {@code idx} picks from {@code full} (patches of the side this draw was made for). */
		public static float[] pick(final float[] full, final int[] idx) {
			final float[] out = new float[idx.length];
			for (int i = 0; i < idx.length; i++)
				out[i] = full[idx[i]];
			return out;
		}
	}

	/** Draws the two sub-samplings of every patch of {@code patches} (only its length is read). */
	public Draw draw(final float[] patches, final Random rng) {
		final int n = p * p, h = p / 2;
		if (patches.length % n != 0) throw new IllegalArgumentException("Not a whole number of " + p + "x" + p +
			" patches: " + patches.length + " values");
		final int count = patches.length / n;
		final int[] first = new int[count * h * h], second = new int[first.length];
		int o = 0;
		for (int b = 0; b < count; b++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < h; x++, o++) {
					final int[] pair = PAIRS[rng.nextInt(PAIRS.length)];
					final int base = b * n + 2 * y * p + 2 * x;
					first[o] = base + pair[0] / 2 * p + pair[0] % 2;
					second[o] = base + pair[1] / 2 * p + pair[1] % 2;
				}
		return new Draw(first, second);
	}
}
