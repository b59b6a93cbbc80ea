package sc.fiji.autoencoders.op.codes;

import java.io.File;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;

/** Settings of an interpolation in latent space, with the defaults every front end shows. */
public final class InterpolateSettings {

	@Setting(label = "Stack with the two images", required = true, aliases = "image", help = "The stack holding the two ends " +
		"(slices from_slice and to_slice); on the command line --from and --to name them instead.")
	public ImagePlus stack;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
	@Setting(label = "From slice", min = "1")
	public int fromSlice = 1;
	@Setting(label = "To slice", min = "1")
	public int toSlice = 2;
	/** Images in the strip, the two ends included. */
	@Setting(label = "Steps", min = "2", help = "Images in the strip, the two ends included.")
	public int steps = 8;
	/**
	 * The class of the first image, for a class-conditional VAE; empty: its slice label, if that is one of the model's
	 * classes. The condition moves from this class to {@link #toLabel} along with the code (the same class for both:
	 * within that class).
	 */
	@Setting(label = "Class of the first image", advanced = true, help = "For a class-conditional VAE; empty: its " +
		"slice label. The condition moves from this class to the second's along with the code.")
	public String fromLabel = "";
	/** The class of the second image, for a class-conditional VAE; empty: its slice label (see {@link #fromLabel}). */
	@Setting(label = "Class of the second image", advanced = true, help = "For a class-conditional VAE; empty: its " +
		"slice label; the same class as the first interpolates within it.")
	public String toLabel = "";
	@Setting(label = "First image", commandLineOnly = true, help = "A file, or slice N of a stack as STACK:N.")
	public String from = "";
	@Setting(label = "Second image", commandLineOnly = true, help = "A file, or slice N of a stack as STACK:N.")
	public String to = "";
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A TIFF stack, or " +
		"a PNG row if the name ends in .png.")
	public File output;
}
