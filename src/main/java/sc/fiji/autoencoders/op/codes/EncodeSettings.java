package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.op.Setting;

/** Settings of encoding images to a table of codes, with the defaults every front end shows. */
public final class EncodeSettings {

	@Setting(label = "Images", required = true, aliases = "image", help = "Stacks, folders or IDX files; one row per " +
		"image.")
	public List<ImagePlus> input;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
	/**
	 * Where the label column comes from: auto (the slice labels if every slice has one; a folder of class subfolders
	 * labels each image by its subfolder), slices (every slice must have one), or none.
	 */
	@Setting(label = "Label column", choices = { Labels.AUTO, Labels.SLICES, Labels.NONE }, help = "auto: the slice " +
		"labels if every slice has one (a folder of class subfolders labels each image by its subfolder); slices: " +
		"every slice must have one; none.")
	public String labels = Labels.AUTO;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	@Setting(label = "Labels file", transientValue = true, help = "A CSV file with a 'label' column (and optionally " +
		"'image', the 1-based image number) instead.")
	public File labelsFile;
	@Setting(label = "Output table", writes = true, commandLineOnly = true, required = true, help = "A CSV file.")
	public File output;
}
