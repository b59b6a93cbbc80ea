package sc.fiji.autoencoders.cli;

import java.io.File;

import sc.fiji.autoencoders.base.BadInputException;

/** Argument checks done before long work starts, so that a typo fails in a second and not after training. */
final class Checks {

	private Checks() {}

	static File outputFolder(final File dir) {
		if (dir.exists() && !dir.isDirectory()) throw new BadInputException("Output " + dir +
			" is a file, not a folder: give a folder for the results.");
		if (!dir.exists() && !dir.mkdirs()) throw new BadInputException("Cannot create output folder " + dir +
			": check the path and permissions.");
		if (!dir.canWrite()) throw new BadInputException("Output folder " + dir + " is not writable.");
		return dir;
	}
}
