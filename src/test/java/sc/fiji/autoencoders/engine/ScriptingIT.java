package sc.fiji.autoencoders.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;

/**
 * The scripting example of docs/SCRIPTING.md, run from the installed layout as Fiji's Script Editor would run it: a JVM
 * with the CSBDeep update site's legacy TensorFlow 1.15 jars first, then Fiji.app/plugins and Fiji's own ImageJ,
 * SciJava and ImgLib2 jars (never lib/). The script calls {@code FijiAutoencoders}, which must cross into the isolated
 * engine by itself, train, and denoise.
 */
public class ScriptingIT {

	@TempDir
	File dir;

	@Test
	public void documentedGroovyScriptTrainsAndDenoisesFromTheInstalledLayout() throws Exception {
		final ImagePlus clean = IJ.openImage("test-images/denoise-test.png");
		final FloatProcessor noisy = clean.getProcessor().convertToFloatProcessor();
		final Random rng = new Random(1);
		final float[] px = (float[]) noisy.getPixels();
		for (int i = 0; i < px.length; i++)
			px[i] += (float) (25 * rng.nextGaussian());
		final File noisyFile = new File(dir, "noisy.tif"), out = new File(dir, "denoised.tif");
		IJ.saveAsTiff(new ImagePlus("noisy", noisy), noisyFile.getPath());

		final String log = run("docs/examples/denoise.groovy", "clean=test-images/denoise-train.tif", "noisy=" +
			noisyFile, "model=" + new File(dir, "m.aemodel"), "output=" + out);
		assertTrue(log.contains("denoised "), log);

		final ImagePlus denoised = IJ.openImage(out.getPath());
		assertEquals(clean.getWidth(), denoised.getWidth());
		assertEquals(32, denoised.getBitDepth());
		final double before = psnr(clean, noisy), after = psnr(clean, denoised.getProcessor()
			.convertToFloatProcessor());
		assertTrue(after > before + 2, "PSNR " + before + " -> " + after + "\n" + log);
		// the ImgLib2 route of the same script gives the same pixels
		final ImagePlus viaImgLib2 = IJ.openImage(new File(dir, "denoised-imglib2.tif").getPath());
		assertTrue(log.contains("ImgLib2 result with axes [X, Y]"), log);
		assertArrayEquals((float[]) denoised.getProcessor().getPixels(), (float[]) viaImgLib2.getProcessor()
			.getPixels());
	}

	/**
	 * A script of version 0.1 (docs/BATCH.md then), calling the SciJava commands through {@code CommandService} with the
	 * input names of then, from the installed layout: the module comes back with its outputs from the isolated engine.
	 */
	@Test
	public void scriptOfVersion01RunsTheCommandsFromTheInstalledLayout() throws Exception {
		final File noisy = new File(dir, "noisy.tif"), out = new File(dir, "denoised.tif");
		IJ.saveAsTiff(IJ.openImage("test-images/denoise-test.png"), noisy.getPath());
		final String log = run("src/test/resources/scripts/commands-0.1.groovy", "noisy=" + noisy, "model=" + new File(dir,
			"m.aemodel"), "output=" + out);
		assertTrue(log.contains("Saved " + new File(dir, "m.aemodel")) && log.contains("denoised noisy-denoised"), log);
		assertEquals(32, IJ.openImage(out.getPath()).getBitDepth());
	}

	/** Runs {@link ScriptMain} with the installed layout's class path, as Fiji would; returns its output. */
	private static String run(final String... args) throws Exception {
		final List<String> cp = new ArrayList<>();
		for (final File f : new File("target/legacy-tf").listFiles())
			cp.add(f.getPath());
		for (final File f : new File(InstallLayoutIT.APP, "plugins").listFiles((d, n) -> n.endsWith(".jar")))
			cp.add(f.getPath());
		for (final String p : System.getProperty("java.class.path").split(File.pathSeparator))
			if (p.matches(".*/(ij|scijava-common|parsington|imglib2|groovy)-[0-9][0-9a-z.]*\\.jar")) cp.add(p);
		cp.add(scriptMainOnly().getPath());
		final List<String> command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java")
			.getPath(), "-Xmx2g", "-Djava.awt.headless=true", "-cp", String.join(File.pathSeparator, cp), ScriptMain.class
				.getName()));
		command.addAll(List.of(args));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(300, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), log);
		return log;
	}

	/**
	 * A folder holding only {@link ScriptMain}'s classes: the whole of target/test-classes would also bring the test
	 * sources' plug-ins (their SciJava index) onto Fiji's class path, which no installation has.
	 */
	private static File scriptMainOnly() throws java.io.IOException {
		final String pkg = ScriptMain.class.getPackage().getName().replace('.', '/');
		final File dir = new File("target/script-main/" + pkg);
		dir.mkdirs();
		for (final File c : new File("target/test-classes/" + pkg).listFiles((d, n) -> n.startsWith(ScriptMain.class
			.getSimpleName() + ".") || n.startsWith(ScriptMain.class.getSimpleName() + "$")))
			java.nio.file.Files.copy(c.toPath(), new File(dir, c.getName()).toPath(),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return new File("target/script-main");
	}

	private static double psnr(final ImagePlus clean, final FloatProcessor test) {
		final float[] a = (float[]) clean.getProcessor().convertToFloatProcessor().getPixels();
		final float[] b = (float[]) test.getPixels();
		double se = 0;
		for (int i = 0; i < a.length; i++) {
			final double d = a[i] - Math.max(0, Math.min(255, b[i]));
			se += d * d;
		}
		return 10 * Math.log10(255.0 * 255 / (se / a.length));
	}
}
