package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.io.ImageDenoising;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** {@code fiji-ae denoise}: apply a denoiser to image files. */
@Command(name = "denoise", mixinStandardHelpOptions = true,
	description = "Denoise images (any size, stacks and hyperstacks) and write 32-bit TIFFs with the same base names.")
final class DenoiseCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL", description = "Denoiser model (.aemodel).")
	File model;

	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Noisy images: TIFF/PNG files or folders of them.")
	List<File> input;

	@Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder for the denoised TIFFs.")
	File output;

	@Option(names = "--tile", defaultValue = "" + Denoiser.DEFAULT_TILE,
		description = "Largest tile side in pixels (default ${DEFAULT-VALUE}); smaller uses less memory.")
	int tile;

	@Option(names = "--ensemble", description = "Average the predictions of the 8 flips and quarter turns (8x slower, " +
		"slightly better).")
	boolean ensemble;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Override
	public Integer call() {
		final AutoencoderModel m = ModelFile.load(model, AutoencoderModel.DENOISER);
		final File dir = Checks.outputFolder(output);
		final List<File> files = ImageFiles.expand(input);
		final long t0 = System.nanoTime();
		long pixels = 0;
		try (Denoiser d = new Denoiser(m, tile, threads)) {
			d.setEnsemble(ensemble);
			int i = 0;
			for (final File f : files) {
				i++;
				final ImagePlus imp = ImageFiles.open(f);
				final long t1 = System.nanoTime();
				final ImagePlus out = ImageDenoising.denoise(imp, Collections.singletonList(d), PredictionMonitor.NONE);
				final File target = new File(dir, baseName(f) + ".tif");
				ImageFiles.writeTiff(out, target);
				pixels += (long) imp.getWidth() * imp.getHeight() * imp.getStackSize();
				System.out.println(String.format(Locale.ROOT, "[%d/%d] %s -> %s (%dx%dx%d, %.1f s)", i, files.size(), f
					.getName(), target, imp.getWidth(), imp.getHeight(), imp.getStackSize(), (System.nanoTime() - t1) / 1e9));
			}
		}
		final double s = (System.nanoTime() - t0) / 1e9;
		System.out.println(String.format(Locale.ROOT, "Denoised %d file(s), %.1f megapixels in %.1f s (%.2f MP/s) into %s",
			files.size(), pixels / 1e6, s, pixels / 1e6 / s, dir));
		return Main.OK;
	}

	static String baseName(final File f) {
		final String n = f.getName();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
