package sc.fiji.autoencoders.op.denoising;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.predict.Denoiser;

/** The model and how it runs: what every kind of denoising shares, with the defaults every front end shows. */
public abstract class PredictionSettings {

	@Setting(label = "Denoiser model file", aliases = "model_file", help = "A denoiser (.aemodel) or a package " +
		"written by export.")
	public File model;
	/** Comma-separated model files for channels 2, 3, ...; empty: the one model for every channel. */
	@Setting(label = "Other channels' models", transientValue = true, help = "Comma-separated model files for " +
		"channels 2, 3, ...; empty: the model above for every channel.")
	public String channelModels = "";
	/**
	 * Largest tile side in pixels; smaller tiles use less memory. Tiles are also kept within a voxel budget that bounds
	 * the network's memory ({@link sc.fiji.autoencoders.predict.TileBudget}).
	 */
	@Setting(label = "Largest tile size", unit = "pixels", min = "64", advanced = true, aliases = "tile", help =
		"Smaller tiles use less memory; tiles are also kept within a voxel budget that bounds the network's memory.")
	public int tileSize = Denoiser.DEFAULT_TILE;
	/** Average the predictions of the 8 flips and quarter turns (8 times the work, a few tenths of a dB better). */
	@Setting(label = "Average 8 flips and turns (ensemble)", help = "8 times the work, a few tenths of a dB better.")
	public boolean ensemble = false;
	/** TensorFlow threads, 0 for all cores. */
	@Setting(label = "TensorFlow threads", min = "0", advanced = true, help = "0: all cores.")
	public int threads = 0;
}
