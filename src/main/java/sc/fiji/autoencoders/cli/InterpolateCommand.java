package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Vae;

/** {@code fiji-ae interpolate}: decode a straight line in latent space between two images. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
	description = "Decode (1-a) f(A) + a f(B) for a from 0 to 1. Images are files, or slices written as STACK:N.")
final class InterpolateCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--from", required = true, paramLabel = "A", description = "First image (FILE or STACK:N).") String from;
	@Option(names = "--to", required = true, paramLabel = "B", description = "Second image (FILE or STACK:N).") String to;
	@Option(names = "--steps", defaultValue = "8", description = "Images in the strip (default ${DEFAULT-VALUE}).") int steps;
	@Option(names = "--output", required = true, paramLabel = "FILE") File output;

	@Override
	public Integer call() {
		try (Vae vae = new Vae(ModelFile.load(model, AutoencoderModel.VAE))) {
			VaeOutputs.write(vae.interpolate(Inputs.plane(from), Inputs.plane(to), steps), output, steps, "interpolation");
			System.out.println("Wrote " + steps + " interpolated images to " + output);
		}
		return Main.OK;
	}
}
