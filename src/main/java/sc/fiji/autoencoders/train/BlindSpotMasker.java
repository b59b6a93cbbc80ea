package sc.fiji.autoencoders.train;

import java.util.Random;

import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.Replacement;
import sc.fiji.autoencoders.model.StructMask;

/**
 * Noise2Void's blind-spot masking of a batch of square patches (patch-major, row-major, as {@link PatchSampler} makes
 * them). In each patch, one pixel at a random place of each cell of a grid (cells of {@link Masking#cell()} pixels a
 * side: stratified, so the masked pixels cover the patch evenly) is masked: its input value is replaced by the value
 * of a random pixel of the window around it, never itself when {@link Masking#excludeCentre()} (N2V2), and the loss
 * counts there only, against its original noisy value. A network that cannot see a pixel's own noisy value can only
 * predict it from its surroundings, that is predict the signal: it learns to denoise from noisy images alone, as long
 * as the noise of different pixels is independent.
 * <p>
 * structN2V ({@link Masking#struct()} x or y): for noise correlated along rows or columns, the pixels of a line of
 * {@link Masking#span()} pixels through each masked pixel are replaced too (by the values of random pixels of the patch
 * off that line), and the masked pixel's own replacement is drawn off the line, so that neither its input nor its
 * neighbours' carry its noise. The loss stays on the masked pixel.
 * <p>
 * Replacement values are always read from the unmasked patch. Pixels of the window or line beyond the patch's edge do
 * not exist and are not used. Not thread-safe (the caller's {@link Random}).
 */
public final class BlindSpotMasker {

	private final Masking masking;
	private final int p;

	/** @param patchSize side of the patches; at least 4 (so that every window has a pixel to draw from) */
	public BlindSpotMasker(final Masking masking, final int patchSize) {
		if (patchSize < 4) throw new IllegalArgumentException("Patches must be at least 4x4: " + patchSize);
		this.masking = masking.validate();
		this.p = patchSize;
	}

	/**
	 * Masks every patch of {@code patches} (left unchanged).
	 *
	 * @return {network input, loss mask}: the input with the masked (and structN2V line) pixels replaced, and 1 at the
	 *         masked pixels, 0 elsewhere
	 */
	public float[][] mask(final float[] patches, final Random rng) {
		final int n = p * p;
		if (patches.length % n != 0) throw new IllegalArgumentException("Not a whole number of " + p + "x" + p +
			" patches: " + patches.length + " values");
		final float[] input = patches.clone();
		final float[] mask = new float[patches.length];
		final int cell = masking.cell();
		final int r = masking.window() / 2;
		final int h = masking.span() / 2;
		final StructMask struct = masking.struct();
		for (int off = 0; off < patches.length; off += n) {
			for (int cy = 0; cy < p; cy += cell)
				for (int cx = 0; cx < p; cx += cell) {
					final int y = cy + rng.nextInt(Math.min(cell, p - cy));
					final int x = cx + rng.nextInt(Math.min(cell, p - cx));
					mask[off + y * p + x] = 1;
					// the line first, so that a later masked pixel's own replacement is never overwritten by this one
					if (struct != StructMask.NONE) for (int k = -h; k <= h; k++) {
						final int lx = struct == StructMask.X ? x + k : x, ly = struct == StructMask.Y ? y + k : y;
						if (k == 0 || lx < 0 || ly < 0 || lx >= p || ly >= p) continue;
						input[off + ly * p + lx] = patches[off + offLine(x, y, h, struct, rng)];
					}
				}
			// each masked pixel's replacement, after all lines: lines of neighbouring masked pixels may cross it
			final boolean mean = masking.replacement() == Replacement.MEAN;
			for (int i = 0; i < n; i++)
				if (mask[off + i] == 1) {
					final int x = i % p, y = i / p;
					input[off + i] = mean ? windowMean(patches, off, x, y, r, struct) : patches[off + neighbour(x, y, r,
						struct, rng)];
				}
		}
		return new float[][] { input, mask };
	}

	/**
	 * The index of a random pixel of the window of radius {@code r} around (x, y) inside the patch: never (x, y) itself
	 * when N2V2, never on the structN2V line through it.
	 */
	int neighbour(final int x, final int y, final int r, final StructMask struct, final Random rng) {
		final int side = 2 * r + 1;
		while (true) {
			final int dx = rng.nextInt(side) - r, dy = rng.nextInt(side) - r;
			final int nx = x + dx, ny = y + dy;
			if (nx < 0 || ny < 0 || nx >= p || ny >= p) continue;
			if (dx == 0 && dy == 0 && masking.excludeCentre()) continue;
			if (struct == StructMask.X && dy == 0 && dx != 0 || struct == StructMask.Y && dx == 0 && dy != 0) continue;
			if (struct != StructMask.NONE && dx == 0 && dy == 0) continue; // its own noise is on its line too
			return ny * p + nx;
		}
	}

	/**
	 * The mean of the window of radius {@code r} around (x, y) inside the patch at {@code off}, without (x, y) and,
	 * for structN2V, without its line.
	 */
	float windowMean(final float[] patches, final int off, final int x, final int y, final int r,
		final StructMask struct)
	{
		double sum = 0;
		int count = 0;
		for (int ny = Math.max(0, y - r); ny <= Math.min(p - 1, y + r); ny++)
			for (int nx = Math.max(0, x - r); nx <= Math.min(p - 1, x + r); nx++) {
				if (nx == x && ny == y || struct == StructMask.X && ny == y || struct == StructMask.Y && nx == x) continue;
				sum += patches[off + ny * p + nx];
				count++;
			}
		return (float) (sum / count);
	}

	/** The index of a random pixel of the patch off the line of half-length h through (x, y). */
	private int offLine(final int x, final int y, final int h, final StructMask struct, final Random rng) {
		while (true) {
			final int nx = rng.nextInt(p), ny = rng.nextInt(p);
			final boolean onLine = struct == StructMask.X ? ny == y && Math.abs(nx - x) <= h : nx == x && Math.abs(ny -
				y) <= h;
			if (!onLine) return ny * p + nx;
		}
	}
}
