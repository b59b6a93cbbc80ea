package sc.fiji.autoencoders.cli;

import java.io.File;
import java.lang.reflect.Field;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.TableFiles;
import sc.fiji.autoencoders.op.FileResult;
import sc.fiji.autoencoders.op.Outcome;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.op.Settings;

/**
 * What the command line does with an operation's result: its message on stdout, and its main output, an image (a TIFF
 * stack, or a PNG) or a table (CSV), written to {@code --output} when the operation has one; results that write
 * themselves go there whole.
 */
final class Results {

	private Results() {}

	static void present(final Object result, final Object settings) {
		final Field output = Settings.byKey(settings.getClass(), "output");
		if (result instanceof FileResult) {
			System.out.println(((FileResult) result).writeTo(output(output, settings)));
			return;
		}
		final Outcome o = Outcome.of(result, settings, "result");
		if (o.message != null) System.out.println(o.message);
		if (output == null || !(o.main() instanceof ImagePlus || o.main() instanceof ResultsTable)) return;
		final File out = output(output, settings);
		if (o.main() instanceof ImagePlus) {
			final ImagePlus imp = (ImagePlus) o.main();
			ImageOutputs.write(imp, out, ResultImages.columns(imp), ResultImages.scale(imp));
			System.out.println("Wrote " + imp.getStackSize() + " image" + (imp.getStackSize() == 1 ? "" : "s") + " (" +
				imp.getTitle() + ") to " + out);
		}
		else {
			TableFiles.writeCsv((ResultsTable) o.main(), out);
			System.out.println("Wrote " + ((ResultsTable) o.main()).size() + " rows to " + out);
		}
	}

	private static File output(final Field output, final Object settings) {
		final File out = output == null ? null : (File) Settings.get(output, settings);
		if (out == null) throw new BadInputException("Missing --output: give the file (or folder) to write the result " +
			"to.");
		return out;
	}
}
