package sc.fiji.autoencoders.predict;

/**
 * A denoiser's network opened for prediction: one normalized tile in, the denoised tile out (normalized), and the
 * tiling that its receptive field and size multiples need. {@link Denoiser} does the rest for every family (the
 * normalization, the self-ensemble, non-finite pixels), so a family writes only what its network does.
 * One instance serves one thread at a time; close it to free its native graph and session.
 */
public interface TileNetwork extends TileFunction, AutoCloseable {

	/** How blocks are cut into this network's tiles (X, Y[, Z]; channels first, whole, for joint channels). */
	TiledPredictor tiler();

	@Override
	void close();
}
