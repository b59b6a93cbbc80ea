package sc.fiji.autoencoders.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases of a small site: the first, an unchanged rebuild (the same index, byte for byte), and one where a library
 * moves to a new version and a platform's file goes away (previous versions, file names, an obsolete record).
 * UpdateSiteIT shows the real updater reading what this writes.
 */
public class UpdateSiteBuilderTest {

	static final long FIRST = 20260101120000L, SECOND = 20260202120000L, THIRD = 20260303120000L;

	@TempDir
	Path dir;

	@Test
	public void releasesKeepUnchangedFilesAndRecordPreviousVersions() throws Exception {
		final Path files = dir.resolve("files"), site = dir.resolve("site");
		jar(files.resolve("plugins/My_Plugin-1.0.jar"), "plugin");
		jar(files.resolve("lib/fiji-autoencoders/library-1.0.jar"), "library 1.0");
		jar(files.resolve("lib/linux64/fiji-autoencoders/natives-1.0.jar"), "linux natives");

		final List<SiteRecord> first = release(files, site, FIRST);
		assertEquals(3, first.size());
		final Map<String, SiteRecord> byName = byName(first);
		assertEquals(Set.of("linux64"), byName.get("lib/linux64/fiji-autoencoders/natives-1.0.jar").platforms);
		assertEquals(Set.of(), byName.get("plugins/My_Plugin-1.0.jar").platforms);
		assertEquals(Map.of("lib/fiji-autoencoders/library-1.0.jar", FIRST), byName.get("plugins/My_Plugin-1.0.jar")
			.dependencies);
		for (final SiteRecord r : first)
			assertTrue(Files.isRegularFile(site.resolve(r.filename + "-" + FIRST)), r.filename);
		final byte[] index = Files.readAllBytes(site.resolve(SiteIndex.FILE));

		release(files, site, SECOND);
		assertArrayEquals(index, Files.readAllBytes(site.resolve(SiteIndex.FILE)), "an unchanged rebuild");

		Files.delete(files.resolve("lib/fiji-autoencoders/library-1.0.jar"));
		jar(files.resolve("lib/fiji-autoencoders/library-1.1.jar"), "library 1.1");
		Files.delete(files.resolve("lib/linux64/fiji-autoencoders/natives-1.0.jar"));
		final List<SiteRecord> released = release(files, site, THIRD);
		final Map<String, SiteRecord> third = byName(released);
		final SiteRecord library = third.get("lib/fiji-autoencoders/library-1.1.jar");
		assertEquals(THIRD, library.current.timestamp);
		assertEquals(1, library.previous.size());
		assertEquals("lib/fiji-autoencoders/library-1.0.jar", library.previous.get(0).filename);
		assertEquals(FIRST, library.previous.get(0).timestamp);
		assertEquals(THIRD, library.previous.get(0).timestampObsolete);
		final SiteRecord natives = third.get("lib/linux64/fiji-autoencoders/natives-1.0.jar");
		assertNull(natives.current, "obsolete: the updater uninstalls it");
		assertEquals(byName.get(natives.filename).current.checksum, natives.previous.get(0).checksum);
		assertEquals(Set.of("linux64"), natives.platforms);
		final SiteRecord plugin = third.get("plugins/My_Plugin-1.0.jar");
		assertEquals(FIRST, plugin.current.timestamp, "unchanged");
		assertEquals(Map.of("lib/fiji-autoencoders/library-1.1.jar", THIRD), plugin.dependencies);
		assertEquals(SiteIndex.xml(released), SiteIndex.xml(SiteIndex.read(site.resolve(SiteIndex.FILE))),
			"what is read is what was written");
	}

	@Test
	public void platformsAreTheUpdatersFolders() {
		assertEquals("linux64", UpdateSiteBuilder.platform("lib/linux64/fiji-autoencoders/x.jar"));
		assertEquals("macos-arm64", UpdateSiteBuilder.platform("lib/macos-arm64/x.jar"));
		assertEquals("win64", UpdateSiteBuilder.platform("jars/win64/x.jar"));
		assertNull(UpdateSiteBuilder.platform("lib/fiji-autoencoders/x.jar"));
		assertNull(UpdateSiteBuilder.platform("plugins/linux64/x.jar"));
		assertNull(UpdateSiteBuilder.platform("lib/linux64"));
	}

	private List<SiteRecord> release(final Path files, final Path site, final long timestamp) throws Exception {
		return new UpdateSiteBuilder(files, site, timestamp, dir.resolve("checksums.properties")).build(UpdateSiteBuilder
			.previous(site));
	}

	private static Map<String, SiteRecord> byName(final List<SiteRecord> records) {
		final Map<String, SiteRecord> map = new java.util.HashMap<>();
		for (final SiteRecord r : records)
			map.put(r.filename, r);
		return map;
	}

	private static void jar(final Path jar, final String content) throws Exception {
		Files.createDirectories(jar.getParent());
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new ZipEntry("content.txt"));
			out.write(content.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
	}
}
