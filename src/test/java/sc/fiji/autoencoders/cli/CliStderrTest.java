package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * bin/fiji-ae itself (a separate bash and JVM process, on the test class path through FIJI_AE_CLASSPATH): TensorFlow's
 * INFO and WARNING lines stay off stderr unless --verbose is given, errors and our own messages pass, and kill and
 * Ctrl-C still stop a training and keep its model although stderr runs through a filter process.
 */
public class CliStderrTest {

	/** absl's INFO and WARNING lines, e.g. {@code I0000 00:00:1795693832.31 2199 auto_mixed_precision.cc:2260] ...}. */
	private static final Pattern ABSL_INFO = Pattern.compile("(?m)^[IW]\\d{4} ");

	@TempDir
	File dir;

	@BeforeAll
	static void unixOnly() {
		assumeTrue(new File("/bin/bash").canExecute(), "bin/fiji-ae is a bash script");
	}

	@Test
	public void noTensorFlowInfoLinesUnlessVerbose() throws Exception {
		final Run quiet = run(train(new File(dir, "q.aemodel"), 1, "--precision", "bfloat16"));
		assertEquals(0, quiet.status, quiet.err);
		assertTrue(quiet.out.contains("bfloat16 arithmetic"), quiet.out);
		assertFalse(ABSL_INFO.matcher(quiet.err).find(), quiet.err);
		assertFalse(quiet.err.contains("auto_mixed_precision"), quiet.err);
		assertEquals("", quiet.err.trim(), "nothing else on stderr either");

		final List<String> verbose = train(new File(dir, "v.aemodel"), 1, "--precision", "bfloat16");
		verbose.add(1, "--verbose"); // after the subcommand's name; Main also takes it before
		final Run loud = run(verbose);
		assertEquals(0, loud.status, loud.err);
		// oneDNN's bfloat16 rewriting, which logs these lines, runs on x86-64 CPUs with native bfloat16 (AVX512-BF16 or
		// AMX; an AVX2-only CPU such as this project's 2026-12 machines rewrites nothing); TF_ENABLE_ONEDNN_OPTS=0 turns
		// it off
		final String arch = System.getProperty("os.arch", "");
		if ((arch.equals("amd64") || arch.equals("x86_64")) && !"0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS")) &&
			cpuHasBfloat16())
		{
			assertTrue(ABSL_INFO.matcher(loud.err).find(), loud.err);
			assertTrue(count(loud.err, "auto_mixed_precision") >= 2, loud.err);
		}
	}

	@Test
	public void ourMessagesAreOnStderrWhenTheCommandReturns() throws Exception {
		// read from a file right after the exit, as a script would: the filter must have passed the line on by then
		for (int i = 0; i < 3; i++) {
			final Run r = run(List.of("info", "--model", new File(dir, "missing.aemodel").getPath()));
			assertEquals(2, r.status);
			assertEquals(1, r.err.trim().split("\n").length, r.err);
			assertTrue(r.err.startsWith("Error: Model file not found"), r.err);
		}
	}

	@Test
	public void filterDropsInfoAndWarningsButKeepsErrors() throws Exception {
		// a stand-in for java that writes what TensorFlow and the CLI write, to check the filter line by line
		final File fake = new File(dir, "fake-java");
		Files.write(fake.toPath(), List.of("#!/bin/sh", "cat >&2 <<'EOF'",
			"WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
			"I0000 00:00:1795693832.310000    2199 auto_mixed_precision.cc:2260] Converted 132/298 nodes to bfloat16",
			"W0000 00:00:1795693832.320000    2199 op_level_cost_estimator.cc:699] Error in PredictCost()",
			"E0000 00:00:1795693832.330000    2199 meta_optimizer.cc:966] remapper failed",
			"2026-11-26 11:54:54.469970: E tensorflow/core/framework/op_kernel.cc:1828] OP_REQUIRES failed",
			"Error: Model file not found: x.aemodel. Check the path, or train a model first.",
			"Image I0000 is fine", "EOF",
			// as the CLI's StderrFilter.drain does: Java closes a child's pipes when the child exits, so a line the
			// filter had not passed on yet would be lost
			"exec 2>&-", "while kill -0 \"$FIJI_AE_STDERR_FILTER\" 2>/dev/null; do sleep 0.05; done", "echo done"),
			StandardCharsets.UTF_8);
		assertTrue(fake.setExecutable(true));
		final Run r = runPiped(List.of("info"), "JAVA", fake.getPath());
		assertEquals(0, r.status, r.err);
		assertEquals("done", r.out.trim());
		assertEquals(List.of("E0000 00:00:1795693832.330000    2199 meta_optimizer.cc:966] remapper failed",
			"2026-11-26 11:54:54.469970: E tensorflow/core/framework/op_kernel.cc:1828] OP_REQUIRES failed",
			"Error: Model file not found: x.aemodel. Check the path, or train a model first.", "Image I0000 is fine"),
			lines(r.err));
		assertEquals(7, lines(runPiped(List.of("info", "--verbose"), "JAVA", fake.getPath()).err).size(),
			"--verbose passes everything");
	}

	@Test
	public void killStopsTrainingAndKeepsTheModel() throws Exception {
		final File model = new File(dir, "t.aemodel");
		final Started s = start(train(model, 1000), List.of());
		final Run r;
		try {
			waitForEpochs(model, s.process);
			s.process.destroy(); // SIGTERM to bin/fiji-ae's process, which is java (exec)
			assertTrue(s.process.waitFor(60, TimeUnit.SECONDS), "stops");
			r = s.finish();
		}
		finally {
			s.process.destroyForcibly();
		}
		assertTrue(r.out.contains("Interrupted: stopping and saving the best model so far"), r.out);
		assertTrue(ModelFile.load(model, AutoencoderModel.DENOISER).history.size() >= 1);
		assertEquals("", r.err.trim());
	}

	@Test
	public void ctrlCStopsTrainingAndKeepsTheModel() throws Exception {
		assumeTrue(new File("/usr/bin/setsid").canExecute(), "setsid gives the run a process group of its own");
		assumeTrue(!sigintIgnored(), "SIGINT is ignored in this JVM (started in the background), so in its children");
		final File model = new File(dir, "c.aemodel");
		// a terminal's Ctrl-C: SIGINT to the whole foreground process group, java and the stderr filter alike
		final Started s = start(train(model, 1000), List.of("/usr/bin/setsid"));
		final Run r;
		try {
			waitForEpochs(model, s.process);
			final Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + s.process.pid()).inheritIO().start();
			assertEquals(0, kill.waitFor(), "process group " + s.process.pid() + " signalled");
			assertTrue(s.process.waitFor(60, TimeUnit.SECONDS), "stops");
			r = s.finish();
		}
		finally {
			s.process.destroyForcibly();
		}
		assertEquals(130, r.status, "exit status of SIGINT");
		assertTrue(r.out.contains("Interrupted: stopping and saving the best model so far"), r.out);
		assertTrue(r.out.contains("Training finished (cancelled)"), r.out);
		assertTrue(ModelFile.load(model, AutoencoderModel.DENOISER).history.size() >= 1);
	}

	// -- Helper methods --

	private static List<String> train(final File model, final int epochs, final String... more) {
		final List<String> args = new ArrayList<>(List.of("train-denoiser", "--clean", "test-images/denoise-train.tif",
			"--noise", "gaussian:25", "--out", model.getPath(), "--epochs", "" + epochs, "--steps-per-epoch", "3", "--patch", "32",
			"--batch", "4", "--filters", "8", "--seed", "1"));
		args.addAll(List.of(more));
		return args;
	}

	private static final class Run {

		final int status;
		final String out, err;

		Run(final int status, final String out, final String err) {
			this.status = status;
			this.out = out;
			this.err = err;
		}
	}

	private static final class Started {

		final Process process;
		final File out, err;

		Started(final Process process, final File out, final File err) {
			this.process = process;
			this.out = out;
			this.err = err;
		}

		Run finish() throws IOException {
			return new Run(process.exitValue(), read(out), read(err));
		}
	}

	private Run run(final List<String> args, final String... env) throws Exception {
		final Started s = start(args, List.of(), env);
		assertTrue(s.process.waitFor(180, TimeUnit.SECONDS), "finishes");
		return s.finish();
	}

	/**
	 * Runs bin/fiji-ae reading stdout and stderr through pipes to their end, which comes when the filter has exited
	 * too: for stand-ins of java, which do not wait for the filter as Main does.
	 */
	private static Run runPiped(final List<String> args, final String... env) throws Exception {
		final Process p = builder(args, List.of(), env).start();
		final CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
		final String out = readAll(p.getInputStream());
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finishes");
		return new Run(p.exitValue(), out, err.get(60, TimeUnit.SECONDS));
	}

	/** Starts bin/fiji-ae with stdout and stderr going to files, which are read once it has exited. */
	private Started start(final List<String> args, final List<String> prefix, final String... env) throws Exception {
		final ProcessBuilder pb = builder(args, prefix, env);
		final File out = File.createTempFile("out", ".txt", dir), err = File.createTempFile("err", ".txt", dir);
		pb.redirectOutput(out).redirectError(err);
		return new Started(pb.start(), out, err);
	}

	private static ProcessBuilder builder(final List<String> args, final List<String> prefix, final String... env) {
		final List<String> cmd = new ArrayList<>(prefix);
		cmd.add(new File("bin/fiji-ae").getAbsolutePath());
		cmd.addAll(args);
		final ProcessBuilder pb = new ProcessBuilder(cmd);
		pb.environment().put("FIJI_AE_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty(
			"java.class.path")));
		pb.environment().put("JAVA", new File(System.getProperty("java.home"), "bin/java").getPath());
		pb.environment().put("JAVA_OPTS", "-Xmx1g");
		pb.environment().remove("TF_CPP_MIN_LOG_LEVEL"); // what bin/fiji-ae sets by itself
		for (int i = 0; i < env.length; i += 2)
			pb.environment().put(env[i], env[i + 1]);
		return pb;
	}

	private static String readAll(final java.io.InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void waitForEpochs(final File model, final Process p) throws Exception {
		for (int i = 0; i < 1200; i++) {
			if (model.isFile() && ModelFile.load(model, AutoencoderModel.DENOISER).history.size() >= 1) return;
			assertTrue(p.isAlive(), "training ended early");
			Thread.sleep(100);
		}
		throw new AssertionError("no model written");
	}

	/** True when this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), which its children inherit. */
	private static boolean sigintIgnored() throws IOException {
		final File status = new File("/proc/self/status");
		if (!status.isFile()) return false;
		for (final String line : Files.readAllLines(status.toPath()))
			if (line.startsWith("SigIgn:")) return (Long.parseLong(line.substring(7).trim(), 16) & 2) != 0;
		return false;
	}

	private static String read(final File f) throws IOException {
		return new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
	}

	private static List<String> lines(final String s) {
		return s.lines().filter(l -> !l.isEmpty()).collect(Collectors.toList());
	}

	private static int count(final String s, final String part) {
		return s.split(Pattern.quote(part), -1).length - 1;
	}

	/** Native bfloat16 instructions, as /proc/cpuinfo lists them (false where there is no such file). */
	private static boolean cpuHasBfloat16() {
		try {
			return new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/cpuinfo")),
				java.nio.charset.StandardCharsets.US_ASCII).matches("(?s).*\\b(avx512_bf16|amx_bf16)\\b.*");
		}
		catch (final java.io.IOException e) {
			return false;
		}
	}
}
