package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.GenerateSettings;
import sc.fiji.autoencoders.Settings;

/** {@code fiji-ae generate}: new images from a VAE's decoder; options are {@link GenerateSettings}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
	description = "Generate new images from a VAE (z ~ N(0, T^2 I)) or from any autoencoder's fitted code Gaussian, decoded. TIFF stack, or a PNG grid if FILE ends in .png.")
final class GenerateCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--count", defaultValue = "16", description = "Number of images (default ${DEFAULT-VALUE}).") int count;
	@Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).") long seed;
	@Option(names = "--temperature", defaultValue = "1", description = "Latent standard deviation T (default 1).") double temperature;
	@Option(names = "--sampling", defaultValue = "auto", description = "prior (a VAE's N(0, I)), fit (the Gaussian " +
		"fitted to the training codes) or auto (default: prior for a VAE, fit for an autoencoder).") String sampling;
	@Option(names = "--label", defaultValue = "", description = "The class to generate (a class-conditional VAE).") String label;
	@Option(names = "--columns", defaultValue = "8", description = "Columns of a PNG grid (default ${DEFAULT-VALUE}).") int columns;
	@Option(names = "--output", required = true, paramLabel = "FILE") File output;

	@Override
	public Integer call() {
		VaeOutputs.write(Autoencoders.generate(model, Settings.copy(this, new GenerateSettings())), output, columns);
		System.out.println("Wrote " + count + " generated images to " + output);
		return Main.OK;
	}
}
