package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.InterpolateSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;

/** {@code fiji-ae interpolate}: decode a straight line in latent space between two images. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
	description = "Decode (1-a) f(A) + a f(B) for a from 0 to 1. Images are files, or slices written as STACK:N. A " +
		"class-conditional VAE moves its class condition from A's class to B's along with the code.")
final class InterpolateCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--from", required = true, paramLabel = "A", description = "First image (FILE or STACK:N).") String from;
	@Option(names = "--to", required = true, paramLabel = "B", description = "Second image (FILE or STACK:N).") String to;
	@Option(names = "--steps", defaultValue = "8", description = "Images in the strip (default ${DEFAULT-VALUE}).") int steps;
	@Option(names = "--from-label", defaultValue = "", paramLabel = "CLASS", description = "Class of A, for a " +
		"class-conditional VAE (default: A's slice label).") String fromLabel;
	@Option(names = "--to-label", defaultValue = "", paramLabel = "CLASS", description = "Class of B, for a " +
		"class-conditional VAE (default: B's slice label); the same class as A interpolates within it.") String toLabel;
	@Option(names = "--output", required = true, paramLabel = "FILE") File output;

	@Override
	public Integer call() {
		VaeOutputs.write(Autoencoders.interpolate(image(from), slice(from), image(to), slice(to), model, Settings.copy(
			this, new InterpolateSettings())), output, steps);
		System.out.println("Wrote " + steps + " interpolated images to " + output);
		return Main.OK;
	}

	/** The file of FILE or STACK:N. */
	private static ImagePlus image(final String arg) {
		return ImageFiles.openAll(List.of(new File(arg.replaceFirst("(?<=.):\\d+$", "")))).get(0);
	}

	/** N of STACK:N, else 1. */
	private static int slice(final String arg) {
		final int colon = arg.lastIndexOf(':');
		return colon > 1 && arg.substring(colon + 1).matches("\\d+") ? Integer.parseInt(arg.substring(colon + 1)) : 1;
	}
}
