package sc.fiji.autoencoders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started the way Fiji starts one with the CSBDeep update site installed: the legacy TensorFlow 1.15 jars first
 * (copied to target/legacy-tf by the pom), then what an installed Fiji.app has in {@code plugins/}, then Fiji's own
 * libraries that the plugin uses; never anything from {@code lib/}. For the tests of installed layouts.
 */
public final class FijiJvm {

	private FijiJvm() {}

	/** The class path of a Fiji with the legacy jars, for the Fiji.app at {@code app}. */
	public static List<String> classPath(final File app) {
		final List<String> cp = new ArrayList<>();
		for (final File f : new File("target/legacy-tf").listFiles())
			cp.add(f.getPath());
		for (final File f : jars(new File(app, "plugins")))
			cp.add(f.getPath());
		// Fiji's own libraries that the plugin uses (an install leaves them to Fiji)
		for (final String p : System.getProperty("java.class.path").split(File.pathSeparator))
			if (p.matches(".*/(ij|scijava-common|parsington|imglib2)-[0-9][0-9a-z.]*\\.jar")) cp.add(p);
		assertEquals(4 + 2 + 1, cp.size(), cp.toString());
		return cp;
	}

	/** Every jar below {@code folder}. */
	public static List<File> jars(final File folder) {
		final List<File> jars = new ArrayList<>();
		final File[] files = folder.listFiles();
		if (files != null) for (final File f : files) {
			if (f.isDirectory()) jars.addAll(jars(f));
			else if (f.getName().endsWith(".jar")) jars.add(f);
		}
		return jars;
	}

	/** Runs the plugin's command line on {@code cp}; asserts that it exits with 0; returns its stdout and stderr. */
	public static String runCli(final List<String> cp, final String... args) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
			.getPath(), "-Xmx2g", "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, cp),
			"sc.fiji.autoencoders.cli.Launcher"));
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final Process p = pb.start();
		final String output;
		try {
			output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(p.waitFor(240, TimeUnit.SECONDS));
		}
		finally {
			p.destroyForcibly(); // a no-op once it has exited; never left running by a failed test
		}
		assertEquals(0, p.exitValue(), String.join(" ", args) + "\n" + output);
		return output;
	}

	/** Trains a small denoiser and denoises the test image with it through the CLI on {@code cp}; returns the output. */
	public static String trainAndDenoise(final List<String> cp, final File dir) throws Exception {
		final File model = new File(dir, "m.aemodel"), out = new File(dir, "out");
		final String output = runCli(cp, "train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise",
			"gaussian:25", "--out", model.getPath(), "--epochs", "2", "--patch", "32", "--batch", "8", "--filters", "8",
			"--seed", "1");
		runCli(cp, "denoise", "--model", model.getPath(), "--input", "test-images/denoise-test.png", "--output", out
			.getPath());
		assertTrue(new File(out, "denoise-test.tif").isFile());
		return output;
	}
}
