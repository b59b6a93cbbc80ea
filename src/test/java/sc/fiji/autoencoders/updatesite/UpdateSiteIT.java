package sc.fiji.autoencoders.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.engine.AppPlatform;
import sc.fiji.autoencoders.engine.FijiJvm;

/**
 * The update site that {@code mvn package} builds (target/update-site), installed by the real ImageJ updater into an
 * empty Fiji.app from a {@code file:} URL: the files of this machine's platform and only those, checksums the updater
 * agrees with, the plugin training and denoising beside the legacy TensorFlow 1.15 jars; then the next releases: an
 * unchanged rebuild is no update, a changed plugin jar is exactly one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the last test releases and installs a changed plugin
public class UpdateSiteIT {

	static final Path BUILT_SITE = Path.of("target/update-site"), BUILT_FILES = Path.of("target/update-site-files");
	static final Path WORK = Path.of("target/update-site-it");
	static final Path SITE = WORK.resolve("site"), APP = WORK.resolve("Fiji.app");
	static final Path FIJIS_GSON = APP.resolve("jars/gson-2.8.9.jar");
	static ImageJUpdater updater;

	@TempDir
	File dir;

	@BeforeAll
	static void install() throws Exception {
		assertTrue(Files.isRegularFile(BUILT_SITE.resolve(SiteIndex.FILE)), "mvn package builds " + BUILT_SITE);
		delete(WORK);
		copy(BUILT_SITE, SITE); // a site of its own, which the tests below release again
		updater = ImageJUpdater.emptyApp(APP.toFile());
		Files.createDirectories(FIJIS_GSON.getParent()); // a library Fiji has in another version than the site's
		Files.copy(gson(), FIJIS_GSON);
		updater.run("add-update-site", "Fiji-Autoencoders", SITE.toAbsolutePath().toUri().toString());
		updater.run("update");
	}

	@Test
	@Order(1)
	public void installsThisPlatformsFilesAndOnlyThose() throws Exception {
		final TreeSet<String> expected = new TreeSet<>(), installed = new TreeSet<>();
		for (final Path f : UpdateSiteBuilder.list(BUILT_FILES)) {
			final String path = BUILT_FILES.relativize(f).toString().replace('\\', '/');
			final String platform = UpdateSiteBuilder.platform(path);
			if (platform == null || platform.equals(AppPlatform.current())) expected.add(path);
		}
		for (final Path f : UpdateSiteBuilder.list(APP))
			installed.add(APP.relativize(f).toString().replace('\\', '/'));
		installed.remove(SiteIndex.FILE); // the updater's own: its record of what it installed, its checksum cache
		installed.remove(".checksums");
		assertTrue(installed.remove(APP.relativize(FIJIS_GSON).toString()), "Fiji's own Gson stays");
		assertArrayEquals(Files.readAllBytes(gson()), Files.readAllBytes(FIJIS_GSON), "Fiji's own Gson is untouched");
		assertEquals(expected, installed);
		assertTrue(expected.contains(AppPlatform.nativeFolder(AppPlatform.current()) + "/tensorflow-core-native-1.1.0-" +
			AppPlatform.TENSORFLOW_CLASSIFIERS.get(AppPlatform.current()) + ".jar"), expected.toString());
		assertEquals(1, expected.stream().filter(p -> p.startsWith("plugins/")).count(), expected.toString());
		assertTrue(expected.stream().noneMatch(p -> p.startsWith("jars/")), "Fiji's own jars are not shipped");
		for (final String p : expected)
			assertArrayEquals(Files.readAllBytes(BUILT_FILES.resolve(p)), Files.readAllBytes(APP.resolve(p)), p);
		// the updater checksums the installed files itself: every one is as the site's index says
		assertEquals(List.of(), updater.list("list-modified"));
		assertEquals(new ArrayList<>(expected), updater.list("list-uptodate"));
	}

	@Test
	@Order(1)
	public void installedPluginTrainsAndDenoisesBesideTheLegacyJars() throws Exception {
		FijiJvm.trainAndDenoise(FijiJvm.classPath(APP.toFile()), dir);
	}

	@Test
	@Order(2)
	public void anUnchangedRebuildIsNoUpdateAChangedPluginJarIsExactlyOne() throws Exception {
		final Path files = WORK.resolve("files"), db = SITE.resolve(SiteIndex.FILE);
		copy(BUILT_FILES, files);
		final byte[] first = Files.readAllBytes(db);
		final long later = UpdateSiteBuilder.now();
		build(files, later);
		assertArrayEquals(first, Files.readAllBytes(db), "an unchanged rebuild writes the same index");
		assertEquals(List.of(), updater.list("list-updateable"));

		final Path jar;
		try (var plugins = Files.list(files.resolve("plugins"))) {
			jar = plugins.findFirst().orElseThrow();
		}
		final String name = files.relativize(jar).toString().replace('\\', '/');
		final SiteRecord before = record(name);
		withExtraEntry(jar);
		build(files, later);
		assertEquals(List.of(name), updater.list("list-updateable"));
		final SiteRecord after = record(name);
		assertNotEquals(before.current.checksum, after.current.checksum);
		assertEquals(later, after.current.timestamp);
		assertEquals(before.previous.size() + 1, after.previous.size());
		final SiteRecord.Version replaced = after.previous.get(after.previous.size() - 1);
		assertEquals(before.current.checksum, replaced.checksum);
		assertEquals(before.current.timestamp, replaced.timestamp);
		assertEquals(name, replaced.filename);
		assertEquals(later, replaced.timestampObsolete);
		for (final SiteRecord r : SiteIndex.read(db))
			if (!r.filename.equals(name)) assertNotEquals(later, r.current.timestamp, r.filename + " is unchanged");

		updater.run("update");
		assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(APP.resolve(name)));
		assertEquals(List.of(), updater.list("list-updateable"));
		assertEquals(List.of(), updater.list("list-modified"));
	}

	/** The updater's own upload (the publishing command of docs/INSTALL.md) writes the index this build writes. */
	@Test
	@Order(1)
	public void theUpdatersOwnUploadWritesTheSameIndex() throws Exception {
		final Path files = WORK.resolve("upload-app"), site = WORK.resolve("upload-site");
		copy(BUILT_FILES, files);
		final ImageJUpdater u = ImageJUpdater.emptyApp(files.toFile());
		ImageJUpdater.emptySite(site.toFile()); // as a newly reserved hosted site is
		u.run("add-update-site", "Fiji-Autoencoders", site.toAbsolutePath().toUri().toString(), "file:localhost", site
			.toAbsolutePath().toString());
		u.run("upload-complete-site", "--platforms", "linux64,linux-arm64,macos-arm64,win64", "Fiji-Autoencoders");
		assertEquals(summary(SiteIndex.read(BUILT_SITE.resolve(SiteIndex.FILE))), summary(SiteIndex.read(site.resolve(
			SiteIndex.FILE))));
	}

	/** The offline zip of this platform, unpacked over an empty Fiji.app, is what the updater would install. */
	@Test
	@Order(1)
	public void theOfflineZipInstallsWhatTheSiteDoes() throws Exception {
		final Path app = WORK.resolve("offline/Fiji.app");
		final ImageJUpdater u = ImageJUpdater.emptyApp(app.toFile());
		final Path zip;
		try (var zips = Files.list(Path.of("target"))) {
			zip = zips.filter(p -> p.getFileName().toString().matches("Fiji_Autoencoders-.*-offline-" + AppPlatform
				.current() + "\\.zip")).findFirst().orElseThrow();
		}
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (final ZipEntry e : Collections.list(z.entries())) {
				final Path t = app.resolve(e.getName());
				Files.createDirectories(t.getParent());
				try (InputStream in = z.getInputStream(e)) {
					Files.copy(in, t);
				}
			}
		}
		u.run("add-update-site", "Fiji-Autoencoders", SITE.toAbsolutePath().toUri().toString());
		assertEquals(List.of(), u.list("list-updateable"));
		assertEquals(List.of(), u.list("list-modified"));
		assertEquals(updater.list("list-uptodate"), u.list("list-uptodate"));
	}

	/**
	 * With the GPU site built ({@code mvn -Pgpu package}): subscribed after the CPU site, it replaces the CPU natives;
	 * on this machine (no GPU, no CUDA) TensorFlow's GPU build then runs on the CPU, and the log line says why.
	 */
	@Test
	@Order(3)
	public void theGpuSiteReplacesTheCpuNativesWhichFallBackToTheCpuWithoutCuda() throws Exception {
		final Path gpuSite = Path.of("target/update-site-gpu");
		Assumptions.assumeTrue(Files.isRegularFile(gpuSite.resolve(SiteIndex.FILE)), "the GPU site is built by " +
			"mvn -Pgpu package (a download of 526 MB)");
		Assumptions.assumeTrue(AppPlatform.current().equals("linux64"), "GPU natives exist for Linux x86-64 only");
		final String slot = AppPlatform.nativeFolder("linux64") + "/tensorflow-core-native-1.1.0-linux-x86_64.jar";
		updater.run("add-update-site", "Fiji-Autoencoders-GPU", gpuSite.toAbsolutePath().toUri().toString());
		assertEquals(List.of(slot), updater.list("list-updateable"));
		updater.run("update");
		assertArrayEquals(Files.readAllBytes(Path.of("target/update-site-gpu-files").resolve(slot)), Files.readAllBytes(
			APP.resolve(slot)));
		final String out = FijiJvm.trainAndDenoise(FijiJvm.classPath(APP.toFile()), dir);
		assertTrue(out.contains("runs on CPU:0: the GPU natives are installed, but TensorFlow found no usable GPU"), out);

		// back to the CPU: the updater now sees the GPU jar as a local change of the CPU site's file, and replaces it
		// when told to (in Help > Update..., the file's action "Update")
		updater.run("deactivate-update-site", "Fiji-Autoencoders-GPU");
		updater.run("update-force", slot);
		assertArrayEquals(Files.readAllBytes(BUILT_FILES.resolve(slot)), Files.readAllBytes(APP.resolve(slot)),
			"the CPU natives are back");
	}

	// -- Helper methods --

	private static Path gson() {
		for (final String p : System.getProperty("java.class.path").split(File.pathSeparator))
			if (p.matches(".*/gson-[^/]*\\.jar")) return Path.of(p);
		throw new IllegalStateException("Gson is on the test class path");
	}

	/** Of each record: file name, checksum, size, platforms; what the updater installs by. */
	private static TreeSet<String> summary(final List<SiteRecord> records) {
		final TreeSet<String> s = new TreeSet<>();
		for (final SiteRecord r : records)
			s.add(r.filename + " " + r.current.checksum + " " + r.filesize + " " + r.platforms);
		return s;
	}

	private static void build(final Path files, final long timestamp) throws IOException {
		new UpdateSiteBuilder(files, SITE, timestamp, Path.of("target/update-site-checksums.properties")).build(
			UpdateSiteBuilder.previous(SITE));
	}

	private static SiteRecord record(final String filename) throws IOException {
		return SiteIndex.read(SITE.resolve(SiteIndex.FILE)).stream().filter(r -> r.filename.equals(filename)).findFirst()
			.orElseThrow();
	}

	/** A new build of the jar: the same entries and one more. */
	private static void withExtraEntry(final Path jar) throws IOException {
		final Path changed = jar.resolveSibling("changed.tmp");
		try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(
			changed)))
		{
			for (final ZipEntry e : Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(e.getName()));
				try (InputStream data = in.getInputStream(e)) {
					data.transferTo(out);
				}
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("META-INF/release.txt"));
			out.write("the next release\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.closeEntry();
		}
		Files.delete(jar); // a hard link to the built jar: replace it, never write through it
		Files.move(changed, jar);
	}

	/** Copies a tree as hard links (the natives are hundreds of MB; nothing here writes into a linked file). */
	private static void copy(final Path from, final Path to) throws IOException {
		for (final Path f : UpdateSiteBuilder.list(from)) {
			final Path t = to.resolve(from.relativize(f).toString());
			Files.createDirectories(t.getParent());
			try {
				Files.createLink(t, f);
			}
			catch (final IOException | UnsupportedOperationException e) {
				Files.copy(f, t);
			}
		}
	}

	private static void delete(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (var s = Files.walk(p)) {
			for (final Path f : (Iterable<Path>) s.sorted(Collections.reverseOrder())::iterator)
				Files.delete(f);
		}
	}
}
