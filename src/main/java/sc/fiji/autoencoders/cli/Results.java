package sc.fiji.autoencoders.cli;

import java.io.File;
import java.lang.reflect.Field;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.ij1.LatentPlot;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.TableFiles;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.FileResult;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.predict.Evaluation;

/**
 * What the command line does with an operation's result: images to {@code --output} (a TIFF stack, or a PNG grid),
 * tables to a CSV file, plots to a PNG, results that write themselves to their files, and a line on stdout for each.
 */
final class Results {

	private Results() {}

	static void present(final Object result, final Object settings) {
		if (result == null) return;
		if (result instanceof AutoencoderModel) {
			System.out.println("Saved " + Settings.writtenFile(settings) + ": " + ((AutoencoderModel) result).summary());
			return;
		}
		if (result instanceof Evaluation) {
			System.out.println(((Evaluation) result).summary());
			return;
		}
		if (result instanceof File) return; // the operation said what it wrote
		if (result instanceof String) {
			System.out.println(result);
			return;
		}
		final File out = output(settings);
		if (result instanceof FileResult) System.out.println(((FileResult) result).writeTo(out));
		else if (result instanceof ImagePlus) {
			final ImagePlus imp = (ImagePlus) result;
			ImageOutputs.write(imp, out, ResultImages.columns(imp), ResultImages.scale(imp));
			System.out.println("Wrote " + imp.getStackSize() + " image" + (imp.getStackSize() == 1 ? "" : "s") + " (" +
				imp.getTitle() + ") to " + out);
		}
		else if (result instanceof ResultsTable) {
			TableFiles.writeCsv((ResultsTable) result, out);
			System.out.println("Wrote " + ((ResultsTable) result).size() + " rows to " + out);
		}
		else if (result instanceof LatentScatter) {
			final LatentScatter scatter = (LatentScatter) result;
			ImageOutputs.folderOf(out);
			ImageOutputs.writePng(LatentPlot.of(scatter, "Latent space").getImagePlus(), out);
			System.out.println("Plotted " + scatter.x().length + " images (" + scatter.classes().size() + " classes) to " +
				out);
		}
		else System.out.println(result);
	}

	/** The {@code output} setting: where results go on the command line. */
	private static File output(final Object settings) {
		final Field f = Settings.byKey(settings.getClass(), "output");
		final File out = f == null ? null : (File) Settings.get(f, settings);
		if (out == null) throw new BadInputException("Missing --output: give the file (or folder) to write the result " +
			"to.");
		return out;
	}
}
