package sc.fiji.autoencoders.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Replaces files by renaming a finished temporary file over them, so readers never see a half-written file. The
 * temporary files get the permissions a new FileOutputStream would get (0666 minus the umask), because the rename
 * carries them over to the output: Files.createTempFile's 0600 would leave outputs unreadable to the user's group.
 */
public final class AtomicFiles {

	private static final Random NAMES = new SecureRandom();

	private AtomicFiles() {}

	/**
	 * Creates a new, empty, hidden temporary file beside {@code target} ({@code .NAME.RANDOM.tmp}), with the process's
	 * default permissions. Unique names let two writers of the same output not clash.
	 */
	public static Path createTemporary(final File target) throws IOException {
		final File abs = target.getAbsoluteFile();
		final Path dir = abs.getParentFile().toPath();
		for (int attempt = 0;; attempt++) {
			final String random = Long.toUnsignedString(NAMES.nextLong(), 36);
			try {
				// no file attributes given: the file system applies the umask to 0666, as for a FileOutputStream
				return Files.createFile(dir.resolve("." + abs.getName() + "." + random + ".tmp"));
			}
			catch (final FileAlreadyExistsException e) {
				if (attempt >= 10) throw e;
			}
		}
	}

	/** Renames {@code tmp} over {@code target}: atomically where the file system can, else by a replacing move. */
	public static void move(final File tmp, final File target) throws IOException {
		try {
			Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
			// e.g. across file systems, or Windows with an existing target
			Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
