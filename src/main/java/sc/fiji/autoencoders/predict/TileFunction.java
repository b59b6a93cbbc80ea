package sc.fiji.autoencoders.predict;

/** A fully convolutional network applied to one tile: {@code width * height} values in, as many out. */
@FunctionalInterface
public interface TileFunction {

	float[] apply(float[] tile, int width, int height);
}
