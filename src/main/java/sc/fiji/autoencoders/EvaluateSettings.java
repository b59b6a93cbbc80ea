package sc.fiji.autoencoders;

/** Settings of evaluating a denoiser on clean images (names in each front end: {@link Settings}). */
public final class EvaluateSettings {

	/** Noise added before denoising; empty: the noise the model was trained for. */
	public String noise = "";
	/** Seed of the added noise, so that runs are comparable. */
	public long seed = 1;
	/** Average the predictions of the 8 flips and quarter turns. */
	public boolean ensemble = false;
	/** TensorFlow threads, 0 for all cores. */
	public int threads = 0;
}
