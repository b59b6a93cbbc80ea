package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import ij.ImagePlus;
import org.scijava.plugin.Plugin;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.scale.Block;
import sc.fiji.autoencoders.scale.ZarrDenoising;

/**
 * Denoises files and folders into a folder of 32-bit TIFFs with the same base names, each written plane by plane as it
 * is denoised. TIFF stacks larger than a quarter of the Java heap (or all, with {@code stream}) are read plane by
 * plane too, and {@code stack} reads a folder of planes as one stack, so stacks of any size need the memory of a few
 * planes.
 */
@Plugin(type = Operation.class, name = "denoise", label = "Denoise Files...", priority = 80,
	menuPath = "Plugins>Autoencoders>Denoise>Denoise Files...",
	description = "Denoise images (any size, stacks and hyperstacks) and write 32-bit TIFFs with the same base names " +
		"into a folder. Outputs are written plane by plane as they are denoised; TIFF stacks larger than a quarter of " +
		"the Java heap, or all with stream, are read plane by plane too.")
public final class DenoiseFiles implements Operation<DenoiseFilesSettings, String> {

	@Override
	public Class<DenoiseFilesSettings> settingsType() {
		return DenoiseFilesSettings.class;
	}

	@Override
	public void check(final DenoiseFilesSettings s) {
		if (s.selfSupervised == (s.model != null)) throw new BadInputException(s.selfSupervised ? "Give either --model " +
			"or --self-supervised, not both (model or self_supervised in Fiji)." : "Missing --model: give a denoiser " +
				"model (.aemodel), or --self-supervised to train Noise2Void on the inputs first (model or " +
				"self_supervised in Fiji).");
		if (s.resume && s.overwrite) throw new BadInputException("Give resume or overwrite, not both: resume keeps an " +
			"existing OME-Zarr output and completes it, overwrite deletes it first.");
		if (!isZarr(s.output)) ImageOutputs.outputFolder(s.output);
		UncertainFiles.check(s);
	}

	@Override
	public String run(final DenoiseFilesSettings s, final Task task) {
		if (!s.selfSupervised) return denoise(s, s.model, task);
		final SelfSupervisedSettings training = s.selfTraining();
		final File model = Autoencoders.trainSelfSupervised(ImageFiles.openAll(s.input), training, task.training(), task
			.cancelHook());
		try {
			return denoise(s, model, task);
		}
		finally {
			Autoencoders.discardSelfSupervised(model, training);
		}
	}

