package sc.fiji.autoencoders;

import java.io.File;

/**
 * Settings of exporting a denoiser as a bioimage.io model package (names in each front end: {@link Settings}), for
 * deepImageJ, bioimage.io tools and this plugin's own {@code denoise}.
 */
public final class ExportSettings {

	/** The denoiser model file (.aemodel) to export. */
	public File model;
	/** The package to write (.zip). */
	public File output;
	/**
	 * An image of the kind the model denoises (TIFF/PNG), for the test tensors, sample images and cover; its first plane
	 * (3D models: first Z stack) is cropped around the centre. Empty: a synthetic image of blobs and noise.
	 */
	public File sample;
	/** The model's name in the package; empty: the output file's name. */
	public String name = "";
	/** A sentence or two on what the model is for; empty: generated from the model file. */
	public String description = "";
	/** Comma-separated author names; empty: the user's account name. */
	public String authors = "";
	/** SPDX license identifier of the package (bioimage.io suggests CC-BY-4.0 for models). */
	public String license = "CC-BY-4.0";
	/** Comma-separated tags beyond the generated ones (e.g. fluorescence,nuclei). */
	public String tags = "";
}
