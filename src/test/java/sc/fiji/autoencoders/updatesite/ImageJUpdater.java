package sc.fiji.autoencoders.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * The real ImageJ updater's command line ({@code net.imagej.updater.CommandLine}, built from imagej/imagej-updater: see
 * ../shared/tools/imagej-updater/README.md) run on a Fiji.app in its own JVM, as {@code fiji --update ...} runs it.
 */
final class ImageJUpdater {

	static final File JAR = new File("../shared/tools/imagej-updater/imagej-updater.jar");
	/** Its other jars (scijava-common, app-launcher, parsington), copied here by the pom. */
	static final File LIBS = new File("target/imagej-updater");

	private final File app;

	ImageJUpdater(final File app) {
		this.app = app;
	}

	/**
	 * An empty Fiji.app whose only update site besides those added later is Fiji's own "ImageJ" site, pointed at an empty
	 * local site, so that the updater never tries the network (the tests have none).
	 */
	static ImageJUpdater emptyApp(final File app) throws IOException {
		final File empty = new File(app.getParentFile(), "empty-site");
		emptySite(empty);
		writeGzip(new File(app, SiteIndex.FILE), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n" +
			"<update-site name=\"ImageJ\" url=\"" + empty.getAbsoluteFile().toURI() + "\" official=\"true\" " +
			"timestamp=\"0\"/>\n</pluginRecords>\n");
		return new ImageJUpdater(app);
	}

	/** An update site without files. */
	static void emptySite(final File site) throws IOException {
		writeGzip(new File(site, SiteIndex.FILE), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n" +
			"</pluginRecords>\n");
	}

	/** Runs an updater command; asserts it succeeded; returns what it printed on stdout. */
	String run(final String... args) throws Exception {
		assertTrue(JAR.isFile(), "The ImageJ updater's jar is missing: " + JAR.getAbsolutePath() +
			" (../shared/tools/imagej-updater beside the project)");
		final List<String> cp = new ArrayList<>(List.of(JAR.getPath()));
		final File[] libs = LIBS.listFiles((d, n) -> n.endsWith(".jar"));
		assertTrue(libs != null && libs.length == 3, "the pom copies the updater's libraries to " + LIBS);
		for (final File f : libs)
			cp.add(f.getPath());
		final List<String> cmd = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
			.getPath(), "-Djava.awt.headless=true", "-Dimagej.dir=" + app.getAbsolutePath(), "-cp", String.join(
				File.pathSeparator, cp), "net.imagej.updater.CommandLine"));
		cmd.addAll(Arrays.asList(args));
		final File err = File.createTempFile("updater", ".err", app.getParentFile());
		final Process p = new ProcessBuilder(cmd).redirectError(err).start();
		final String out;
		try {
			out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(p.waitFor(300, TimeUnit.SECONDS), "updater " + String.join(" ", args) + " finished");
		}
		finally {
			p.destroyForcibly(); // a no-op once it has exited; never left running by a failed test
		}
		final String log = Files.readString(err.toPath());
		Files.delete(err.toPath());
		assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + out + log);
		assertFalse(log.contains("[ERROR]") || log.contains("[WARNING]") || log.contains("Exception"), String.join(" ",
			args) + "\n" + log);
		return out;
	}

	/** The files a {@code list...} command names: the first column of its lines "file\t(STATUS)\ttimestamp". */
	List<String> list(final String command) throws Exception {
		return Arrays.stream(run(command).split("\n")).filter(l -> l.contains("\t(")).map(l -> l.substring(0, l
			.indexOf('\t'))).sorted().collect(Collectors.toList());
	}

	private static void writeGzip(final File f, final String text) throws IOException {
		Files.createDirectories(f.getParentFile().toPath());
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f.toPath()))) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}
}
