package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import ij.measure.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.EncodeSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.TableFiles;

/**
 * {@code fiji-ae encode}: latent mean and log-variance (VAE) or code (feature autoencoder) of every image, as CSV (the
 * table Fiji shows).
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
	description = "Encode images with a VAE or feature autoencoder: one CSV row per image with mu_0.. and logvar_0.. " +
		"columns (VAE) or code_0.. columns (autoencoder).")
final class EncodeCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Images: stacks, folders or IDX files.") List<File> input;
	@Option(names = "--output", required = true, paramLabel = "CSV") File output;
	@Option(names = "--labels", defaultValue = "auto", description = "The label column: auto (default: slice labels if " +
		"every slice has one; a folder of class subfolders labels each image by its subfolder), slices or none.") String labels;
	@Option(names = "--labels-file", paramLabel = "CSV", description = "Labels from a CSV file with a 'label' column " +
		"(and optionally 'image', the 1-based image number) instead.") File labelsFile;

	@Override
	public Integer call() {
		final ResultsTable table = Autoencoders.encode(ImageFiles.openAll(input), model, Settings.copy(this,
			new EncodeSettings()));
		TableFiles.writeCsv(table, output);
		System.out.println("Encoded " + table.size() + " images to " + output);
		return Main.OK;
	}
}
