package sc.fiji.autoencoders.updatesite;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The SHA-1 checksum of a file as the ImageJ updater computes it ({@code UpdaterUtil.getDigest} and
 * {@code getJarDigest(file)} of imagej/imagej-updater), so that a site built here and a Fiji.app the updater checksums
 * agree, and an unchanged rebuild is no update. A jar's checksum covers its entries sorted by name (name, then
 * content), not the zip's timestamps; in {@code .properties} entries it skips the lines that start with '#' (the date
 * Maven writes into pom.properties), and of the manifest it keeps nothing: the updater's filter keeps only lines whose
 * upper-cased form starts with "Main-Class:", which none does. Any other file: the path, then the content.
 */
public final class UpdaterChecksum {

	private UpdaterChecksum() {}

	/** The checksum of {@code file}, installed as {@code path} (relative to the Fiji.app, '/'-separated). */
	public static String of(final String path, final Path file) throws IOException {
		final MessageDigest digest = sha1();
		if (path.endsWith(".jar")) {
			try (JarFile jar = new JarFile(file.toFile())) {
				final List<JarEntry> entries = new ArrayList<>(java.util.Collections.list(jar.entries()));
				entries.sort(Comparator.comparing(JarEntry::getName));
				for (final JarEntry e : entries) {
					digest.update(e.getName().getBytes(StandardCharsets.US_ASCII));
					if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
					try (InputStream in = e.getName().endsWith(".properties") ? new SkipHashedLines(jar.getInputStream(e))
						: jar.getInputStream(e))
					{
						update(digest, in);
					}
				}
			}
		}
		else {
			digest.update(path.getBytes(StandardCharsets.US_ASCII));
			try (InputStream in = Files.newInputStream(file)) {
				update(digest, in);
			}
		}
		final StringBuilder hex = new StringBuilder();
		for (final byte b : digest.digest())
			hex.append(String.format("%02x", b & 0xff));
		return hex.toString();
	}

	private static void update(final MessageDigest digest, final InputStream in) throws IOException {
		final byte[] buffer = new byte[65536];
		for (int n; (n = in.read(buffer)) >= 0;)
			digest.update(buffer, 0, n);
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The updater's {@code SkipHashedLines}, byte for byte: a '#' at a line start drops the characters up to the line's
	 * end but keeps the '\n'. Its quirk is kept too: after an empty comment line ("#\n") the next line does not count as
	 * a line start.
	 */
	static final class SkipHashedLines extends FilterInputStream {

		private boolean atLineStart = true;

		SkipHashedLines(final InputStream in) {
			super(new java.io.BufferedInputStream(in, 1024));
		}

		@Override
		public int read() throws IOException {
			int ch = in.read();
			if (atLineStart) {
				if (ch == '#') while ((ch = read()) != '\n' && ch != -1) {
					// dropped
				}
				else atLineStart = false;
			}
			else if (ch == '\n') atLineStart = true;
			return ch;
		}

		@Override
		public int read(final byte[] b, final int off, final int len) throws IOException {
			int count = 0;
			while (count < len) {
				final int ch = read();
				if (ch < 0) return count == 0 ? -1 : count;
				b[off + count++] = (byte) ch;
			}
			return count;
		}
	}
}
