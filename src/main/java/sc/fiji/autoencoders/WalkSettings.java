package sc.fiji.autoencoders;

/** Settings of a latent walk: a grid sweeping two latent dimensions of a VAE (names: {@link Settings}). */
public final class WalkSettings {

	/** Latent dimension along the rows (0-based). */
	public int dimI = 0;
	/** Latent dimension along the columns (0-based). */
	public int dimJ = 1;
	/** The sweep goes from -range to range standard deviations. */
	public double range = 3;
	/** Images per side of the grid. */
	public int grid = 8;
	/** A class-conditional VAE: the class (one of its labels) of every image of the grid; empty for other models. */
	public String label = "";
}