	private static String denoise(final DenoiseFilesSettings s, final File model, final Task task) {
		if (s.samples > 0 || s.keepSamples) return UncertainFiles.denoise(s, model, task);
		final List<File> zarrs = new ArrayList<>(), others = new ArrayList<>();
		for (final File p : s.input)
			(isZarr(p) ? zarrs : others).add(p);
		if (s.spark && !s.channelModels.trim().isEmpty()) throw new BadInputException("--spark takes one model for " +
			"all channels: leave out --channel-models (denoise each channel's images in a run of its own), or --spark.");
		if (isZarr(s.output) && (zarrs.size() != 1 || !others.isEmpty())) throw new BadInputException("Output " + s
			.output + " is an OME-Zarr image: give exactly one OME-Zarr input, or a folder as output.");
		final List<String> done = new ArrayList<>();
		for (final File z : zarrs)
			done.add(denoiseZarr(z, isZarr(s.output) ? s.output : new File(ImageOutputs.outputFolder(s.output), z.getName()
				.replaceFirst("(\\.ome)?\\.zarr$", "") + ".ome.zarr"), model, s, task));
		if (others.isEmpty()) return String.join("\n", done);
		final List<File> sources = new ArrayList<>();
		for (final File p : others) {
			if (s.stack && p.isDirectory()) {
				ImageFiles.expand(List.of(p)); // fails now if the folder holds no images
				sources.add(p);
			}
			else sources.addAll(ImageFiles.expand(List.of(p)));
		}
		final List<File> targets = new ArrayList<>();
		for (final File f : sources) {
			final File t = new File(s.output, (f.isDirectory() ? f.getName() : ImageFiles.baseName(f)) + ".tif");
			if (sameFile(f, t)) throw new BadInputException("Denoising " + f + " into " + s.output + " would overwrite " +
				"it: choose another output folder.");
			targets.add(t);
		}
		if (s.spark) {
			done.add(DistributedDenoising.find().denoiseFiles(sources, targets, model, s, task));
			return String.join("\n", done);
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
				final ImagePlus imp = open(f, s.stream, budget);
				if (imp.getStack().isVirtual()) task.log(String.format(Locale.ROOT,
					"[%d/%d] %s: %dx%dx%d (%s), read plane by plane", current[0] + 1, sources.size(), f.getName(), imp
						.getWidth(), imp.getHeight(), imp.getStackSize(), size(ImageDenoising.pixels(imp) * imp
							.getBitDepth() / 8)));
				return imp;
			}
		};
		Autoencoders.denoiseToTiff(images, model, s, imp -> targets.get(current[0]), (imp, target) -> {
			final long n = ImageDenoising.pixels(imp);
			pixels[0] += n;
			final double sec = (System.nanoTime() - started[0]) / 1e9;
			task.log(String.format(Locale.ROOT, "[%d/%d] %s -> %s (%dx%dx%d, %.1f s, %.2f MP/s)", current[0] + 1,
				sources.size(), sources.get(current[0]).getName(), target, imp.getWidth(), imp.getHeight(), imp
					.getStackSize(), sec, n / 1e6 / sec));
		}, task);
		final double sec = (System.nanoTime() - t0) / 1e9;
		return String.format(Locale.ROOT, "Denoised %d file(s), %.1f megapixels in %.1f s (%.2f MP/s) into %s", sources
			.size(), pixels[0] / 1e6, sec, pixels[0] / 1e6 / sec, s.output);
	}

	/**
	 * Denoises an OME-Zarr image block by block into an OME-Zarr image (the input's chunks, axes, units and voxel sizes,
	 * and a pyramid), so memory depends on the chunks, never on the image's size; each block's chunks are written
	 * atomically, and {@code resume} skips those already there.
	 */
	private static String denoiseZarr(final File in, final File out, final File model, final DenoiseFilesSettings s,
		final Task task)
	{
		if (s.spark) return DistributedDenoising.find().denoise(in, out, model, s, task);
		final ZarrDenoising.Existing existing = s.resume ? ZarrDenoising.Existing.RESUME : s.overwrite
			? ZarrDenoising.Existing.OVERWRITE : ZarrDenoising.Existing.REFUSE;
		final long t0 = System.nanoTime();
		try (Denoiser d = new Denoiser(ModelFile.load(model, AutoencoderModel.DENOISER), s.tileSize, s.threads)) {
			d.setEnsemble(s.ensemble);
			final List<Block> blocks = ZarrDenoising.plan(in.toPath(), out.toPath(), d, existing, 1);
			task.log("[" + in.getName() + "] " + blocks.size() + " blocks of whole output chunks into " + out);
			int written = 0;
			for (int i = 0; i < blocks.size(); i++) {
				if (task.isCancelled()) throw new PredictionMonitor.CancelledException();
				written += ZarrDenoising.run(blocks.get(i), d, PredictionMonitor.NONE);
				task.progress(i + 1, blocks.size());
			}
			final long levels = ZarrDenoising.pyramid(out.toPath());
			return String.format(Locale.ROOT, "Denoised %s into %s: %d chunks written in %d blocks, %d pyramid chunks, " +
				"%.1f s", in, out, written, blocks.size(), levels, (System.nanoTime() - t0) / 1e9);
		}
	}

	/** A Zarr folder: named *.zarr, or holding Zarr metadata (v2 or v3). */
	private static boolean isZarr(final File f) {
		return f.getName().endsWith(".zarr") || f.isDirectory() && (new File(f, ".zattrs").isFile() || new File(f,
			".zgroup").isFile() || new File(f, "zarr.json").isFile());
	}

	/**
	 * A folder (with stack) as a virtual stack of its files; a TIFF as a virtual stack if streaming or its pixels exceed
	 * {@code budget} bytes; anything else read whole.
	 */
	static ImagePlus open(final File f, final boolean stream, final long budget) {
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

	private static String size(final long bytes) {
		return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30)) : String.format(
			Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
	}
}
