package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Which levels of a 3D network ({@link NetworkSpec#dims()} 3) also halve Z when they pool; X and Y are halved at every
 * level. The choice a user makes; the network stores the levels it resolved to ({@link NetworkSpec#zPooling()}).
 * <p>
 * The rule of {@link #AUTO}, after nnU-Net's: a level pools Z only when the Z step at that level is less than twice the
 * XY step there, i.e. once the XY pooling of the levels above has made X and Y about as coarse as Z. Isotropic voxels
 * pool Z at every level; a voxel depth 3 times the pixel width (typical widefield or confocal stacks) pools Z from the
 * second level on, 5 times from the third. Z is never pooled so often that a training patch has fewer than 2 planes at
 * the lowest level ({@code patchDepth / 2^zLevels >= 2}), so a thin patch keeps its deeper levels Z-only-convolving.
 * Without a calibration (or with different units for Z and X) the voxels count as isotropic.
 */
public enum ZPooling implements Choice {

	/** From the voxel depth and the patch depth (the rule above). */
	AUTO,
	/** At every level (isotropic voxels); the patch depth must be a multiple of 2^depth. */
	ALL,
	/** At no level: Z is only convolved (very coarse Z steps, or few planes). */
	NONE;

	/** @throws BadInputException naming the valid ids if {@code text} is none of them */
	public static ZPooling parse(final String text) {
		return Choice.parse(ZPooling.class, text, "Z pooling");
	}

	/**
	 * The levels (0 first) that pool Z.
	 *
	 * @param depth the network's pooling levels
	 * @param anisotropy voxel depth divided by pixel width (1 for isotropic or uncalibrated voxels)
	 * @param patchDepth Z planes of a training patch
	 */
	public boolean[] levels(final int depth, final double anisotropy, final int patchDepth) {
		final boolean[] z = new boolean[Math.max(0, depth)];
		if (this == NONE) return z;
		if (this == ALL) {
			java.util.Arrays.fill(z, true);
			return z;
		}
		final double a = anisotropy > 0 && Double.isFinite(anisotropy) ? anisotropy : 1;
		double zStep = a, xyStep = 1;
		int planes = patchDepth;
		for (int l = 0; l < z.length; l++) {
			if (zStep < 2 * xyStep && planes / 2 >= 2 && planes % 2 == 0) {
				z[l] = true;
				zStep *= 2;
				planes /= 2;
			}
			xyStep *= 2;
		}
		return z;
	}

	@Override
	public String toString() {
		return id();
	}
}
