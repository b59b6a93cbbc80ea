package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import ij.ImagePlus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.DenoiseSettings;
import sc.fiji.autoencoders.SelfSupervisedSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** {@code fiji-ae denoise}: apply a denoiser to image files; options are {@link DenoiseSettings}. */
@Command(name = "denoise", mixinStandardHelpOptions = true,
	description = "Denoise images (any size, stacks and hyperstacks) and write 32-bit TIFFs with the same base names.")
final class DenoiseCommand implements Callable<Integer> {

	@Option(names = "--model", paramLabel = "MODEL", description = "Denoiser model (.aemodel); or --self-supervised.")
	File model;

	@Option(names = "--self-supervised", description = "No model needed: train Noise2Void on the inputs themselves " +
		"(--minutes, --structn2v), then denoise them with it (keep it with --save-model).")
	boolean selfSupervised;

	@Option(names = "--minutes", defaultValue = "5", description = "With --self-supervised: training minutes " +
		"(default ${DEFAULT-VALUE}).")
	double minutes;

	@Option(names = "--structn2v", defaultValue = "none", description = "With --self-supervised: none (default), x " +
		"or y, to also mask a line of pixels for noise correlated along rows or columns.")
	String structn2v;

	@Option(names = "--save-model", paramLabel = "MODEL", description = "With --self-supervised: keep the trained " +
		"model in this file.")
	File saveModel;

	@Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Noisy images: TIFF/PNG files or folders of them.")
	List<File> input;

	@Option(names = "--output", required = true, paramLabel = "DIR", description = "Folder for the denoised TIFFs.")
	File output;

	@Option(names = "--channel-models", defaultValue = "", paramLabel = "MODEL,...", description = "Models for " +
		"channels 2, 3, ... (comma-separated); default: --model for every channel.")
	String channelModels;

	@Option(names = { "--tile-size", "--tile" }, defaultValue = "1024",
		description = "Largest tile side in pixels (default ${DEFAULT-VALUE}); smaller uses less memory.")
	int tileSize;

	@Option(names = "--ensemble", description = "Average the predictions of the 8 flips and quarter turns (8x slower, " +
		"slightly better).")
	boolean ensemble;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Override
	public Integer call() {
		if (selfSupervised == (model != null)) throw new BadInputException(selfSupervised ? "Give either --model or " +
			"--self-supervised, not both." : "Missing --model: give a denoiser model (.aemodel), or --self-supervised " +
				"to train Noise2Void on the inputs first.");
		final DenoiseSettings settings = Settings.copy(this, new DenoiseSettings());
		final File dir = Checks.outputFolder(output);
		final List<File> files = ImageFiles.expand(input);
		final List<ImagePlus> images = ImageFiles.openAll(files);
		final long t0 = System.nanoTime();
		final long[] pixels = new long[1];
		final int[] done = new int[1];
		final long[] t1 = { System.nanoTime() };
		final Consumer<ImagePlus> write = out -> {
			final File f = files.get(done[0]++);
			final File target = new File(dir, baseName(f) + ".tif");
			ImageFiles.writeTiff(out, target);
			pixels[0] += (long) out.getWidth() * out.getHeight() * out.getStackSize();
			System.out.println(String.format(Locale.ROOT, "[%d/%d] %s -> %s (%dx%dx%d, %.1f s)", done[0], files.size(),
				f.getName(), target, out.getWidth(), out.getHeight(), out.getStackSize(), (System.nanoTime() - t1[0]) /
					1e9));
			t1[0] = System.nanoTime();
		};
		if (selfSupervised) Autoencoders.denoiseSelfSupervised(images, Settings.copy(this, new SelfSupervisedSettings()),
			settings, Console.PROGRESS, null, write, PredictionMonitor.NONE);
		else Autoencoders.denoise(images, model, settings, write, PredictionMonitor.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		System.out.println(String.format(Locale.ROOT, "Denoised %d file(s), %.1f megapixels in %.1f s (%.2f MP/s) into %s",
			files.size(), pixels[0] / 1e6, s, pixels[0] / 1e6 / s, dir));
		return Main.OK;
	}

	static String baseName(final File f) {
		final String n = f.getName();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
