package sc.fiji.autoencoders.image;

/** What a dimension of an {@link AxisImage} means: ImageJ's five axes. */
public enum Axis {

	/** Width (columns). */
	X,
	/** Height (rows). */
	Y,
	/** Depth (slices of a volume). */
	Z,
	/** Channel. */
	C,
	/** Time (frames). */
	T;

	/** True for X, Y and Z, the axes a network can convolve over. */
	public boolean isSpatial() {
		return this == X || this == Y || this == Z;
	}
}
