package sc.fiji.autoencoders;

/** Settings of interpolating between two images in a VAE's latent space (names: {@link Settings}). */
public final class InterpolateSettings {

	/** Images in the strip, the two ends included. */
	public int steps = 8;
}
