package sc.fiji.autoencoders.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/** Replaces files by renaming a finished temporary file over them, so readers never see a half-written file. */
public final class AtomicFiles {

	private AtomicFiles() {}

	public static void move(final File tmp, final File target) throws IOException {
		try {
			Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(tmp.toPath(), target.toPath(), StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
