package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;

/** Settings of latent arithmetic, with the defaults every front end shows. */
public final class LatentArithmeticSettings {

	@Setting(label = "Images to change", required = true, help = "Every image A of this stack is decoded from code(A) " +
		"+ S (mean code of the added set - mean code of the subtracted set).")
	public ImagePlus image;
	@Setting(label = "Set whose mean code is added", required = true, help = "Images with the trait (B).")
	public List<ImagePlus> add;
	@Setting(label = "Set whose mean code is subtracted", required = true, help = "Images without it (C).")
	public List<ImagePlus> subtract;
	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
	/** How much of (mean code of the added set - mean code of the subtracted set) is added: 0 reconstructs the image. */
	@Setting(label = "Strength", help = "How much of (mean code of the added set - mean code of the subtracted set) " +
		"is added: 0 reconstructs the images.")
	public double strength = 1;
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A TIFF stack, or " +
		"a PNG row if the name ends in .png.")
	public File output;
}
