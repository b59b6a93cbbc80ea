package sc.fiji.autoencoders.cli;

import java.io.File;

import sc.fiji.autoencoders.io.ImageFiles;

/** Argument checks done before long work starts, so that a typo fails in a second and not after training. */
final class Checks {

	private Checks() {}

	static File outputFolder(final File dir) {
		return ImageFiles.outputFolder(dir);
	}
}
