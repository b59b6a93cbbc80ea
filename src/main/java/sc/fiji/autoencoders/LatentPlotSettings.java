package sc.fiji.autoencoders;

/** Settings of the latent-space scatter plot (names in each front end: {@link Settings}). */
public final class LatentPlotSettings {

	/** pca: the first two principal components of the codes; dims: the two code dimensions below. */
	@Choices({ "pca", "dims" })
	public String axes = "pca";
	/** Code dimension on the horizontal axis (axes dims), from 0. */
	public int dimX = 0;
	/** Code dimension on the vertical axis (axes dims), from 0. */
	public int dimY = 1;
	/** slices: colour the points by the stack's slice labels (one class per distinct label); none: one colour. */
	@Choices({ "slices", "none" })
	public String labels = "slices";
}
