package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.op.Task;

/** Decodes the straight line between the codes of two images. */
@Plugin(type = Operation.class, name = "interpolate", label = "Interpolate in VAE Latent Space...", priority = 50,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Interpolate in VAE Latent Space...",
	description = "Decode (1-a) f(A) + a f(B) for a from 0 to 1. A class-conditional VAE moves its class condition " +
		"from A's class to B's along with the code.",
	attrs = { @Attr(name = "command", value = "InterpolateInVaeLatentSpace"),
		@Attr(name = "output", value = "interpolation") })
public final class Interpolate implements Operation<InterpolateSettings, ImagePlus> {

	@Override
	public Class<InterpolateSettings> settingsType() {
		return InterpolateSettings.class;
	}

	@Override
	public void check(final InterpolateSettings s) {
		if (s.stack == null && (s.from.isEmpty() || s.to.isEmpty())) throw new BadInputException("No images to " +
			"interpolate between: choose the stack holding them and its two slices (--from A --to B on the command line).");
	}

	@Override
	public ImagePlus run(final InterpolateSettings s, final Task task) {
		final ImagePlus strip = s.from.isEmpty() ? CodeModels.interpolate(s.stack, s.fromSlice, s.stack, s.toSlice,
			s.model, s) : CodeModels.interpolate(image(s.from), slice(s.from), image(s.to), slice(s.to), s.model, s);
		return ResultImages.grid(strip, s.steps, 1);
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
