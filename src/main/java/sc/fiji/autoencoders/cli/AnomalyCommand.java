package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.AnomalyResult;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.TableFiles;

/** {@code fiji-ae anomaly}: reconstruction error per image (table) and per pixel (32-bit error maps). */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
	description = "Score images by how badly the model reconstructs them: anomaly.csv (one row per image plane: file, " +
		"plane, mean absolute error, negative ELBO for VAEs) and NAME-errors.tif per input (per-pixel absolute error, " +
		"same dimensions as the input) in DIR. Works with VAEs and denoisers.")
final class AnomalyCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH") List<File> input;
	@Option(names = "--output", required = true, paramLabel = "DIR") File output;

	@Override
	public Integer call() {
		final File dir = Checks.outputFolder(output);
		final ResultsTable all = new ResultsTable();
		for (final ImagePlus imp : ImageFiles.openAll(input)) {
			final AnomalyResult result = Autoencoders.anomaly(imp, model);
			final ResultsTable scores = result.scores();
			for (int row = 0; row < scores.size(); row++) {
				all.incrementCounter();
				all.addLabel(imp.getTitle());
				for (final String h : scores.getHeadings())
					all.addValue(h, scores.getValue(h, row));
			}
			ImageFiles.writeTiff(result.errorMap(), new File(dir, DenoiseCommand.baseName(new File(imp
				.getTitle())) + "-errors.tif"));
		}
		final File csv = new File(dir, "anomaly.csv");
		TableFiles.writeCsv(all, csv);
		System.out.println("Scored " + all.size() + " images: " + csv + " and the error maps in " + dir);
		return Main.OK;
	}
}
