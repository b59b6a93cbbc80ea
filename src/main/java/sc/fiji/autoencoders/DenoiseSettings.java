package sc.fiji.autoencoders;

import sc.fiji.autoencoders.predict.Denoiser;

/** Settings of denoising with a trained model, with the defaults every front end shows (names: {@link Settings}). */
public final class DenoiseSettings {

	/** Comma-separated model files for channels 2, 3, ...; empty: the one model for every channel. */
	public String channelModels = "";
	/**
	 * Largest tile side in pixels; smaller tiles use less memory. Tiles are also kept within a voxel budget that bounds
	 * the network's memory ({@link sc.fiji.autoencoders.predict.TileBudget}).
	 */
	public int tileSize = Denoiser.DEFAULT_TILE;
	/** Average the predictions of the 8 flips and quarter turns (8 times the work, a few tenths of a dB better). */
	public boolean ensemble = false;
	/** TensorFlow threads, 0 for all cores. */
	public int threads = 0;
}
