package sc.fiji.autoencoders.model;

import java.util.Locale;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The effective receptive field of a trained denoiser (stored as {@code receptiveField} in the model file): the
 * distance, along X and Y and along Z, beyond which raising one input voxel by the whole normalized data range changes
 * no output by more than {@code tolerance} of that range. Measured once at the end of training from the impulse
 * response of the trained network; prediction tiles carry margins of this radius instead of the worst-case bound of
 * the architecture, which for a depth-3 3D U-Net is 3 (XY) to 4 (Z) times larger. Files without it use the bound.
 */
public final class ReceptiveField {

	/** The default tolerance: a change of 1e-4 of the data range, far below the noise a denoiser removes. */
	public static final double DEFAULT_TOLERANCE = 1e-4;

	private final int xy;
	private final int z;
	private final double tolerance;

	/**
	 * @param xy radius along X and Y (Chebyshev distance in the plane), in pixels
	 * @param z radius along Z in planes (0 for a 2D network)
	 * @param tolerance largest change of any output, in units of the normalized data range, by one input voxel farther
	 *          away than the radius raised by the whole range
	 */
	public ReceptiveField(final int xy, final int z, final double tolerance) {
		this.xy = xy;
		this.z = z;
		this.tolerance = tolerance;
	}

	public int xy() {
		return xy;
	}

	public int z() {
		return z;
	}

	public double tolerance() {
		return tolerance;
	}

	/** Throws {@link BadInputException} if a radius is negative or the tolerance is not a small positive number. */
	public ReceptiveField validate() {
		if (xy < 0 || z < 0) throw new BadInputException("Receptive field radius " + xy + " (XY), " + z + " (Z) is " +
			"negative: radii are 0 or more.");
		if (!(tolerance > 0 && tolerance < 1)) throw new BadInputException("Receptive field tolerance " + tolerance +
			" is out of range: use more than 0 and less than 1.");
		return this;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof ReceptiveField)) return false;
		final ReceptiveField r = (ReceptiveField) o;
		return xy == r.xy && z == r.z && tolerance == r.tolerance;
	}

	@Override
	public int hashCode() {
		return (31 * xy + z) * 31 + Double.hashCode(tolerance);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%d px (XY)%s, tolerance %.0e of the data range", xy, z > 0 ? ", " + z +
			" planes (Z)" : "", tolerance);
	}
}
