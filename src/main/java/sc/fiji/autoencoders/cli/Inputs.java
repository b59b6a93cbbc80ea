package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;

/** Reading the image arguments of the subcommands. */
final class Inputs {

	private Inputs() {}

	/** Every plane of every image file (folders are expanded). */
	static List<Plane> planes(final List<File> paths) {
		final List<Plane> planes = new ArrayList<>();
		for (final File f : paths) {
			if (isIdx(f)) planes.addAll(ImageFiles.readIdx(f));
			else for (final File g : ImageFiles.expand(List.of(f)))
				planes.addAll(ImageFiles.planes(ImageFiles.open(g)));
		}
		return planes;
	}

	/** Planes of channel {@code channel} (1-based) of every image file or folder given. */
	static List<Plane> planesOfChannel(final List<File> paths, final int channel) {
		final List<Plane> planes = new ArrayList<>();
		for (final File g : ImageFiles.expand(paths))
			planes.addAll(ImageFiles.planesOfChannel(ImageFiles.open(g), channel));
		return planes;
	}

	/** MNIST-style IDX files, plain or gzipped, recognised by name (e.g. train-images-idx3-ubyte.gz). */
	static boolean isIdx(final File f) {
		return f.isFile() && f.getName().toLowerCase().contains("idx3");
	}

	/** Planes of one image argument: a file (all slices), or slice N of a stack written as PATH:N (1-based). */
	static Plane plane(final String arg) {
		final int colon = arg.lastIndexOf(':');
		if (colon > 1 && arg.substring(colon + 1).matches("\\d+")) {
			final List<Plane> all = planes(List.of(new File(arg.substring(0, colon))));
			final int n = Integer.parseInt(arg.substring(colon + 1));
			if (n < 1 || n > all.size()) throw new sc.fiji.autoencoders.BadInputException("Slice " + n + " of " + arg
				.substring(0, colon) + " does not exist: it has " + all.size() + " slices (numbered from 1).");
			return all.get(n - 1);
		}
		final List<Plane> all = planes(List.of(new File(arg)));
		return all.get(0);
	}

	/** The image files behind the paths, opened. */
	static List<ImagePlus> images(final List<File> paths) {
		final List<ImagePlus> images = new ArrayList<>();
		for (final File f : ImageFiles.expand(paths))
			images.add(ImageFiles.open(f));
		return images;
	}
}
