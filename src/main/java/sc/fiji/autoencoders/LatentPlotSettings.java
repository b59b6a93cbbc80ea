package sc.fiji.autoencoders;

import java.io.File;

import sc.fiji.autoencoders.io.Labels;

/** Settings of the latent-space scatter plot (names in each front end: {@link Settings}). */
public final class LatentPlotSettings {

	/** pca: the first two principal components of the codes; dims: the two code dimensions below. */
	@Choices({ "pca", "dims" })
	public String axes = "pca";
	/** Code dimension on the horizontal axis (axes dims), from 0. */
	public int dimX = 0;
	/** Code dimension on the vertical axis (axes dims), from 0. */
	public int dimY = 1;
	/**
	 * Colour by class: auto (the slice labels if every slice has one; a folder of class subfolders labels each image by
	 * its subfolder), slices (every slice must have one), or none (one colour).
	 */
	@Choices({ Labels.AUTO, Labels.SLICES, Labels.NONE })
	public String labels = Labels.AUTO;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	public File labelsFile;
}
