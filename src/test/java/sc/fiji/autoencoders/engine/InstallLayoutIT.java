package sc.fiji.autoencoders.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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
			for (final File f : FijiJvm.jars(new File(APP, where)))
				try (JarFile jar = new JarFile(f)) {
					assertTrue(jar.getEntry("org/tensorflow/Graph.class") == null &&
						jar.getEntry("com/google/protobuf/Message.class") == null, f + " is on Fiji's class path");
				}
	}

	@Test
	public void installedPluginTrainsAndDenoisesBesideTheLegacyJars() throws Exception {
		FijiJvm.trainAndDenoise(FijiJvm.classPath(APP), dir);
		assertFalse(new File(APP, "jars/Fiji_Autoencoders").exists());
	}
}
