package sc.fiji.autoencoders.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * Checksums remembered between builds by path, size and modification time, as the updater's own {@code .checksums}
 * file does: a jar checksum reads every entry, which takes seconds for each platform's TensorFlow natives.
 */
final class ChecksumCache {

	private final Path file;
	private final Properties known = new Properties();

	/** A cache kept in {@code file}; none when {@code file} is null. */
	ChecksumCache(final Path file) throws IOException {
		this.file = file;
		if (file != null && Files.isRegularFile(file)) try (InputStream in = Files.newInputStream(file)) {
			known.load(in);
		}
	}

	String checksum(final String path, final Path f) throws IOException {
		final String key = path + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis();
		String sum = known.getProperty(key);
		if (sum == null) {
			sum = UpdaterChecksum.of(path, f);
			known.setProperty(key, sum);
		}
		return sum;
	}

	void save() throws IOException {
		if (file == null) return;
		final Path tmp = AtomicFiles.createTemporary(file.toFile());
		try (OutputStream out = Files.newOutputStream(tmp)) {
			known.store(out, null);
		}
		AtomicFiles.move(tmp.toFile(), file.toFile());
	}
}
