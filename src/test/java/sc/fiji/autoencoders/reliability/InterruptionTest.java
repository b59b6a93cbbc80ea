package sc.fiji.autoencoders.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * A training killed outright (SIGKILL: a crash, a closed laptop) or stopped (SIGTERM, Ctrl-C) leaves the best model so
 * far on disk, complete, and {@code --resume} continues it with its history, optimizer state and normalization.
 */
public class InterruptionTest {

	@TempDir
	File dir;

	@Test
	public void killedTrainingLeavesTheBestModelAndResumeContinuesIt() throws Exception {
		final File model = new File(dir, "m.aemodel");
		final Process p = cli(train(model));
		final AutoencoderModel saved = waitForEpochs(model, 2, p);
		p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		final AutoencoderModel afterKill = ModelFile.load(model, ModelKind.DENOISER);
		assertTrue(afterKill.history.size() >= saved.history.size(), "a complete model file survives the kill");
		assertTrue(afterKill.optimizerState != null, "optimizer state stored for resuming");

		final File resumed = new File(dir, "resumed.aemodel");
		final List<String> args = new ArrayList<>(List.of("train-denoiser", "--clean", "test-images/denoise-train.tif",
			"--noise", "gaussian:25", "--out", resumed.getPath(), "--resume", model.getPath(), "--epochs", "2",
			"--steps-per-epoch", "5", "--patch", "32", "--batch", "8"));
		final Process r = cli(args);
		assertTrue(r.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, r.exitValue(), output(r));
		final AutoencoderModel next = ModelFile.load(resumed, ModelKind.DENOISER);
		assertEquals(afterKill.history.size() + 2, next.history.size(), "history continues");
		assertEquals(afterKill.steps + 10, next.steps, "steps continue");
		assertArrayEquals(new double[] { afterKill.normalization.low(), afterKill.normalization.high() }, new double[] {
			next.normalization.low(), next.normalization.high() }, "same normalization");
	}

	@Test
	public void stoppedTrainingSavesTheBestModelAndExits() throws Exception {
		final File model = new File(dir, "s.aemodel");
		final Process p = cli(train(model));
		waitForEpochs(model, 1, p);
		p.destroy(); // SIGTERM, as Ctrl-C or a batch system's stop
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops");
		final String out = output(p);
		assertTrue(out.contains("Interrupted: stopping and saving the best model so far"), out);
		assertTrue(ModelFile.load(model, ModelKind.DENOISER).history.size() >= 1);
	}

	// -- Helper methods --

	private static List<String> train(final File model) {
		return new ArrayList<>(List.of("train-denoiser", "--clean", "test-images/denoise-train.tif", "--noise",
			"gaussian:25", "--out", model.getPath(), "--epochs", "1000", "--steps-per-epoch", "5", "--patch", "32",
			"--batch", "8", "--filters", "8", "--seed", "1"));
	}

	private static AutoencoderModel waitForEpochs(final File model, final int epochs, final Process p)
		throws Exception
	{
		for (int i = 0; i < 1200; i++) {
			if (model.isFile()) {
				final AutoencoderModel m = ModelFile.load(model, ModelKind.DENOISER); // complete at any time
				if (m.history.size() >= epochs) return m;
			}
			assertTrue(p.isAlive(), "training ended early");
			Thread.sleep(100);
		}
		throw new AssertionError("no model with " + epochs + " epochs written");
	}

	private static String output(final Process p) throws Exception {
		return new String(java.nio.file.Files.readAllBytes(LOGS.get(p).toPath()), StandardCharsets.UTF_8);
	}

	private static final java.util.Map<Process, File> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

	private Process cli(final List<String> args) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
			.getPath(), "-Xmx1g", "-cp", System.getProperty("surefire.test.class.path", System.getProperty(
				"java.class.path")), "sc.fiji.autoencoders.cli.Main"));
		cmd.addAll(args);
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final File log = File.createTempFile("cli", ".log", dir);
		pb.redirectOutput(log);
		final Process p = pb.start();
		LOGS.put(p, log);
		return p;
	}

}
