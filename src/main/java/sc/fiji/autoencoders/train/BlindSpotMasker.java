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
 * 3D (patches of D planes, as {@link PatchSampler} makes them): the grid's cells are cubes of about
 * {@code 100 / percent} voxels, the window is a cube (a masked voxel's replacement comes from its 3D neighbourhood,
 * never itself), and a structN2V line runs along x or y within the masked voxel's plane.
 * <p>
 * Replacement values are always read from the unmasked patch. Pixels of the window or line beyond the patch's edge do
 * not exist and are not used. Not thread-safe (the caller's {@link Random}).
 */
public final class BlindSpotMasker {

	private final Masking masking;
	private final int p, d;

	/** @param patchSize side of the patches; at least 4 (so that every window has a pixel to draw from) */
	public BlindSpotMasker(final Masking masking, final int patchSize) {
		this(masking, patchSize, 1);
	}

	/**
	 * Masks 3D patches of {@code patchDepth} planes (1: square 2D patches).
	 *
	 * @param patchSize side of the patches in X and Y; at least 4 (so that every window has a pixel to draw from)
	 */
	public BlindSpotMasker(final Masking masking, final int patchSize, final int patchDepth) {
		if (patchSize < 4) throw new IllegalArgumentException("Patches must be at least 4x4: " + patchSize);
		if (patchDepth < 1) throw new IllegalArgumentException("Patches need at least one plane: " + patchDepth);
		this.masking = masking.validate();
		this.p = patchSize;
		this.d = patchDepth;
	}

	/**
	 * Side of the grid cells, one masked pixel each: {@link Masking#cell()} in 2D; in 3D the cube root of the voxels
	 * per masked voxel, so that the same share of voxels is masked.
	 */
	int cell() {
		return d == 1 ? masking.cell() : Math.max(1, (int) Math.round(Math.cbrt(masking.pixelsPerMasked() / masking.percent())));
	}

	/**
	 * Masks every patch of {@code patches} (left unchanged).
	 *
	 * @return {network input, loss mask}: the input with the masked (and structN2V line) pixels replaced, and 1 at the
	 *         masked pixels, 0 elsewhere
	 */
	public float[][] mask(final float[] patches, final Random rng) {
		final int pp = p * p, n = pp * d;
		if (patches.length % n != 0) throw new IllegalArgumentException("Not a whole number of " + p + "x" + p +
			(d > 1 ? "x" + d : "") + " patches: " + patches.length + " values");
		final float[] input = patches.clone();
		final float[] mask = new float[patches.length];
		final int cell = cell();
		final int r = masking.window() / 2;
		final int h = masking.span() / 2;
		final StructMask struct = masking.struct();
		for (int off = 0; off < patches.length; off += n) {
			for (int cz = 0; cz < d; cz += cell)
				for (int cy = 0; cy < p; cy += cell)
					for (int cx = 0; cx < p; cx += cell) {
						final int y = cy + rng.nextInt(Math.min(cell, p - cy));
						final int x = cx + rng.nextInt(Math.min(cell, p - cx));
						// drawn after x and y, and only in 3D: 2D patches are masked exactly as before 3D existed
						final int z = d == 1 ? 0 : cz + rng.nextInt(Math.min(cell, d - cz));
						mask[off + z * pp + y * p + x] = 1;
						// the line first, so that a later masked pixel's own replacement is never overwritten by this one
						if (struct != StructMask.NONE) for (int k = -h; k <= h; k++) {
							final int lx = struct == StructMask.X ? x + k : x, ly = struct == StructMask.Y ? y + k : y;
							if (k == 0 || lx < 0 || ly < 0 || lx >= p || ly >= p) continue;
							input[off + z * pp + ly * p + lx] = patches[off + offLine(x, y, z, h, struct, rng)];
						}
					}
			// each masked pixel's replacement, after all lines: lines of neighbouring masked pixels may cross it
			final boolean mean = masking.replacement() == Replacement.MEAN;
			for (int i = 0; i < n; i++)
				if (mask[off + i] == 1) {
					final int x = i % p, y = i / p % p, z = i / pp;
					input[off + i] = mean ? windowMean(patches, off, x, y, z, r, struct) : patches[off + neighbour(x, y,
						z, r, struct, rng)];
				}
		}
		return new float[][] { input, mask };
	}

	/** As {@link #neighbour(int, int, int, int, StructMask, Random)} in the plane of a 2D patch. */
	int neighbour(final int x, final int y, final int r, final StructMask struct, final Random rng) {
		return neighbour(x, y, 0, r, struct, rng);
	}

	/**
	 * The index (in its patch) of a random pixel of the window of radius {@code r} around (x, y, z) inside the patch
	 * (a cube in 3D): never (x, y, z) itself when N2V2, never on the structN2V line through it.
	 */
	int neighbour(final int x, final int y, final int z, final int r, final StructMask struct, final Random rng) {
		final int side = 2 * r + 1;
		while (true) {
			final int dx = rng.nextInt(side) - r, dy = rng.nextInt(side) - r;
			final int dz = d == 1 ? 0 : rng.nextInt(side) - r;
			final int nx = x + dx, ny = y + dy, nz = z + dz;
			if (nx < 0 || ny < 0 || nz < 0 || nx >= p || ny >= p || nz >= d) continue;
			final boolean centre = dx == 0 && dy == 0 && dz == 0;
			if (centre && masking.excludeCentre()) continue;
			if (dz == 0 && (struct == StructMask.X && dy == 0 && dx != 0 || struct == StructMask.Y && dx == 0 &&
				dy != 0)) continue;
			if (struct != StructMask.NONE && centre) continue; // its own noise is on its line too
			return (nz * p + ny) * p + nx;
		}
	}

	/** As {@link #windowMean(float[], int, int, int, int, int, StructMask)} in the plane of a 2D patch. */
	float windowMean(final float[] patches, final int off, final int x, final int y, final int r,
		final StructMask struct)
	{
		return windowMean(patches, off, x, y, 0, r, struct);
	}

	/**
	 * The mean of the window of radius {@code r} around (x, y, z) inside the patch at {@code off} (a cube in 3D),
	 * without (x, y, z) and, for structN2V, without its line in plane z.
	 */
	float windowMean(final float[] patches, final int off, final int x, final int y, final int z, final int r,
		final StructMask struct)
	{
		double sum = 0;
		int count = 0;
		final int rz = d == 1 ? 0 : r;
		for (int nz = Math.max(0, z - rz); nz <= Math.min(d - 1, z + rz); nz++)
			for (int ny = Math.max(0, y - r); ny <= Math.min(p - 1, y + r); ny++)
				for (int nx = Math.max(0, x - r); nx <= Math.min(p - 1, x + r); nx++) {
					if (nz == z && (nx == x && ny == y || struct == StructMask.X && ny == y || struct == StructMask.Y &&
						nx == x)) continue;
					sum += patches[off + (nz * p + ny) * p + nx];
					count++;
				}
		return (float) (sum / count);
	}

	/** The index of a random pixel of the patch off the line of half-length h through (x, y) in plane z. */
	private int offLine(final int x, final int y, final int z, final int h, final StructMask struct,
		final Random rng)
	{
		while (true) {
			final int nx = rng.nextInt(p), ny = rng.nextInt(p);
			final int nz = d == 1 ? 0 : rng.nextInt(d);
			final boolean onLine = nz == z && (struct == StructMask.X ? ny == y && Math.abs(nx - x) <= h : nx == x && Math
				.abs(ny - y) <= h);
			if (!onLine) return (nz * p + ny) * p + nx;
		}
	}
}
