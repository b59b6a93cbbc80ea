package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.op.Setting;

/**
 * What the operations that turn images into codes share: the images, the model, and where each image's class comes
 * from. The subclasses add what they make of the codes.
 */
public abstract class ImagesToCodeSettings {

	@Setting(label = "Images", required = true, aliases = "image", help = "Stacks, folders or IDX files; one code " +
		"per image.")
	public List<ImagePlus> input;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
	/**
	 * Each image's class: auto (the slice labels if every slice has one; a folder of class subfolders labels each image
	 * by its subfolder), slices (every slice must have one), or none.
	 */
	@Setting(label = "Classes", choices = { Labels.AUTO, Labels.SLICES, Labels.NONE }, help = "auto: the slice " +
		"labels if every slice has one (a folder of class subfolders labels each image by its subfolder); slices: " +
		"every slice must have one; none: no classes.")
	public String labels = Labels.AUTO;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	@Setting(label = "Labels file", transientValue = true, help = "A CSV file with a 'label' column (and optionally " +
		"'image', the 1-based image number) instead.")
	public File labelsFile;
}
