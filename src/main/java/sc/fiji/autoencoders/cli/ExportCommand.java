package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.ExportSettings;
import sc.fiji.autoencoders.Settings;

/** {@code fiji-ae export}: a denoiser as a bioimage.io model package; options are {@link ExportSettings}. */
@Command(name = "export", mixinStandardHelpOptions = true,
	description = "Export a denoiser as a bioimage.io model package (format 0.5, TensorFlow SavedModel weights) for " +
		"deepImageJ and the BioImage Model Zoo; the zip also works as a model file for denoise.")
final class ExportCommand implements Callable<Integer> {

	// not required by picocli: the core names a missing one (and every front end shows the same empty default)
	@Option(names = "--model", paramLabel = "MODEL", description = "Denoiser model file (.aemodel).")
	File model;

	@Option(names = "--output", paramLabel = "ZIP", description = "Package to write (.zip).")
	File output;

	@Option(names = "--sample", paramLabel = "IMAGE", description = "An image of the kind the model denoises, for " +
		"the test tensors, samples and cover (default: synthetic blobs and noise).")
	File sample;

	@Option(names = "--name", defaultValue = "", description = "Model name (default: the output's file name).")
	String name;

	@Option(names = "--description", defaultValue = "", description = "What the model is for (default: generated).")
	String description;

	@Option(names = "--authors", defaultValue = "", description = "Comma-separated author names (default: your " +
		"account name).")
	String authors;

	@Option(names = "--license", defaultValue = "CC-BY-4.0", description = "SPDX license id (default " +
		"${DEFAULT-VALUE}).")
	String license;

	@Option(names = "--tags", defaultValue = "", description = "Comma-separated extra tags.")
	String tags;

	@Override
	public Integer call() {
		final File zip = Autoencoders.export(Settings.copy(this, new ExportSettings()));
		System.out.println("Wrote " + zip + " (bioimage.io model, format 0.5; use it in deepImageJ, or as --model of " +
			"denoise)");
		return Main.OK;
	}
}
