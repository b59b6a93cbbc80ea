package sc.fiji.autoencoders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install layout, as {@code mvn -Dscijava.app.directory=Fiji.app install} makes it (the pom runs the same goals into
 * target/Fiji.app before the integration tests), and a JVM started the way Fiji starts, with the CSBDeep update site's
 * legacy TensorFlow 1.15 jars first: the class path is Fiji.app/jars and Fiji.app/plugins, never lib/.
 */
public class InstallLayoutIT {

	static final File APP = new File("target/Fiji.app");

	@TempDir
	File dir;

	@Test
	public void pluginInPluginsTensorFlowInLibNothingOfTensorFlowOnFijisClassPath() throws IOException {
		final File[] plugin = new File(APP, "plugins").listFiles((d, n) -> n.matches("Fiji_Autoencoders-.*\\.jar") &&
			!n.contains("-sources") && !n.contains("-tests"));
		assertTrue(plugin != null && plugin.length == 1, "populate-app needs online Maven: plugins/ holds " + Arrays
			.toString(new File(APP, "plugins").list()));
		final File built = new File("target", plugin[0].getName());
		assertTrue(Arrays.equals(java.nio.file.Files.readAllBytes(built.toPath()), java.nio.file.Files.readAllBytes(
			plugin[0].toPath())),
			"the installed jar is not this build's: populate-app skips in offline mode (mvn -o); run mvn verify online");
		try (JarFile jar = new JarFile(plugin[0])) {
			assertTrue(jar.getEntry("plugins.config") != null, "the ImageJ 1 menu entries");
		}
		final List<String> lib = Arrays.asList(new File(APP, Engine.LIB).list());
		for (final String expected : new String[] { "tensorflow-core-api-1.1.0.jar", "ndarray-1.0.0.jar",
			"tensorflow-core-native-1.1.0.jar", "tensorflow-core-native-1.1.0-linux-x86_64.jar",
			"tensorflow-core-native-1.1.0-linux-arm64.jar", "tensorflow-core-native-1.1.0-windows-x86_64.jar",
			"tensorflow-core-native-1.1.0-macosx-arm64.jar", "javacpp-1.5.10.jar", "protobuf-java-4.32.0.jar" })
			assertTrue(lib.contains(expected), expected + " in " + lib);
		for (final String where : new String[] { "jars", "plugins" })
			for (final File f : listJars(new File(APP, where)))
				try (JarFile jar = new JarFile(f)) {
					assertTrue(jar.getEntry("org/tensorflow/Graph.class") == null &&
						jar.getEntry("com/google/protobuf/Message.class") == null, f + " is on Fiji's class path");
				}
	}

	@Test
	public void installedPluginTrainsAndDenoisesBesideTheLegacyJars() throws Exception {
		final List<String> cp = new ArrayList<>();
		for (final File f : new File("target/legacy-tf").listFiles())
			cp.add(f.getPath());
		for (final File f : listJars(new File(APP, "plugins")))
			cp.add(f.getPath());
		// Fiji's own libraries that the plugin uses (the install leaves them to Fiji)
		for (final String p : System.getProperty("java.class.path").split(File.pathSeparator))
			if (p.matches(".*/(ij|scijava-common|parsington|imglib2)-[0-9][0-9a-z.]*\\.jar")) cp.add(p);
		assertEquals(4 + 2 + 1, cp.size(), cp.toString());
		final File model = new File(dir, "m.aemodel"), out = new File(dir, "out");
		run(cp, "train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise", "gaussian:25", "--out", model
			.getPath(), "--epochs", "2", "--patch", "32", "--batch", "8", "--filters", "8", "--seed", "1");
		run(cp, "denoise", "--model", model.getPath(), "--input", "test-images/denoise-test.png", "--output", out
			.getPath());
		assertTrue(new File(out, "denoise-test.tif").isFile());
		assertFalse(new File(APP, "jars/Fiji_Autoencoders").exists());
	}

	// -- Helper methods --

	private static List<File> listJars(final File folder) {
		final List<File> jars = new ArrayList<>();
		final File[] files = folder.listFiles();
		if (files != null) for (final File f : files) {
			if (f.isDirectory()) jars.addAll(listJars(f));
			else if (f.getName().endsWith(".jar")) jars.add(f);
		}
		return jars;
	}

	private static void run(final List<String> cp, final String... args) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
			.getPath(), "-Xmx2g", "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, cp),
			"sc.fiji.autoencoders.cli.Launcher"));
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final Process p = pb.start();
		final String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(240, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + output);
	}
}
