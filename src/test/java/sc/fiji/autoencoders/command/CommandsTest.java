package sc.fiji.autoencoders.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.module.ModuleService;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.noise.NoiseModels;

/** The SciJava commands run through a Context's CommandService with no display, as Fiji runs them. */
public class CommandsTest {

	static Context context;
	static CommandService commands;

	@TempDir
	File dir;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, OperationCommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** Runs the command as scripts of every version do. */
	/** Runs the command of class name {@code name} (in this package: the names of version 0.1's commands). */
	static CommandModule run(final String name, final Object... inputs) throws Exception {
		return commands.run("sc.fiji.autoencoders.command." + name, true, inputs).get();
	}

	@Test
	public void trainThenDenoiseAStack() throws Exception {
		final ImagePlus clean = ImagePlanes.toImagePlus("clean.tif", TestImages.blobStack(4, 96, 96, 1), 1, 4, 1);
		clean.getCalibration().pixelWidth = 0.2;
		final File model = new File(dir, "d.aemodel");
		CommandModule m = run("TrainDenoisingAutoencoder", "image", clean, "noise", "gaussian:20", "model_file",
			model, "minutes", 0, "epochs", 4, "patch_size", 32, "batch_size", 8, "depth", 2, "filters", 8, "architecture",
			"unet", "seed", 1L, "resume_from", null);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(model.isFile());

		final List<Plane> noisyPlanes = TestImages.blobStack(2, 80, 72, 50);
		final List<Plane> cleanPlanes = TestImages.blobStack(2, 80, 72, 50);
		for (final Plane p : noisyPlanes)
			NoiseModels.parse("gaussian:20").apply(p.pixels(), 255, new Random(2));
		final ImagePlus noisy = ImagePlanes.toImagePlus("noisy.tif", noisyPlanes, 1, 2, 1);
		noisy.getCalibration().pixelWidth = 0.3;
		m = run("DenoiseWithAutoencoder", "image", noisy, "model_file", model, "channel_models", "", "tile_size",
			1024);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final ImagePlus out = (ImagePlus) m.getOutput("denoised");
		assertEquals("noisy-denoised.tif", out.getTitle());
		assertEquals(2, out.getStackSize());
		assertEquals(0.3, out.getCalibration().pixelWidth);
		final List<Plane> denoised = ImagePlanes.planes(out);
		for (int i = 0; i < 2; i++)
			assertTrue(Metrics.psnr(cleanPlanes.get(i), denoised.get(i), 255) > Metrics.psnr(cleanPlanes.get(i),
				noisyPlanes.get(i), 255) + 1.5, "PSNR gained on slice " + (i + 1));

		m = run("EvaluateDenoiser", "image", ImagePlanes.toImagePlus("c", cleanPlanes, 1, 2, 1), "model_file", model,
			"noise", "", "seed", 1L);
		assertEquals(2, ((ResultsTable) m.getOutput("results")).size());

		m = run("AutoencoderModelInfo", "model_file", model);
		assertTrue(m.getOutput("info").toString().contains("gaussian:20"));

		// export, then the package as the model file: the same pixels
		final File zip = new File(dir, "d.zip");
		m = run("ExportToBioImageIo", "model", model, "output", zip, "sample", null, "name", "", "description", "",
			"authors", "", "license", "CC-BY-4.0", "tags", "");
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(zip, m.getOutput("written"));
		m = run("DenoiseWithAutoencoder", "image", noisy, "model_file", zip, "channel_models", "", "tile_size", 1024);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final List<Plane> viaZip = ImagePlanes.planes((ImagePlus) m.getOutput("denoised"));
		for (int i = 0; i < 2; i++)
			assertArrayEquals(denoised.get(i).pixels(), viaZip.get(i).pixels(), "slice " + (i + 1) + " via the package");
	}

