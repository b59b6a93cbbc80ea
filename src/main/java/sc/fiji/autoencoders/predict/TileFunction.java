package sc.fiji.autoencoders.predict;

/**
 * A fully convolutional network applied to one N-dimensional tile. Values are in ImgLib2's flat order: dimension 0
 * (X) fastest, then 1 (Y), then 2 (Z of a 3D tile); as a tensor that is shape {@code [1, ..., dims[1], dims[0], 1]}.
 */
@FunctionalInterface
public interface TileFunction {

	/**
	 * @param tile the input values; the caller may reuse the array once this returns
	 * @param dims the tile's size in each dimension (each a multiple of the network's size multiple)
	 * @return as many values, in the same order
	 */
	float[] apply(float[] tile, long[] dims);
}
