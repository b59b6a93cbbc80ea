package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.LatentPlotSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.ij1.LatentPlot;

/** {@code fiji-ae latent-plot}: a scatter of the codes as a PNG; options are {@link LatentPlotSettings}. */
@Command(name = "latent-plot", mixinStandardHelpOptions = true,
	description = "Scatter plot of the codes of images (first two principal components, or two code dimensions), " +
		"coloured by the stacks' slice labels, as a PNG.")
final class LatentPlotCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Images: stacks, folders or IDX files.") List<File> input;
	@Option(names = "--axes", defaultValue = "pca", description = "pca (default) or dims.") String axes;
	@Option(names = "--dim-x", defaultValue = "0", description = "Horizontal code dimension for --axes dims (default ${DEFAULT-VALUE}).") int dimX;
	@Option(names = "--dim-y", defaultValue = "1", description = "Vertical code dimension for --axes dims (default ${DEFAULT-VALUE}).") int dimY;
	@Option(names = "--labels", defaultValue = "auto", description = "Colour by: auto (default: slice labels if every " +
		"slice has one; a folder of class subfolders labels each image by its subfolder), slices or none.") String labels;
	@Option(names = "--labels-file", paramLabel = "CSV", description = "Labels from a CSV file with a 'label' column " +
		"(and optionally 'image', the 1-based image number) instead.") File labelsFile;
	@Option(names = "--output", required = true, paramLabel = "PNG") File output;

	@Override
	public Integer call() {
		final var scatter = Autoencoders.latentScatter(ImageFiles.openAll(input), model, Settings.copy(this,
			new LatentPlotSettings()));
		final File dir = output.getAbsoluteFile().getParentFile();
		if (dir != null && !dir.exists()) Checks.outputFolder(dir);
		ImageFiles.writePng(LatentPlot.of(scatter, "Latent space").getImagePlus(), output);
		System.out.println("Plotted " + scatter.x().length + " images (" + scatter.classes().size() + " classes) to " +
			output);
		return Main.OK;
	}
}
