package sc.fiji.autoencoders.op.denoising;

import java.io.File;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Setting;

/** Settings of denoising an image with a trained model, with the defaults every front end shows. */
public final class DenoiseSettings extends PredictionSettings {

	@Setting(label = "Image to denoise", required = true, help = "An image, stack or hyperstack; a virtual stack is " +
		"read and written plane by plane, into NAME-denoised.tif beside its file.")
	public ImagePlus image;
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A 32-bit TIFF.")
	public File output;
}
