package sc.fiji.autoencoders.image;

import java.util.Objects;

/**
 * The distance between neighbouring samples along one axis and its unit: the pixel width (X), height (Y) or voxel
 * depth (Z) in e.g. "µm", or the frame interval (T) in e.g. "sec". Immutable.
 */
public final class Spacing {

	/** One "pixel" per sample: what an uncalibrated axis (and every channel axis) has. */
	public static final Spacing UNCALIBRATED = new Spacing(1, "pixel");

	private final double size;
	private final String unit;

	/**
	 * @param size distance between samples, finite and positive
	 * @param unit its unit (not null; may be empty)
	 * @throws IllegalArgumentException if {@code size} is not finite and positive or {@code unit} is null
	 */
	public Spacing(final double size, final String unit) {
		if (!(size > 0 && size < Double.POSITIVE_INFINITY)) {
			throw new IllegalArgumentException("Spacing must be finite and positive, got " + size);
		}
		if (unit == null) throw new IllegalArgumentException("Spacing unit must not be null");
		this.size = size;
		this.unit = unit;
	}

	/** The distance between neighbouring samples, in {@link #unit()}s. */
	public double size() {
		return size;
	}

	public String unit() {
		return unit;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Spacing)) return false;
		final Spacing s = (Spacing) o;
		return Double.compare(s.size, size) == 0 && s.unit.equals(unit);
	}

	@Override
	public int hashCode() {
		return Objects.hash(size, unit);
	}

	@Override
	public String toString() {
		return size + " " + unit;
	}
}
