package sc.fiji.autoencoders.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Anomaly;

/** {@code fiji-ae anomaly}: reconstruction error per image (table) and per pixel (32-bit error maps). */
@Command(name = "anomaly", mixinStandardHelpOptions = true,
	description = "Score images by how badly the model reconstructs them: anomaly.csv (mean absolute error, " +
		"negative ELBO for VAEs) and error-maps.tif (per-pixel absolute error) in DIR. Works with VAEs and denoisers.")
final class AnomalyCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH") List<File> input;
	@Option(names = "--output", required = true, paramLabel = "DIR") File output;

	@Override
	public Integer call() {
		final AutoencoderModel m = ModelFile.load(model);
		final List<Plane> planes = Inputs.planes(input);
		final File dir = Checks.outputFolder(output);
		final List<Anomaly.Result> results = Anomaly.score(m, planes);
		final File csv = new File(dir, "anomaly.csv");
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv.toPath(), StandardCharsets.UTF_8))) {
			w.println("image,mean_absolute_error,negative_elbo_nats");
			for (int i = 0; i < results.size(); i++)
				w.println(String.format(Locale.ROOT, "%d,%.6g,%.6g", i + 1, results.get(i).meanAbsoluteError, results.get(
					i).negativeElbo));
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write " + csv + " (" + e.getMessage() + ").", e);
		}
		final List<Plane> maps = new ArrayList<>();
		results.forEach(r -> maps.add(r.errorMap));
		final File tif = new File(dir, "error-maps.tif");
		ImageFiles.writeTiff(ImageFiles.toImagePlus("error maps", maps, 1, maps.size(), 1), tif);
		System.out.println("Scored " + planes.size() + " images: " + csv + ", " + tif);
		return Main.OK;
	}
}
