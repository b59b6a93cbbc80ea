package sc.fiji.autoencoders.io.bioimageio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * The exported SavedModel runs in deepImageJ's TensorFlow 2 engine: a separate JVM whose class path is TensorFlow Java
 * 0.5.0 (TensorFlow 2.10.1, copied to target/tf-0.5.0 by the pom with its natives, ndarray, JavaCPP and protobuf) and
 * one runner class compiled here against those jars, loads the package's SavedModel with tag serve, applies the
 * description's scale_linear preprocessing to the test input, runs serving_default, applies the postprocessing, and
 * must give the test output within 1e-4 (in normalized units, i.e. 1e-4 of the normalization's range in image units).
 * That guards against graph ops that TensorFlow 2.10 does not know.
 */
class DeepImageJEngineTest {

	static final File JARS = new File("target/tf-0.5.0");
	/** In normalized units: the network's own output scale (image units divide by the normalization's range). */
	static final double TOLERANCE = 1e-4;

	@TempDir
	static Path dir;
	static Path runner;

	@BeforeAll
	static void compileRunner() throws Exception {
		final File[] jars = JARS.listFiles((d, n) -> n.endsWith(".jar"));
		assertTrue(jars != null && jars.length == 6, "the pom copies TensorFlow Java 0.5.0 and its 5 other jars to " +
			JARS + " (mvn generate-test-resources)");
		runner = Files.createDirectories(dir.resolve("runner"));
		final Path source = runner.resolve("DeepImageJRunner.java");
		try (InputStream in = DeepImageJEngineTest.class.getResourceAsStream("/deepimagej/DeepImageJRunner.java")) {
			Files.copy(in, source);
		}
		final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		final int rc = javac.run(null, null, err, "-cp", classPath(false), "-d", runner.toString(), source.toString());
		assertEquals(0, rc, "compiling the runner against TensorFlow Java 0.5.0: " + err);
	}

	@Test
	void a2dCleanModeModelRuns() throws Exception {
		runsInTensorFlowJava050("clean2d");
	}

	@Test
	void a2dNoise2VoidModelRuns() throws Exception {
		runsInTensorFlowJava050("n2v2d"); // blur pooling, no top skip
	}

	@Test
	void a2dPairsModelRuns() throws Exception {
		runsInTensorFlowJava050("pairs2d"); // plain autoencoder, bilinear upsampling
	}

	@Test
	void a3dModelRuns() throws Exception {
		runsInTensorFlowJava050("clean3d"); // Z pooled at one level of two
	}

	private static void runsInTensorFlowJava050(final String kind) throws Exception {
		final AutoencoderModel model = ExportFixtures.models().get(kind);
		final File zip = dir.resolve(kind + ".zip").toFile();
		BioImageIoExport.write(model, BioImageIoExportTest.info(), null, zip);
		final Path pkg = Files.createDirectories(dir.resolve(kind));
		ExportFixtures.unzip(zip, pkg);
		final Path savedModel = Files.createDirectories(dir.resolve(kind + "-savedmodel"));
		final List<String> weights = ExportFixtures.unzip(pkg.resolve(BioImageIoExport.WEIGHTS).toFile(), savedModel);
		assertTrue(weights.contains("saved_model.pb"), weights.toString());
		final Map<String, Object> rdf = ExportFixtures.rdf(pkg);
		final double[] pre = ExportFixtures.scale(rdf, "inputs", "preprocessing");
		final double[] post = ExportFixtures.scale(rdf, "outputs", "postprocessing");

		final String out = java("DeepImageJRunner", savedModel.toString(), pkg.resolve("test_input.npy").toString(), pkg
			.resolve("test_output.npy").toString(), Double.toString(pre[0]), Double.toString(pre[1]), Double.toString(
				post[0]), Double.toString(post[1]));
		assertTrue(out.contains("tensorflow 2.10.1"), out);
		final double diff = Double.parseDouble(out.replaceAll("(?s).*max abs diff ([-0-9.eE]+).*", "$1"));
		final double scale = model.normalization.scale();
		System.out.println(String.format(Locale.ROOT, "%s: TensorFlow 2.10.1 vs test output: max abs diff %.3g (image " +
			"units), %.3g normalized", kind, diff, diff / scale));
		assertTrue(diff / scale <= TOLERANCE, kind + ": " + diff + " in image units, " + diff / scale +
			" normalized\n" + out);
		// the check is not vacuous: the network is far from the identity on this input
		final Npy.Array in, expected;
		try (InputStream a = Files.newInputStream(pkg.resolve("test_input.npy")); InputStream b = Files.newInputStream(
			pkg.resolve("test_output.npy")))
		{
			in = Npy.read(a);
			expected = Npy.read(b);
		}
		double change = 0;
		for (int i = 0; i < in.values.length; i++)
			change = Math.max(change, Math.abs(expected.values[i] - in.values[i]));
		assertTrue(change / scale > 0.01, kind + ": the network changes the test input by at most " + change);
		if (kind.equals("clean2d")) {
			// the control: without the description's pre- and postprocessing the output does not match
			final String raw = java("DeepImageJRunner", savedModel.toString(), pkg.resolve("test_input.npy").toString(),
				pkg.resolve("test_output.npy").toString(), "1", "0", "1", "0");
			final double rawDiff = Double.parseDouble(raw.replaceAll("(?s).*max abs diff ([-0-9.eE]+).*", "$1"));
			assertTrue(rawDiff / scale > 100 * TOLERANCE, "without scale_linear: " + rawDiff);
		}
	}

	private static String classPath(final boolean withRunner) {
		final List<String> cp = new ArrayList<>();
		for (final File f : JARS.listFiles((d, n) -> n.endsWith(".jar")))
			cp.add(f.getAbsolutePath());
		if (withRunner) cp.add(runner.toString());
		return String.join(File.pathSeparator, cp);
	}

	private static String java(final String main, final String... args) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(),
			"-Xmx1g", "-cp", classPath(true), main));
		cmd.addAll(Arrays.asList(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final Process p = pb.start();
		final String out;
		try (InputStream in = p.getInputStream()) {
			out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
		assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + "\n" + Arrays.stream(out.split("\n")).filter(
			l -> !l.startsWith("I0000")).collect(Collectors.joining("\n")));
		return out;
	}
}
