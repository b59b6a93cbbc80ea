package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.TiffStackWriter;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Image files (TIFF stacks, folders of planes, single images) denoised as independent parts, for a cluster scheduler:
 * a file a 3D model must see whole, or of one plane, is one part written straight to its target; a stack for a 2D
 * model is cut into runs of whole channel groups of about {@link #PART_PIXELS} pixels, each denoised into a file of its
 * own beside the target ({@code NAME.tif.parts/000001.tif}), and {@link #assemble} then joins them plane by plane into
 * the target. Every file appears atomically, so tasks share no file, a retried task overwrites nothing good, and a rerun
 * skips the parts already there. Planes are denoised by the same code as in one process, so the result is the same.
 */
public final class PlaneParts {

	/**
	 * Pixels a part aims at: a few seconds of work on one core and a few tens of MB of memory, so that a cluster's
	 * cores share even one stack; system property {@code fiji.ae.partPixels} sets another.
	 */
	static final long PART_PIXELS = 8L << 20;

	private PlaneParts() {}

	/** One task's work: planes {@code from..to-1} (1-based) of a source, or the whole source when {@code from == 0}. */
	public static final class Part implements Serializable {

		private static final long serialVersionUID = 1L;

		final String source, target;
		final boolean folder;
		final int from, to, number;

		Part(final File source, final File target, final int from, final int to, final int number) {
			this.source = source.getAbsolutePath();
			this.target = target.getAbsolutePath();
			this.folder = source.isDirectory();
			this.from = from;
			this.to = to;
			this.number = number;
		}

		/** The file this part writes: its target, or its numbered file in the target's parts folder. */
		public File file() {
			return from == 0 ? new File(target) : new File(partsFolder(new File(target)), String.format(Locale.ROOT,
				"%06d.tif", number));
		}

		@Override
		public String toString() {
			return new File(source).getName() + (from == 0 ? "" : " planes " + from + "-" + (to - 1));
		}
	}

	/**
	 * The parts of {@code sources}, to be written to {@code targets} (the same order). Without {@code resume} the parts
	 * folders of earlier runs are deleted; with it, a target that exists is finished and has no part.
	 */
	public static List<Part> plan(final List<File> sources, final List<File> targets, final Denoiser d,
		final boolean resume)
	{
		final boolean volumetric = d.axes().contains(Axis.Z);
		final List<Part> parts = new ArrayList<>();
		for (int i = 0; i < sources.size(); i++) {
			final File source = sources.get(i), target = targets.get(i);
			if (!resume) delete(partsFolder(target));
			else if (target.isFile()) continue;
			final ImagePlus imp = open(source);
			final int planes = imp.getStackSize(), group = imp.getNChannels();
			final long groupPixels = (long) imp.getWidth() * imp.getHeight() * group;
			if (volumetric || planes == 1) {
				parts.add(new Part(source, target, 0, 0, 0));
				continue;
			}
			final long aim = Long.getLong("fiji.ae.partPixels", PART_PIXELS);
			final int step = group * (int) Math.max(1, Math.min(planes / group, aim / groupPixels));
			for (int from = 1, n = 1; from <= planes; from += step, n++)
				parts.add(new Part(source, target, from, Math.min(planes + 1, from + step), n));
		}
		return parts;
	}

	/** True when the part's file exists: files appear only when complete. */
	public static boolean isComplete(final Part p) {
		return p.file().isFile();
	}

	/** Denoises one part into its file; a cancelled part leaves no file. */
	public static void run(final Part p, final Denoiser d, final PredictionMonitor monitor) {
		final ImagePlus imp = open(new File(p.source));
		final ImagePlus planes;
		if (p.from == 0) planes = imp;
		else {
			final ImageStack all = imp.getStack(), some = new ImageStack(imp.getWidth(), imp.getHeight());
			for (int i = p.from; i < p.to; i++)
				some.addSlice(all.getSliceLabel(i), all.getProcessor(i));
			planes = new ImagePlus(imp.getTitle(), some);
			planes.setDimensions(imp.getNChannels(), (p.to - p.from) / imp.getNChannels(), 1);
			planes.setCalibration(imp.getCalibration());
		}
		final File file = p.file();
		file.getParentFile().mkdirs();
		ImageDenoising.denoiseToTiff(planes, List.of(d), file, monitor);
	}

	/**
	 * Joins the parts of every target whose parts are all complete into the target (a 32-bit stack with the source's
	 * dimensions and calibration, written plane by plane), then deletes its parts folder.
	 *
	 * @return the targets written
	 */
	public static int assemble(final List<Part> parts) {
		int written = 0;
		for (int i = 0; i < parts.size();) {
			int j = i;
			while (j < parts.size() && parts.get(j).target.equals(parts.get(i).target))
				j++;
			final List<Part> ofTarget = parts.subList(i, j);
			i = j;
			if (ofTarget.get(0).from == 0 || !ofTarget.stream().allMatch(PlaneParts::isComplete)) continue;
			final File target = new File(ofTarget.get(0).target);
			final ImagePlus source = open(new File(ofTarget.get(0).source));
			try (TiffStackWriter w = new TiffStackWriter(target, source.getWidth(), source.getHeight(), 32, source
				.getNChannels(), source.getNSlices(), source.getNFrames(), source.getCalibration()))
			{
				for (final Part p : ofTarget) {
					final ImageStack planes = ImageFiles.openVirtual(p.file()).getStack();
					for (int k = 1; k <= planes.getSize(); k++)
						w.write(planes.getProcessor(k).getPixels());
				}
			}
			delete(partsFolder(target));
			written++;
		}
		return written;
	}

	static File partsFolder(final File target) {
		return new File(target.getPath() + ".parts");
	}

	/** A folder as a stack of its files, a TIFF read plane by plane when asked, anything else whole. */
	private static ImagePlus open(final File f) {
		return DenoiseFiles.open(f, true, 0);
	}

	private static void delete(final File folder) {
		if (!folder.exists()) return;
		try (Stream<Path> files = Files.walk(folder.toPath())) {
			for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot delete " + folder, e);
		}
	}
}
