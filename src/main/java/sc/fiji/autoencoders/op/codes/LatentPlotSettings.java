package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.op.Setting;

/** Settings of the latent-space scatter plot, with the defaults every front end shows. */
public final class LatentPlotSettings {

	@Setting(label = "Images", required = true, aliases = "image", help = "Stacks, folders or IDX files; slice labels " +
		"give classes.")
	public List<ImagePlus> input;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
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
	/**
	 * Colour by class: auto (the slice labels if every slice has one; a folder of class subfolders labels each image by
	 * its subfolder), slices (every slice must have one), or none (one colour).
	 */
	@Setting(label = "Colour by", choices = { Labels.AUTO, Labels.SLICES, Labels.NONE }, help = "auto: the slice " +
		"labels if every slice has one (a folder of class subfolders labels each image by its subfolder); slices: " +
		"every slice must have one; none: one colour.")
	public String labels = Labels.AUTO;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	@Setting(label = "Labels file", transientValue = true, help = "A CSV file with a 'label' column (and optionally " +
		"'image', the 1-based image number) instead.")
	public File labelsFile;
	@Setting(label = "Output plot", writes = true, commandLineOnly = true, required = true, help = "A PNG file.")
	public File output;
}
