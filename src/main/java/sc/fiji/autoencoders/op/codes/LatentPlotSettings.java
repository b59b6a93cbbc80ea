package sc.fiji.autoencoders.op.codes;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;

/** Settings of the latent-space scatter plot, coloured by class when there are classes. */
public final class LatentPlotSettings extends ImagesToCodeSettings {

	/** pca: the first two principal components of the codes; dims: the two code dimensions below. */
	@Setting(label = "Axes", choices = { "pca", "dims" }, help = "pca: the first two principal components of the " +
		"codes; dims: the two code dimensions below.")
	public String axes = "pca";
	/** Code dimension on the horizontal axis (axes dims), from 0. */
	@Setting(label = "Horizontal code dimension", min = "0", help = "With axes dims, from 0.")
	public int dimX = 0;
	/** Code dimension on the vertical axis (axes dims), from 0. */
	@Setting(label = "Vertical code dimension", min = "0", help = "With axes dims, from 0.")
	public int dimY = 1;
	@Setting(label = "Output plot", writes = true, commandLineOnly = true, required = true, help = "A PNG file.")
	public File output;
}
