package sc.fiji.autoencoders.op.codes;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.TableFiles;
import sc.fiji.autoencoders.op.FileResult;

/** The anomaly scores of several images: one table of every plane, and an error map per image. */
public final class AnomalyMaps implements FileResult {

	private final List<ImagePlus> images;
	private final List<AnomalyResult> results;

	AnomalyMaps(final List<ImagePlus> images, final List<AnomalyResult> results) {
		this.images = images;
		this.results = results;
	}

	/** One result per image, in order. */
	public List<AnomalyResult> results() {
		return results;
	}

	/** Every plane's scores, labelled by its image's title. */
	public ResultsTable scores() {
		final ResultsTable all = new ResultsTable();
		for (int i = 0; i < results.size(); i++) {
			final ResultsTable scores = results.get(i).scores();
			for (int row = 0; row < scores.size(); row++) {
				all.incrementCounter();
				all.addLabel(images.get(i).getTitle());
				for (final String h : scores.getHeadings())
					all.addValue(h, scores.getValue(h, row));
			}
		}
		return all;
	}

	/** {@code anomaly.csv} and {@code NAME-errors.tif} per image, in the folder {@code output}. */
	@Override
	public String writeTo(final File output) {
		final File dir = ImageOutputs.outputFolder(output);
		for (int i = 0; i < results.size(); i++)
			ImageOutputs.writeTiff(results.get(i).errorMap(), new File(dir, ImageFiles.baseName(new File(images.get(i)
				.getTitle())) + "-errors.tif"));
		final ResultsTable all = scores();
		final File csv = new File(dir, "anomaly.csv");
		TableFiles.writeCsv(all, csv);
		return "Scored " + all.size() + " images: " + csv + " and the error maps in " + dir;
	}
}
