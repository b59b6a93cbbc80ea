package sc.fiji.autoencoders.cli;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ij.ImagePlus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.DenoiseSettings;
import sc.fiji.autoencoders.SelfSupervisedSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageDenoising;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * {@code fiji-ae denoise}: apply a denoiser to image files; options are {@link DenoiseSettings}. Every output is
 * written plane by plane as it is denoised; TIFF stacks larger than a quarter of the heap (or all, with
 * {@code --stream}) and folders given with {@code --stack} are also read plane by plane, so stacks of any size (beyond
 * 2^31 pixels, larger than memory) need the memory of a few planes.
 */
@Command(name = "denoise", mixinStandardHelpOptions = true,
	description = { "Denoise images (any size, stacks and hyperstacks) and write 32-bit TIFFs with the same base names.",
		"Outputs are written plane by plane as they are denoised. TIFF stacks larger than a quarter of the Java heap " +
			"(JAVA_OPTS=-Xmx...; 4 GB by default), or all with --stream, are read plane by plane too, so stacks of any " +
			"size need the memory of a few planes; --stack does the same for a folder of planes." })
final class DenoiseCommand implements Callable<Integer> {

	/** Progress lines at most this often (seconds). */
	private static final double REPORT_EVERY = 10;

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

	@Option(names = "--stack", description = "Each folder in --input is one Z stack: its image files, sorted by " +
		"name, are the planes (one size and type), read one at a time and denoised into one 32-bit TIFF stack " +
		"FOLDER.tif. Without it, a folder's files are denoised each into its own TIFF.")
	boolean stack;

	@Option(names = "--stream", description = "Read every TIFF stack plane by plane (as a virtual stack), whatever " +
		"its size; without it, only stacks larger than a quarter of the Java heap are.")
	boolean stream;

	@Override
	public Integer call() {
		if (selfSupervised == (model != null)) throw new BadInputException(selfSupervised ? "Give either --model or " +
			"--self-supervised, not both." : "Missing --model: give a denoiser model (.aemodel), or --self-supervised " +
				"to train Noise2Void on the inputs first.");
		final DenoiseSettings settings = Settings.copy(this, new DenoiseSettings());
		final File dir = Checks.outputFolder(output);
		if (!selfSupervised) return denoise(settings, dir);
		final SelfSupervisedSettings ss = Settings.copy(this, new SelfSupervisedSettings());
		model = Autoencoders.trainSelfSupervised(ImageFiles.openAll(input), ss, Console.PROGRESS, null);
		try {
			return denoise(settings, dir);
		}
		finally {
			Autoencoders.discardSelfSupervised(model, ss);
			model = null;
		}
	}

	/** Denoises the inputs with {@link #model}, each written plane by plane as it goes. */
	private int denoise(final DenoiseSettings settings, final File dir) {
		final List<File> sources = new ArrayList<>();
		for (final File p : input) {
			if (stack && p.isDirectory()) {
				ImageFiles.expand(List.of(p)); // fails now if the folder holds no images
				sources.add(p);
			}
			else sources.addAll(ImageFiles.expand(List.of(p)));
		}
		final List<File> targets = new ArrayList<>();
		for (final File s : sources) {
			final File t = new File(dir, (s.isDirectory() ? s.getName() : baseName(s)) + ".tif");
			if (sameFile(s, t)) throw new BadInputException("Denoising " + s + " into " + dir + " would overwrite it: " +
				"choose another --output folder.");
			targets.add(t);
		}
		final long budget = Runtime.getRuntime().maxMemory() / 4;
		final long t0 = System.nanoTime();
		final long[] pixels = new long[1];
		final int[] current = { -1 };
		final long[] started = new long[1];
		final Iterable<ImagePlus> images = () -> new Iterator<ImagePlus>() {

			@Override
			public boolean hasNext() {
				return current[0] + 1 < sources.size();
			}

			@Override
			public ImagePlus next() {
				if (!hasNext()) throw new NoSuchElementException();
				final File f = sources.get(++current[0]);
				started[0] = System.nanoTime();
				final ImagePlus imp = open(f, budget);
				if (imp.getStack().isVirtual()) {
					System.out.println(String.format(Locale.ROOT, "[%d/%d] %s: %dx%dx%d (%s), read plane by plane",
						current[0] + 1, sources.size(), f.getName(), imp.getWidth(), imp.getHeight(), imp.getStackSize(),
						size(ImageDenoising.pixels(imp) * imp.getBitDepth() / 8)));
				}
				return imp;
			}
		};
		final AtomicBoolean cancelled = new AtomicBoolean();
		final PredictionMonitor monitor = new PredictionMonitor() {

			private long last = System.nanoTime();

			@Override
			public void progress(final long done, final long total) {
				final long now = System.nanoTime();
				if ((now - last) / 1e9 < REPORT_EVERY || done >= total) return;
				last = now;
				final double s = (now - started[0]) / 1e9;
				System.out.println(String.format(Locale.ROOT, "  %s: %.1f%% after %s, about %s left", sources.get(
					current[0]).getName(), 100.0 * done / total, time(s), time(s * (total - done) / done)));
			}

			@Override
			public boolean isCancelled() {
				return cancelled.get();
			}
		};
		final CountDownLatch finished = new CountDownLatch(1);
		// Ctrl-C: stop between tiles, so the unfinished output's temporary file is deleted
		final Thread hook = new Thread(() -> {
			cancelled.set(true);
			try {
				finished.await(30, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			Autoencoders.denoiseToTiff(images, model, settings, imp -> targets.get(current[0]), (imp, target) -> {
				final long n = ImageDenoising.pixels(imp);
				pixels[0] += n;
				final double s = (System.nanoTime() - started[0]) / 1e9;
				System.out.println(String.format(Locale.ROOT, "[%d/%d] %s -> %s (%dx%dx%d, %.1f s, %.2f MP/s)",
					current[0] + 1, sources.size(), sources.get(current[0]).getName(), target, imp.getWidth(), imp
						.getHeight(), imp.getStackSize(), s, n / 1e6 / s));
			}, monitor);
		}
		finally {
			finished.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (final IllegalStateException e) {
				// already shutting down: the hook waits for 'finished'
			}
		}
		final double s = (System.nanoTime() - t0) / 1e9;
		System.out.println(String.format(Locale.ROOT, "Denoised %d file(s), %.1f megapixels in %.1f s (%.2f MP/s) into %s",
			sources.size(), pixels[0] / 1e6, s, pixels[0] / 1e6 / s, dir));
		return Main.OK;
	}

	/**
	 * A folder (with --stack) as a virtual stack of its files; a TIFF as a virtual stack if --stream or its pixels
	 * exceed {@code budget} bytes; anything else read whole.
	 */
	private ImagePlus open(final File f, final long budget) {
		if (f.isDirectory()) return ImageFiles.openFolderAsStack(f);
		final long bytes = ImageFiles.tiffBytes(f);
		if (bytes > 0 && (stream || bytes > budget)) return ImageFiles.openVirtual(f);
		return ImageFiles.open(f);
	}

	private static boolean sameFile(final File a, final File b) {
		try {
			return b.exists() && a.getCanonicalFile().equals(b.getCanonicalFile());
		}
		catch (final IOException e) {
			return false;
		}
	}

	static String size(final long bytes) {
		return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)) : String.format(
			Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
	}

	static String time(final double s) {
		return s >= 90 ? String.format(Locale.ROOT, "%.0f min", s / 60) : String.format(Locale.ROOT, "%.0f s", s);
	}

	static String baseName(final File f) {
		final String n = f.getName();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
