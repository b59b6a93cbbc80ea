package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Vae;

/** {@code fiji-ae walk}: a grid sweeping two latent dimensions. */
@Command(name = "walk", mixinStandardHelpOptions = true,
	description = "A G x G montage sweeping latent dimensions I (rows) and J (columns) from -R to R, others at 0.")
final class WalkCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--dims", defaultValue = "0,1", paramLabel = "I,J", description = "Two latent dimensions, 0-based (default ${DEFAULT-VALUE}).") String dims;
	@Option(names = "--range", defaultValue = "3", paramLabel = "R", description = "Sweep from -R to R (default ${DEFAULT-VALUE}).") double range;
	@Option(names = "--grid", defaultValue = "8", paramLabel = "G", description = "Grid size (default ${DEFAULT-VALUE}).") int grid;
	@Option(names = "--output", required = true, paramLabel = "FILE") File output;

	@Override
	public Integer call() {
		final String[] ij = dims.split(",");
		if (ij.length != 2 || !ij[0].trim().matches("\\d+") || !ij[1].trim().matches("\\d+")) {
			throw new BadInputException("--dims must be two latent dimensions such as 0,1 (got '" + dims + "').");
		}
		try (Vae vae = new Vae(ModelFile.load(model, AutoencoderModel.VAE))) {
			final var planes = vae.walk(Integer.parseInt(ij[0].trim()), Integer.parseInt(ij[1].trim()), range, grid);
			final File out = output;
			if (out.getName().toLowerCase().endsWith(".png")) VaeOutputs.write(planes, out, grid, "latent walk");
			else VaeOutputs.write(java.util.List.of(sc.fiji.autoencoders.predict.Montage.grid(planes, grid)), out, 1,
				"latent walk");
			System.out.println("Wrote a " + grid + "x" + grid + " latent walk to " + out);
		}
		return Main.OK;
	}
}
