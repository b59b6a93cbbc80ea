package sc.fiji.autoencoders;

/** Settings of interpolating between two images in a VAE's latent space (names: {@link Settings}). */
public final class InterpolateSettings {

	/** Images in the strip, the two ends included. */
	public int steps = 8;
	/**
	 * The class of the first image, for a class-conditional VAE; empty: its slice label, if that is one of the model's
	 * classes. The condition moves from this class to {@link #toLabel} along with the code (the same class for both:
	 * within that class).
	 */
	public String fromLabel = "";
	/** The class of the second image, for a class-conditional VAE; empty: its slice label (see {@link #fromLabel}). */
	public String toLabel = "";
}
