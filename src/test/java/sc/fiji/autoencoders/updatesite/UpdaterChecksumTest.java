package sc.fiji.autoencoders.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link UpdaterChecksum} against the real updater's {@code UpdaterUtil.getDigest} (the jar in
 * ../shared/tools/imagej-updater): the jars of this test's class path, and jars made to hit the special cases (zip
 * timestamps, manifest lines, '#' lines of .properties files, among them the empty comment line).
 */
public class UpdaterChecksumTest {

	@TempDir
	Path dir;

	@Test
	public void sameChecksumsAsTheImageJUpdater() throws Exception {
		final List<Path> files = new ArrayList<>();
		for (final String p : System.getProperty("java.class.path").split(File.pathSeparator))
			if (p.matches(".*/(gson|snakeyaml|scijava-common|imglib2|picocli)-[^/]*\\.jar")) files.add(Path.of(p));
		assertEquals(5, files.size(), files.toString());
		files.add(jar("a.jar", 1_000_000_000_000L, "Manifest-Version: 1.0\nMain-Class: x.Y\nBuilt-By: me\n",
			"#Generated\n#\nversion=1\n# not a comment after the empty one\nname=a\n"));
		files.add(jar("b.jar", 1_600_000_000_000L, "Manifest-Version: 1.0\nCreated-By: someone else\n",
			"#Another date\n#\nversion=1\n# not a comment after the empty one\nname=a\n"));
		final Path text = dir.resolve("notes.txt");
		Files.writeString(text, "not a jar\n");
		files.add(text);

		try (URLClassLoader updater = updater()) {
			final Method digest = updater.loadClass("net.imagej.updater.util.UpdaterUtil").getMethod("getDigest",
				String.class, File.class);
			for (final Path f : files) {
				final String path = (f.toString().endsWith(".jar") ? "jars/" : "plugins/") + f.getFileName();
				assertEquals(digest.invoke(null, path, f.toFile()), UpdaterChecksum.of(path, f), path);
			}
		}
		// what the updater ignores: zip times, the manifest, .properties comments; so a rebuild is no update
		assertEquals(UpdaterChecksum.of("jars/a.jar", files.get(5)), UpdaterChecksum.of("jars/b.jar", files.get(6)));
		assertNotEquals(UpdaterChecksum.of("jars/a.jar", files.get(5)), UpdaterChecksum.of("jars/c.jar", jar("c.jar",
			1_000_000_000_000L, "Manifest-Version: 1.0\n", "#Generated\nversion=2\n")));
	}

	private Path jar(final String name, final long time, final String manifest, final String properties)
		throws Exception
	{
		final Path jar = dir.resolve(name);
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
			put(out, "META-INF/MANIFEST.MF", manifest, time);
			put(out, "META-INF/maven/x/y/pom.properties", properties, time);
			put(out, "x/Y.class", "bytes of a class", time);
		}
		return jar;
	}

	private static void put(final ZipOutputStream out, final String name, final String text, final long time)
		throws Exception
	{
		final ZipEntry e = new ZipEntry(name);
		e.setTime(time);
		out.putNextEntry(e);
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

	/** The real updater with scijava-common 2.99.0, which it was built against (copied to target/ by the pom). */
	private static URLClassLoader updater() throws Exception {
		assertTrue(ImageJUpdater.JAR.isFile(), "The ImageJ updater's jar is missing: " + ImageJUpdater.JAR
			.getAbsolutePath());
		final List<URL> urls = new ArrayList<>(List.of(ImageJUpdater.JAR.toURI().toURL()));
		final File[] libs = ImageJUpdater.LIBS.listFiles((d, n) -> n.startsWith("scijava-common"));
		assertTrue(libs != null && libs.length == 1, "the pom copies the updater's libraries to " + ImageJUpdater.LIBS);
		urls.add(libs[0].toURI().toURL());
		return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
	}
}
