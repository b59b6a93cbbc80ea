package sc.fiji.autoencoders;

/** Settings of latent arithmetic (names in each front end: {@link Settings}). */
public final class LatentArithmeticSettings {

	/** How much of (mean code of the added set - mean code of the subtracted set) is added: 0 reconstructs the image. */
	public double strength = 1;
}
