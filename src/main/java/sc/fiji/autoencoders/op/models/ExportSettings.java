package sc.fiji.autoencoders.op.models;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;

/**
 * Settings of exporting a denoiser as a bioimage.io model package (names in each front end: {@link Settings}), for
 * deepImageJ, bioimage.io tools and this plugin's own {@code denoise}.
 */
public final class ExportSettings {

	/** The denoiser model file (.aemodel) to export. */
	@Setting(label = "Denoiser model file", aliases = "model_file", help = "The denoiser (.aemodel) to export.")
	public File model;
	/** The package to write (.zip). */
	@Setting(label = "Package to write", writes = true, required = true, help = "The bioimage.io package (.zip).")
	public File output;
	/**
	 * An image of the kind the model denoises (TIFF/PNG), for the test tensors, sample images and cover; its first plane
	 * (3D models: first Z stack) is cropped around the centre. Empty: a synthetic image of blobs and noise.
	 */
	@Setting(label = "Sample image", help = "An image of the kind the model denoises (TIFF/PNG), for the test " +
		"tensors, sample images and cover; empty: a synthetic image of blobs and noise.")
	public File sample;
	/** The model's name in the package; empty: the output file's name. */
	@Setting(label = "Name", help = "The model's name in the package; empty: the output file's name.")
	public String name = "";
	/** A sentence or two on what the model is for; empty: generated from the model file. */
	@Setting(label = "Description", help = "A sentence or two on what the model is for; empty: generated from the " +
		"model file.")
	public String description = "";
	/** Comma-separated author names; empty: the user's account name. */
	@Setting(label = "Authors", help = "Comma-separated author names; empty: the user's account name.")
	public String authors = "";
	/** SPDX license identifier of the package (bioimage.io suggests CC-BY-4.0 for models). */
	@Setting(label = "License", help = "SPDX license identifier of the package (bioimage.io suggests CC-BY-4.0 for " +
		"models).")
	public String license = "CC-BY-4.0";
	/** Comma-separated tags beyond the generated ones (e.g. fluorescence,nuclei). */
	@Setting(label = "Extra tags", advanced = true, help = "Comma-separated tags beyond the generated ones (e.g. " +
		"fluorescence,nuclei).")
	public String tags = "";
}
