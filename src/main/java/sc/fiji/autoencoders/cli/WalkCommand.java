package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.WalkSettings;

/** {@code fiji-ae walk}: a grid sweeping two latent dimensions; options are {@link WalkSettings}. */
@Command(name = "walk", mixinStandardHelpOptions = true,
	description = "A G x G montage sweeping latent dimensions I (rows) and J (columns) from -R to R, others at 0.")
final class WalkCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--dim-i", defaultValue = "0", paramLabel = "I", description = "Latent dimension along the rows, 0-based (default ${DEFAULT-VALUE}).") int dimI;
	@Option(names = "--dim-j", defaultValue = "1", paramLabel = "J", description = "Latent dimension along the columns, 0-based (default ${DEFAULT-VALUE}).") int dimJ;
	@Option(names = "--dims", paramLabel = "I,J", description = "Both dimensions at once, e.g. 0,1 (overrides --dim-i and --dim-j).") String dims;
	@Option(names = "--range", defaultValue = "3", paramLabel = "R", description = "Sweep from -R to R (default ${DEFAULT-VALUE}).") double range;
	@Option(names = "--grid", defaultValue = "8", paramLabel = "G", description = "Grid size (default ${DEFAULT-VALUE}).") int grid;
	@Option(names = "--label", defaultValue = "", paramLabel = "CLASS", description = "A class-conditional VAE: the class of the whole grid (one of the labels it was trained with).") String label;
	@Option(names = "--output", required = true, paramLabel = "FILE") File output;

	@Override
	public Integer call() {
		if (dims != null) {
			final String[] ij = dims.split(",");
			if (ij.length != 2 || !ij[0].trim().matches("\\d+") || !ij[1].trim().matches("\\d+")) {
				throw new BadInputException("--dims must be two latent dimensions such as 0,1 (got '" + dims + "').");
			}
			dimI = Integer.parseInt(ij[0].trim());
			dimJ = Integer.parseInt(ij[1].trim());
		}
		VaeOutputs.write(Autoencoders.walk(model, Settings.copy(this, new WalkSettings())), output, 1);
		System.out.println("Wrote a " + grid + "x" + grid + " latent walk to " + output);
		return Main.OK;
	}
}
