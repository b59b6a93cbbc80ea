package sc.fiji.autoencoders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM as a Fiji with the CSBDeep update site would start it: the legacy TensorFlow 1.15 Java jars
 * ({@code libtensorflow}, {@code libtensorflow_jni}, copied to target/legacy-tf by the pom) first on the class path,
 * then this plugin and its dependencies. The SciJava commands and the CLI must train and predict, and the legacy API
 * must still answer in the same JVM.
 */
public class LegacyTensorFlowTest {

	static List<String> classPath;

	@TempDir
	File dir;

	@BeforeAll
	static void classPath() {
		final File[] legacy = new File("target/legacy-tf").listFiles((d, n) -> n.endsWith(".jar"));
		Assumptions.assumeTrue(legacy != null && legacy.length == 2, "the pom copies the legacy jars to target/legacy-tf");
		Arrays.sort(legacy); // libtensorflow-1.15.0.jar, then libtensorflow_jni-1.15.0.jar
		classPath = new ArrayList<>();
		for (final File f : legacy)
			classPath.add(f.getAbsolutePath());
		final String ours = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		classPath.addAll(Arrays.asList(ours.split(File.pathSeparator)));
	}

	@Test
	public void commandsRunBesideTheLegacyJarsWhichKeepWorking() throws Exception {
		final String out = java(LegacyCoexistenceMain.class.getName(), dir.getAbsolutePath());
		assertTrue(out.contains("isolated engine: true"), out);
		assertTrue(out.contains("trained: true"), out);
		final double gain = Double.parseDouble(out.replaceAll("(?s).*psnr gain: ([-0-9.]+).*", "$1"));
		assertTrue(gain > 1, "PSNR gain " + gain + "\n" + out);
		assertTrue(out.contains("axis image api: true 1 tile(s)"), out);
		assertTrue(out.contains("axis image api bad input: Model file not found"), out);
		assertTrue(out.contains("legacy jar: libtensorflow-1.15.0.jar"), out);
		assertTrue(out.contains("legacy version: 1.15.0"), out);
	}

	@Test
	public void cliRunsBesideTheLegacyJars() throws Exception {
		final File model = new File(dir, "cli.aemodel"), output = new File(dir, "denoised");
		java("sc.fiji.autoencoders.cli.Main", "train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise",
			"gaussian:25", "--out", model.getPath(), "--epochs", "2", "--patch", "32", "--batch", "8", "--depth", "2",
			"--filters", "8", "--seed", "1");
		assertTrue(model.isFile(), "model written");
		java("sc.fiji.autoencoders.cli.Main", "denoise", "--model", model.getPath(), "--input",
			"test-images/denoise-test.png", "--output", output.getPath());
		assertTrue(new File(output, "denoise-test.tif").isFile(), "denoised image written");
	}

	/** The control: with isolation switched off, the legacy classes shadow TensorFlow Java 1.1 and nothing runs. */
	@Test
	public void withoutIsolationTheLegacyJarsBreakTensorFlowJava() throws Exception {
		final Process p = start(List.of("-D" + Engine.ISOLATE + "=false"), "sc.fiji.autoencoders.cli.Main",
			"train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise", "gaussian:25", "--out", new File(dir,
				"never.aemodel").getPath(), "--epochs", "1", "--patch", "32", "--batch", "8", "--filters", "8");
		final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		assertTrue(p.exitValue() != 0 && out.contains("org.tensorflow"), out);
		assertTrue(!new File(dir, "never.aemodel").exists());
	}

	// -- Helper methods --

	/** Runs a main class in a new JVM on the legacy-first class path; returns stdout and stderr, asserts exit 0. */
	private static String java(final String main, final String... args) throws Exception {
		final Process p = start(List.of(), main, args);
		final String out;
		try (var in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertTrue(p.waitFor(240, TimeUnit.SECONDS), "finished");
		assertEquals(0, p.exitValue(), () -> main + " " + String.join(" ", args) + "\n" + Arrays.stream(out
			.split("\n")).filter(l -> !l.startsWith("I0000")).collect(Collectors.joining("\n")));
		return out;
	}

	private static Process start(final List<String> options, final String main, final String... args)
		throws Exception
	{
		final List<String> cmd = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
			.getPath(), "-Xmx2g", "-Djava.awt.headless=true"));
		cmd.addAll(options);
		// the same SciJava preferences as this test JVM (the pom keeps them under target/)
		final String prefs = System.getProperty("java.util.prefs.userRoot");
		if (prefs != null) cmd.add("-Djava.util.prefs.userRoot=" + prefs);
		cmd.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), main));
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		return pb.start();
	}
}
