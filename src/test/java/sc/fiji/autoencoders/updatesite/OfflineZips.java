package sc.fiji.autoencoders.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * The offline install: for each platform, one zip of the same files the update site serves (under their installed
 * names), to unpack over a Fiji.app ({@code unzip -o PREFIX-linux64.zip -d Fiji.app}). Each holds the
 * platform-independent files and that platform's natives only, so that the updater, once online, finds every file
 * installed and up to date and sees no other platform as in use.
 */
final class OfflineZips {

	/** Entries carry this time, not the build's, so that the same files make the same zip. */
	private static final long ENTRY_TIME = 315532800000L + 86400000L; // 1980-01-02, the zip format's epoch

	private OfflineZips() {}

	/** Writes {@code <prefix>-<platform>.zip} for every platform {@code files} has natives for; returns them. */
	static List<Path> write(final Path files, final String prefix) throws IOException {
		final List<Path> all = UpdateSiteBuilder.list(files);
		final TreeSet<String> platforms = new TreeSet<>();
		for (final Path f : all) {
			final String p = UpdateSiteBuilder.platform(path(files, f));
			if (p != null) platforms.add(p);
		}
		final List<Path> zips = new ArrayList<>();
		for (final String platform : platforms) {
			final List<Path> content = new ArrayList<>();
			for (final Path f : all) {
				final String p = UpdateSiteBuilder.platform(path(files, f));
				if (p == null || p.equals(platform)) content.add(f);
			}
			final Path zip = Paths.get(prefix + "-" + platform + ".zip");
			if (!upToDate(zip, content)) write(files, content, zip);
			zips.add(zip);
		}
		return zips;
	}

	private static boolean upToDate(final Path zip, final List<Path> content) throws IOException {
		if (!Files.isRegularFile(zip)) return false;
		final long made = Files.getLastModifiedTime(zip).toMillis();
		for (final Path f : content)
			if (Files.getLastModifiedTime(f).toMillis() > made) return false;
		return true;
	}

	/** Jars are stored, not compressed again: they are zips already, and deflating 700 MB of natives takes long. */
	private static void write(final Path files, final List<Path> content, final Path zip) throws IOException {
		if (zip.getParent() != null) Files.createDirectories(zip.getParent());
		final Path tmp = AtomicFiles.createTemporary(zip.toFile());
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
			for (final Path f : content) {
				final ZipEntry e = new ZipEntry(path(files, f));
				e.setTime(ENTRY_TIME);
				if (e.getName().endsWith(".jar")) {
					e.setMethod(ZipEntry.STORED);
					e.setSize(Files.size(f));
					e.setCompressedSize(Files.size(f));
					e.setCrc(crc(f));
				}
				out.putNextEntry(e);
				Files.copy(f, out);
				out.closeEntry();
			}
		}
		catch (final IOException e) {
			Files.deleteIfExists(tmp);
			throw e;
		}
		AtomicFiles.move(tmp.toFile(), zip.toFile());
	}

	private static long crc(final Path f) throws IOException {
		final CRC32 crc = new CRC32();
		final byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(f)) {
			for (int n; (n = in.read(buffer)) >= 0;)
				crc.update(buffer, 0, n);
		}
		return crc.getValue();
	}

	private static String path(final Path files, final Path f) {
		return files.relativize(f).toString().replace('\\', '/');
	}
}
