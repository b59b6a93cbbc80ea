package sc.fiji.autoencoders.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AtomicFiles;
import sc.fiji.autoencoders.io.LatentTable;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Vae;

/** {@code fiji-ae encode}: latent mean and log-variance of every image, as CSV. */
@Command(name = "encode", mixinStandardHelpOptions = true,
	description = "Encode images with a VAE: one CSV row per image with mu_0.. and logvar_0.. columns.")
final class EncodeCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Images: stacks, folders or IDX files.") List<File> input;
	@Option(names = "--output", required = true, paramLabel = "CSV") File output;

	@Override
	public Integer call() {
		final List<Plane> planes = Inputs.planes(input);
		final float[][] codes;
		final int latent;
		try (Vae vae = new Vae(ModelFile.load(model, AutoencoderModel.VAE))) {
			codes = vae.encode(planes);
			latent = vae.spec().latent();
		}
		final File tmp = new File(output.getAbsoluteFile().getParentFile(), "." + output.getName() + ".tmp");
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp.toPath(), StandardCharsets.UTF_8))) {
			LatentTable.writeCsv(w, codes[0], codes[1], latent);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write " + output + " (" + e.getMessage() + "): check the folder exists " +
				"and is writable.", e);
		}
		try {
			AtomicFiles.move(tmp, output);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write " + output + " (" + e.getMessage() + ").", e);
		}
		System.out.println("Encoded " + planes.size() + " images (" + latent + " latent dimensions) to " + output);
		return Main.OK;
	}
}