	/**
	 * The two commands that train code models take their shared parameters from one base class: SciJava sees them, in
	 * the order of the dialogs (the stack and model file first), and the run trains what they say.
	 */
	@Test
	public void codeModelsTrainWithTheirSharedAndOwnParameters() throws Exception {
		final ImagePlus stack = ImagePlanes.toImagePlus("blobs", TestImages.blobStack(40, 16, 16, 3), 1, 40, 1);
		for (final String c : List.of("TrainAutoencoderForFeatures", "TrainVariationalAutoencoder")) {
			final List<String> inputs = new java.util.ArrayList<>();
			context.service(ModuleService.class).createModule(commands.getCommand("sc.fiji.autoencoders.command." + c)).getInfo().inputs()
				.forEach(i -> inputs.add(i.getName()));
			inputs.removeAll(List.of("context", "log", "commandService", "pluginService", "moduleService")); // services
			assertEquals(List.of("images", "model"), inputs.subList(0, 2), c + ": " + inputs);
			assertTrue(inputs.contains("resume_from") && inputs.contains(c.equals("TrainVariationalAutoencoder") ? "latent"
				: "code"), inputs.toString());
		}
		final File ae = new File(dir, "ae.aemodel"), vae = new File(dir, "vae.aemodel");
		CommandModule m = run("TrainAutoencoderForFeatures", "image", stack, "model_file", ae, "code", 3,
			"regularizer", "sparse", "depth", 1, "filters", 4, "epochs", 2, "minutes", 0, "resume_from", null);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final var a = sc.fiji.autoencoders.io.ModelFile.load(ae);
		assertEquals(3, a.vae.latent());
		assertEquals(1, a.vae.depth());
		assertEquals(2, a.history.size());
		assertTrue(m.getOutput("summary").toString().startsWith("Saved " + ae), m.getOutput("summary").toString());
		m = run("TrainVariationalAutoencoder", "image", stack, "model_file", vae, "latent", 2, "depth", 1,
			"filters", 4, "epochs", 1, "minutes", 0, "labels", "none", "resume_from", null, "labels_file", null);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals(2, sc.fiji.autoencoders.io.ModelFile.load(vae).vae.latent());
		assertEquals("vae", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(vae).kind));
	}

	/** One model per channel: training on channel 2 of a two-channel hyperstack sees only that channel's intensities. */
	@Test
	public void trainOnOneChannel() throws Exception {
		final List<Plane> planes = new java.util.ArrayList<>();
		for (final Plane p : TestImages.blobStack(3, 64, 64, 7)) {
			planes.add(p);
			final Plane bright = p.copy();
			for (int i = 0; i < bright.pixels().length; i++)
				bright.pixels()[i] = 1000 + 10 * bright.pixels()[i];
			planes.add(bright);
		}
		final ImagePlus hyper = ImagePlanes.toImagePlus("two-channels", planes, 2, 3, 1);
		final File model = new File(dir, "c2.aemodel");
		CommandModule m = run("TrainDenoisingAutoencoder", "image", hyper, "channel", 2, "noise", "gaussian:200",
			"model_file", model, "minutes", 0, "epochs", 1, "patch_size", 32, "batch_size", 4, "depth", 1, "filters", 4,
			"architecture", "unet", "seed", 1L, "resume_from", null);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final var norm = sc.fiji.autoencoders.io.ModelFile.load(model).normalization;
		assertTrue(norm.low() >= 1000, "channel 2 only: " + norm.low());
		m = run("TrainDenoisingAutoencoder", "image", hyper, "channel", 3, "noise", "gaussian:20", "model_file",
			model, "minutes", 0, "epochs", 1, "patch_size", 32, "batch_size", 4, "depth", 1, "filters", 4, "architecture",
			"unet", "seed", 1L, "resume_from", null);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("channel 3 does not exist"), m.getCancelReason());
		// a later run that leaves the channel out trains on all channels, not on the channel SciJava last saw
		final File all = new File(dir, "all.aemodel");
		m = run("TrainDenoisingAutoencoder", "image", hyper, "noise", "gaussian:20", "model_file", all, "minutes", 0,
			"epochs", 1, "patch_size", 32, "batch_size", 4, "depth", 1, "filters", 4, "architecture", "unet", "seed", 1L);
		assertFalse(m.isCanceled(), m.getCancelReason());
		final var allNorm = sc.fiji.autoencoders.io.ModelFile.load(all).normalization;
		assertTrue(allNorm.low() < 1000 && allNorm.high() > 1000, "both channels: " + allNorm.low() + ".." + allNorm
			.high());
	}

	/** Noise2Void and pairs through the SciJava command; a later run without the mode trains on clean images again. */
	@Test
	public void trainingModesThroughTheCommand() throws Exception {
		final List<Plane> cleanPlanes = TestImages.blobStack(2, 64, 64, 60);
		final List<Plane> noisyPlanes = TestImages.blobStack(2, 64, 64, 60);
		for (final Plane p : noisyPlanes)
			NoiseModels.parse("gaussian:20").apply(p.pixels(), 255, new Random(3));
		final ImagePlus noisy = ImagePlanes.toImagePlus("noisy.tif", noisyPlanes, 1, 2, 1);
		final ImagePlus clean = ImagePlanes.toImagePlus("clean.tif", cleanPlanes, 1, 2, 1);
		final File n2v = new File(dir, "n2v.aemodel"), care = new File(dir, "care.aemodel"), plain = new File(dir,
			"plain.aemodel");
		CommandModule m = run("TrainDenoisingAutoencoder", "image", noisy, "mode", "noisy", "structn2v", "x",
			"model_file", n2v, "minutes", 0, "epochs", 1, "patch_size", 32, "batch_size", 4, "depth", 1, "filters", 4);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals("noisy", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(n2v).mode));
		m = run("TrainDenoisingAutoencoder", "image", noisy, "target", clean, "mode", "pairs", "model_file", care,
			"minutes", 0, "epochs", 1, "patch_size", 32, "batch_size", 4, "depth", 1, "filters", 4);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals("pairs", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(care).mode));
		m = run("TrainDenoisingAutoencoder", "image", noisy, "target", ImagePlanes.toImagePlus("small.tif", List.of(
			TestImages.blobs(48, 64, 1)), 1, 1, 1), "mode", "pairs", "model_file", care, "minutes", 0, "epochs", 1);
		assertTrue(m.isCanceled() && m.getCancelReason().contains("its target 'small.tif' is 48x64"), m
			.getCancelReason());
		m = run("TrainDenoisingAutoencoder", "image", clean, "model_file", plain, "minutes", 0, "epochs", 1,
			"patch_size", 32, "batch_size", 4, "depth", 1, "filters", 4);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertEquals("clean", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(plain).mode));
	}

	@Test
	public void badInputCancelsWithTheReason() throws Exception {
		final CommandModule m = run("DenoiseWithAutoencoder", "image", ImagePlanes.toImagePlus("x", List.of(TestImages
			.blobs(64, 64, 1)), 1, 1, 1), "model_file", new File(dir, "none.aemodel"), "channel_models", "", "tile_size",
			1024);
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().contains("not found"), m.getCancelReason());
		final CommandModule e = run("ExportToBioImageIo", "model", new File(dir, "none.aemodel"), "output", new File(
			dir, "none.zip"), "license", "CC-BY-4.0");
		assertTrue(e.isCanceled());
		assertTrue(e.getCancelReason().contains("not found"), e.getCancelReason());
	}

	/** An operation added after version 0.1 has a command too, named by its command-line name in CamelCase. */
	@Test
	public void anOperationAddedSinceRunsByItsNameInCamelCase() throws Exception {
		final File camera = new File(dir, "camera.aenoise");
		final CommandModule m = run("NoiseModel", "input", ImagePlanes.toImagePlus("noisy", List.of(TestImages.blobs(
			32, 32, 1)), 1, 1, 1), "spec", "gaussian:5", "model", camera);
		assertFalse(m.isCanceled(), m.getCancelReason());
		assertTrue(camera.isFile(), camera + " not written");
		assertTrue(String.valueOf(m.getOutput("result")).contains(camera.getName()), String.valueOf(m.getOutput(
			"result")));
		assertTrue(m.getOutput("noise_plot") instanceof ImagePlus, "the noise against the signal, as a plot image");
	}

	/**
	 * A script of an earlier version, as docs/BATCH.md of 0.1 wrote it (there in Jython; here the same calls in
	 * Groovy), run as Fiji runs it, in a context with every service: {@code command.run(...).get()} gives the module,
	 * its inputs of then are read, and its outputs are the results.
	 */
	@Test
	public void aScriptOfAnEarlierVersionRunsAsWritten() throws Exception {
		final File noisy = new File(dir, "cells.tif"), out = new File(dir, "cells-denoised.tif");
		final List<Plane> planes = TestImages.blobStack(2, 64, 64, 7);
		for (final Plane p : planes)
			NoiseModels.parse("gaussian:20").apply(p.pixels(), 255, new Random(3));
		ij.IJ.saveAsTiff(ImagePlanes.toImagePlus("cells", planes, 1, 2, 1), noisy.getPath());
		sc.fiji.autoencoders.engine.ScriptMain.main(new String[] { "src/test/resources/scripts/commands-0.1.groovy",
			"noisy=" + noisy, "model=" + new File(dir, "cells.aemodel"), "output=" + out });
		final ImagePlus denoised = ij.IJ.openImage(out.getPath());
		assertEquals(2, denoised.getStackSize());
		assertEquals(32, denoised.getBitDepth());
	}
}
