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
		for (final File f : ImageFiles.expand(paths))
			planes.addAll(ImageFiles.planes(ImageFiles.open(f)));
		return planes;
	}

	/** The image files behind the paths, opened. */
	static List<ImagePlus> images(final List<File> paths) {
		final List<ImagePlus> images = new ArrayList<>();
		for (final File f : ImageFiles.expand(paths))
			images.add(ImageFiles.open(f));
		return images;
	}
}
