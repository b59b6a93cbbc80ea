package sc.fiji.autoencoders.ij1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.TextArea;
import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.Executer;
import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.plugin.frame.Recorder;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.predict.Metrics;

/**
 * Real ImageJ 1.54p running real macros: the menu entries come from plugins.config in a jar in the plugins folder, as a
 * user installs them, and commands run by name with recorded option strings (no dialog). Needs a display: CI runs the
 * tests under xvfb-run. A {@link DialogRobot} turns any unexpected modal dialog into a failure instead of a hang.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class MacroTest {

	/** Submenu -> its entries, as a newcomer finds them: denoising first. */
	static final Map<String, List<String>> MENUS = new LinkedHashMap<>();
	static {
		MENUS.put("Denoise", List.of("Denoise with Noise2Void (one click)...", "Denoise with Autoencoder...",
			"Denoise with Uncertainty...", "Calibrate Uncertainty...", "Denoise Files...", "Train Denoiser from Noisy Images...", "Train Denoiser from Pairs...",
			"Train Denoiser from Clean Images...", "Train Denoising Autoencoder...", "Evaluate Denoiser..."));
		MENUS.put("Generate and Codes", List.of("Train Variational Autoencoder...", "Generate from VAE...",
			"Interpolate in VAE Latent Space...", "VAE Latent Walk...", "Latent Arithmetic...",
			"Train Autoencoder for Features...", "Encode with VAE...", "Latent Space Plot...",
			"Autoencoder Anomaly Map..."));
		MENUS.put("Models", List.of("Autoencoder Model Info...", "Fit Camera Noise Model...",
			"Export to BioImage Model Zoo...", "Autoencoders Demo..."));
	}

	@TempDir
	static File dir;
	static DialogRobot robot;

	@BeforeAll
	static void startImageJ() throws Exception {
		// CI runs under xvfb-run: there, a skipped display test would hide a missing option or a broken dialog
		if ("true".equals(System.getenv("CI"))) org.junit.jupiter.api.Assertions.assertFalse(java.awt.GraphicsEnvironment
			.isHeadless(), "headless under CI: something set java.awt.headless before the display tests ran");
		Assumptions.assumeFalse(java.awt.GraphicsEnvironment.isHeadless(),
			"ImageJ 1 menus need a display: run the tests under xvfb-run");
		final File plugins = new File(dir, "plugins");
		plugins.mkdirs();
		// the menu entries as the plugin jar ships them; the classes come from the class path
		try (JarOutputStream jar = new JarOutputStream(new FileOutputStream(new File(plugins,
			"Fiji_Autoencoders.jar"))))
		{
			jar.putNextEntry(new JarEntry("plugins.config"));
			jar.write(Files.readAllBytes(Paths.get("src/main/resources/plugins.config")));
			jar.closeEntry();
		}
		System.setProperty("plugins.dir", plugins.getAbsolutePath());
		if (IJ.getInstance() == null) new ImageJ(ImageJ.NO_SHOW);
		robot = new DialogRobot();
	}

	@AfterAll
	static void stopRobot() {
		if (robot != null) robot.close();
	}

	@Test
	@Order(1)
	public void everyCommandIsInstalledOnceUnderPluginsAutoencoders() {
		final Menu autoencoders = submenu(submenu(Menus.getMenuBar(), "Plugins"), "Autoencoders");
		final List<String> groups = new ArrayList<>();
		for (int i = 0; i < autoencoders.getItemCount(); i++)
			groups.add(autoencoders.getItem(i).getLabel());
		assertEquals(new ArrayList<>(MENUS.keySet()), groups, "the submenus, in order");
		for (final Map.Entry<String, List<String>> e : MENUS.entrySet()) {
			final Menu menu = submenu(autoencoders, e.getKey());
			final List<String> items = new ArrayList<>();
			for (int i = 0; i < menu.getItemCount(); i++)
				items.add(menu.getItem(i).getLabel());
			assertEquals(e.getValue(), items, e.getKey());
			for (final String label : items)
				assertNotNull(Menus.getCommands().get(label), label);
		}
	}

	@Test
	@Order(2)
	public void macroFileTrainsDenoisesAndGenerates() {
		final String out = dir.getAbsolutePath() + File.separator;
		IJ.runMacroFile(new File("src/test/resources/macros/denoise-and-generate.ijm").getAbsolutePath(),
			new File("test-images").getAbsolutePath() + File.separator + "," + out);
		assertEquals(List.of(), robot.unexpectedDialogs());
		assertTrue(new File(out, "denoiser.aemodel").isFile(), "denoiser saved");
		assertTrue(new File(out, "vae.aemodel").isFile(), "VAE saved");
		final ImagePlus clean = WindowManager.getImage("clean"), noisy = WindowManager.getImage("noisy");
		final ImagePlus denoised = WindowManager.getImage("noisy-denoised");
		assertNotNull(denoised, "the denoised image is open with the suffixed title");
		assertEquals(256, denoised.getWidth());
		assertEquals(256, denoised.getHeight());
		assertEquals(32, denoised.getBitDepth());
		final double before = psnr(clean, noisy), after = psnr(clean, denoised);
		assertTrue(after > before + 3, "PSNR " + before + " -> " + after);
		final ImagePlus samples = WindowManager.getImage("VAE samples (seed 1)");
		assertNotNull(samples, "generated samples are open");
		assertEquals(9, samples.getStackSize());
		assertEquals(28, samples.getWidth());
		assertEquals(28, samples.getHeight());
	}

	/** A dialog run with the recorder on records a line that, run as a macro, repeats the result without a dialog. */
	@Test
	@Order(3)
	public void dialogRunRecordsALineThatReplays() throws Exception {
		final String model = new File(dir, "denoiser.aemodel").getAbsolutePath();
		final ImagePlus noisy = WindowManager.getImage("noisy");
		assertNotNull(noisy, "runs after the macro test");
		WindowManager.setTempCurrentImage(noisy);
		final Recorder recorder = new Recorder(true);
		try {
			closeImage("noisy-denoised");
			robot.expect("Denoise with Autoencoder", gd -> {
				DialogRobot.setText(gd, 0, model);
				DialogRobot.setCheckbox(gd, 1, true); // advanced options (0 is the ensemble)
			});
			robot.expect("Denoise with Autoencoder: advanced options", gd -> DialogRobot.setNumber(gd, 0, 128));
			new Executer("Denoise with Autoencoder...", noisy); // what a menu click does: runs on its own thread
			waitFor(() -> WindowManager.getImage("noisy-denoised") != null);
			waitFor(() -> recorderText(recorder).contains("Denoise")); // recorded once the command returns
			final float[] viaDialog = pixels("noisy-denoised");
			final String recorded = recorderText(recorder);
			assertTrue(recorded.contains("run(\"Denoise with Autoencoder...\", \"image=noisy model=" + model +
				" channel_models=[] advanced tile_size=128 threads=0\");"), recorded);
			closeImage("noisy-denoised");
			final String line = recorded.lines().filter(l -> l.startsWith("run(\"Denoise")).findFirst().get();
			IJ.runMacro("setBatchMode(true); selectImage('noisy'); " + line + " setBatchMode('exit and display');");
			assertEquals(List.of(), robot.unexpectedDialogs());
			assertArrayEquals(viaDialog, pixels("noisy-denoised"), "the replayed macro gives the dialog's result");
		}
		finally {
			recorder.close();
		}
	}

	@Test
	@Order(4)
	public void badOptionsGiveAClearMessageInTheLogAndNoDialog() {
		IJ.log("\\Clear");
		IJ.runMacro("setBatchMode(true); newImage('x', '8-bit random', 64, 64, 1); run('Denoise with Autoencoder...', " +
			"'image=x model_file=[" + new File(dir, "missing.aemodel").getAbsolutePath() +
			"] channel_models= tile_size=1024');");
		final String log = IJ.getLog();
		assertNotNull(log);
		assertTrue(log.contains("Model file not found") && log.contains("train a model first"), log);
		assertEquals(List.of(), robot.unexpectedDialogs());
	}

	/** The batch macro of docs/BATCH.md, as users copy it, over a folder of two images. */
	@Test
	@Order(5)
	public void batchMacroOfTheDocsDenoisesAFolder() throws Exception {
		final String doc = new String(Files.readAllBytes(Paths.get("docs/BATCH.md")), java.nio.charset.StandardCharsets.UTF_8);
		final String macro = doc.replaceAll("(?s).*?## Batch macro over a folder.*?```javascript\n(.*?)```.*", "$1");
		assertTrue(macro.contains("getFileList"), macro);
		final File in = new File(dir, "batch-in"), out = new File(dir, "batch-out");
		in.mkdirs();
		out.mkdirs();
		final ImagePlus clean = IJ.openImage("test-images/denoise-test.png");
		IJ.saveAsTiff(clean, new File(in, "a.tif").getPath());
		IJ.saveAsTiff(new ImagePlus("b", clean.getProcessor().crop().resize(100, 80)), new File(in, "b.tif").getPath());
		IJ.runMacro(macro, in.getAbsolutePath() + File.separator + "," + out.getAbsolutePath() + File.separator + "," +
			new File(dir, "denoiser.aemodel").getAbsolutePath());
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ImagePlus a = IJ.openImage(new File(out, "a.tif").getPath()), b = IJ.openImage(new File(out, "b.tif")
			.getPath());
		assertNotNull(a, "a.tif denoised");
		assertNotNull(b, "b.tif denoised");
		assertEquals(32, a.getBitDepth());
		assertEquals(100, b.getWidth());
		assertEquals(80, b.getHeight());
	}

	/**
	 * Noise2Void from the dialog: the recorded line names the mode and its keys and, replayed as a macro without a
	 * dialog, trains the same kind of model; then pairs from a macro line with the target image.
	 */
	@Test
	@Order(6)
	public void trainingModesRecordAndReplay() throws Exception {
		IJ.runMacro("setBatchMode(true); open('" + new File("test-images/denoise-test.png").getAbsolutePath() + "'); " +
			"rename('mclean'); run('Duplicate...', 'title=mnoisy'); run('32-bit'); run('Add Specified Noise...', " +
			"'standard=25'); setBatchMode('exit and display');");
		final ImagePlus noisy = WindowManager.getImage("mnoisy"), clean = WindowManager.getImage("mclean");
		assertNotNull(noisy, "the noisy image is open");
		final File n2v = new File(dir, "n2v.aemodel");
		WindowManager.setTempCurrentImage(noisy);
		final Recorder recorder = new Recorder(true);
		try {
			robot.expect("Train Denoiser from Noisy Images", gd -> {
				DialogRobot.setChoice(gd, 0, "mnoisy"); // noisy
				DialogRobot.setText(gd, 0, n2v.getAbsolutePath()); // model
				DialogRobot.setChoice(gd, 2, "y"); // structn2v (1 is the noisy method)
				DialogRobot.setNumber(gd, 0, 0); // minutes
				DialogRobot.setCheckbox(gd, 0, true); // advanced options
			});
			robot.expect("Train Denoiser from Noisy Images: advanced options", gd -> {
				DialogRobot.setNumber(gd, 1, 1); // epochs (0 is the mask percent)
				DialogRobot.setNumber(gd, 2, 3); // steps per epoch
				DialogRobot.setNumber(gd, 3, 32); // patch size
				DialogRobot.setNumber(gd, 5, 4); // batch size (4 is the patch depth of 3D networks)
				DialogRobot.setNumber(gd, 6, 2); // depth
				DialogRobot.setNumber(gd, 7, 4); // filters
				DialogRobot.setNumber(gd, 10, 0); // warm-up
			});
			new Executer("Train Denoiser from Noisy Images...", noisy);
			waitFor(() -> recorderText(recorder).contains("Train Denoiser from"));
			final String recorded = recorderText(recorder);
			final String line = recorded.lines().filter(l -> l.startsWith("run(\"Train Denoiser from")).findFirst().get();
			assertTrue(line.contains("noisy=mnoisy model=" + n2v.getAbsolutePath() + " noisy_method=noise2void " +
				"structn2v=y minutes=0 ") && line.contains(" mask_percent=5 ") && !line.contains("no_n2v2"), line);
			assertEquals("noisy", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(n2v).mode));
			assertTrue(n2v.delete());
			IJ.runMacro("setBatchMode(true); " + line + " setBatchMode('exit and display');");
			assertEquals(List.of(), robot.unexpectedDialogs());
			final sc.fiji.autoencoders.model.AutoencoderModel m = sc.fiji.autoencoders.io.ModelFile.load(n2v);
			assertEquals("noisy", String.valueOf(m.mode));
			assertEquals("y", String.valueOf(m.masking.struct()));
			assertEquals(1, m.history.size());
		}
		finally {
			recorder.close();
		}
		final File care = new File(dir, "care.aemodel");
		IJ.runMacro("setBatchMode(true); run(\"Train Denoising Autoencoder...\", \"image=mnoisy target=mclean model_file=[" +
			care.getAbsolutePath() + "] mode=pairs minutes=0 epochs=1 steps_per_epoch=3 patch_size=32 batch_size=4 " +
			"depth=2 filters=4 warmup=0\"); setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		assertTrue(care.isFile(), IJ.getLog());
		assertEquals("pairs", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(care).mode));
		assertNotNull(clean);
		// a pair of different sizes: the message in the Log, no dialog
		IJ.log("\\Clear");
		IJ.runMacro("setBatchMode(true); newImage('small', '32-bit random', 64, 64, 1); run(\"Train Denoising " +
			"Autoencoder...\", \"image=mnoisy target=small model_file=[" + care.getAbsolutePath() + "] mode=pairs " +
			"epochs=1\");");
		assertTrue(IJ.getLog().contains("Input image 'mnoisy' is 256x256 but its target 'small' is 64x64"), IJ.getLog());
		assertEquals(List.of(), robot.unexpectedDialogs());

		// Noise2Void of a 3D network on a 2-channel Z stack, channels joint, from a macro line; then denoised by macro
		final File joint = new File(dir, "joint3d.aemodel");
		IJ.log("\\Clear");
		final String ret = IJ.runMacro("setBatchMode(true); newImage('hs', '32-bit ramp', 32, 32, 2, 8, 1); run('Add Specified Noise...', " +
			"'stack standard=0.2'); run(\"Train Denoising " +
			"Autoencoder...\", \"image=hs target=none model_file=[" + joint.getAbsolutePath() + "] mode=noisy channel=0 " +
			"channels=joint minutes=0 epochs=1 steps_per_epoch=2 patch_size=16 patch_planes=8 batch_size=2 dims=3 " +
			"z_pooling=none depth=2 filters=4 max_filters=8 warmup=0\"); run(\"Denoise with Autoencoder...\", " +
			"\"image=hs model_file=[" + joint.getAbsolutePath() + "] channel_models=[] tile_size=1024 threads=0\"); " +
			"setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		assertTrue(joint.isFile(), ret + " " + IJ.getLog());
		final sc.fiji.autoencoders.model.AutoencoderModel jm = sc.fiji.autoencoders.io.ModelFile.load(joint);
		assertEquals(List.of("noisy", 3, 2), List.of(String.valueOf(jm.mode), jm.network.dims(), jm.network.channels()));
		final ImagePlus denoisedStack = WindowManager.getImage("hs-denoised");
		assertNotNull(denoisedStack, "the denoised hyperstack is open");
		assertEquals(List.of(32, 32, 2, 8, 32), List.of(denoisedStack.getWidth(), denoisedStack.getHeight(),
			denoisedStack.getNChannels(), denoisedStack.getNSlices(), denoisedStack.getBitDepth()));
	}

	/**
	 * Export from the dialog records a line that replays without a dialog, and the package it writes is a model file
	 * for Denoise with Autoencoder that gives the .aemodel's pixels (the round trip in ImageJ).
	 */
	@Test
	@Order(7)
	public void exportRecordsAndReplaysAndItsZipDenoisesLikeTheModel() throws Exception {
		final String model = new File(dir, "denoiser.aemodel").getAbsolutePath();
		final File zip = new File(dir, "exported.zip");
		final Recorder recorder = new Recorder(true);
		try {
			robot.expect("Export to BioImage Model Zoo", gd -> {
				DialogRobot.setText(gd, 0, model); // model
				DialogRobot.setText(gd, 1, zip.getAbsolutePath()); // output
				DialogRobot.setText(gd, 5, "Ada Lovelace"); // authors
			});
			new Executer("Export to BioImage Model Zoo...", null);
			waitFor(() -> recorderText(recorder).contains("Export to BioImage"));
			final String line = recorderText(recorder).lines().filter(l -> l.startsWith("run(\"Export to BioImage"))
				.findFirst().get();
			assertTrue(line.contains("model=" + model + " output=" + zip.getAbsolutePath() + " ") && line.contains(
				"authors=[Ada Lovelace] license=CC-BY-4.0"), line);
			assertTrue(zip.isFile(), "package written");
			assertTrue(zip.delete());
			IJ.runMacro("setBatchMode(true); " + line + " setBatchMode('exit and display');");
			assertEquals(List.of(), robot.unexpectedDialogs());
			assertTrue(zip.isFile(), "package written by the replayed line");
		}
		finally {
			recorder.close();
		}
		IJ.runMacro("setBatchMode(true); open('" + new File("test-images/denoise-test.png").getAbsolutePath() + "'); " +
			"rename('exported-in'); setBatchMode('exit and display');");
		final List<float[]> results = new ArrayList<>();
		for (final String m : new String[] { model, zip.getAbsolutePath() }) {
			IJ.runMacro("setBatchMode(true); run(\"Denoise with Autoencoder...\", \"image=exported-in model_file=[" + m +
				"] channel_models=[] tile_size=1024 threads=0\"); setBatchMode('exit and display');");
			assertEquals(List.of(), robot.unexpectedDialogs());
			results.add(pixels("exported-in-denoised"));
			closeImage("exported-in-denoised");
		}
		assertArrayEquals(results.get(0), results.get(1), "the package denoises as its model file");
	}

	/**
	 * Train Autoencoder for Features from the dialog records a line that replays without a dialog; Generate from VAE
	 * samples its fitted code Gaussian and Encode with VAE gives code columns.
	 */
	@Test
	@Order(7)
	public void autoencoderForFeaturesRecordsAndReplays() throws Exception {
		IJ.runMacro("setBatchMode(true); open('" + new File("test-images/fashion-mnist-test-500.tif").getAbsolutePath() +
			"'); rename('fm'); setBatchMode('exit and display');");
		final ImagePlus stack = WindowManager.getImage("fm");
		assertNotNull(stack, "the stack is open");
		final File ae = new File(dir, "features.aemodel");
		WindowManager.setTempCurrentImage(stack);
		final Recorder recorder = new Recorder(true);
		final String line;
		try {
			robot.expect("Train Autoencoder for Features", gd -> {
				DialogRobot.setChoice(gd, 0, "fm"); // images
				DialogRobot.setChoice(gd, 1, "sparse"); // regularizer
				DialogRobot.setText(gd, 0, ae.getAbsolutePath());
				DialogRobot.setNumber(gd, 0, 4); // code
				DialogRobot.setNumber(gd, 2, 1); // epochs (1 is the weight)
				DialogRobot.setNumber(gd, 3, 0); // minutes
				DialogRobot.setCheckbox(gd, 0, true); // advanced options
			});
			robot.expect("Train Autoencoder for Features: advanced options", gd -> DialogRobot.setNumber(gd, 1, 4));
			new Executer("Train Autoencoder for Features...", stack);
			waitFor(() -> recorderText(recorder).contains("Train Autoencoder for"));
			line = recorderText(recorder).lines().filter(l -> l.startsWith("run(\"Train Autoencoder for")).findFirst()
				.get();
		}
		finally {
			recorder.close();
		}
		assertTrue(line.contains("images=fm model=" + ae.getAbsolutePath() + " code=4 regularizer=sparse weight=0.01 " +
			"epochs=1 minutes=0 ") && line.contains(" filters=4 "), line);
		assertEquals("sparse", String.valueOf(sc.fiji.autoencoders.io.ModelFile.load(ae).vae.regularizer()));
		assertTrue(ae.delete());
		IJ.runMacro("setBatchMode(true); " + line + " setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final sc.fiji.autoencoders.model.AutoencoderModel m = sc.fiji.autoencoders.io.ModelFile.load(ae);
		assertEquals("autoencoder", String.valueOf(m.kind));
		assertEquals(1, m.history.size());
		IJ.runMacro("setBatchMode(true); run(\"Generate from VAE...\", \"model_file=[" + ae.getAbsolutePath() +
			"] count=4 seed=1 temperature=1 sampling=fit\"); setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ImagePlus samples = WindowManager.getImage("Autoencoder samples (seed 1)");
		assertNotNull(samples, "samples of the fitted Gaussian are open");
		assertEquals(4, samples.getStackSize());
		// latent arithmetic with B = C: the reconstructions
		IJ.runMacro("setBatchMode(true); run(\"Latent Arithmetic...\", \"image=fm add=fm subtract=fm model_file=[" + ae
			.getAbsolutePath() + "] strength=1\"); setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ImagePlus changed = WindowManager.getImage("fm + fm - fm");
		assertNotNull(changed, "the arithmetic's result is open");
		assertEquals(500, changed.getStackSize());
		// the latent-space plot from the dialog, recorded, replays as a plot image of the same size
		IJ.runMacro("setBatchMode(true); selectImage('fm'); for (i = 1; i <= nSlices; i++) { setSlice(i); " +
			"setMetadata('Label', 'class' + (i % 3)); } setBatchMode('exit and display');");
		WindowManager.setTempCurrentImage(stack);
		final Recorder plotRecorder = new Recorder(true);
		final String plotLine;
		try {
			robot.expect("Latent Space Plot", gd -> {
				DialogRobot.setChoice(gd, 0, "fm");
				DialogRobot.setText(gd, 0, ae.getAbsolutePath());
			});
			new Executer("Latent Space Plot...", stack);
			waitFor(() -> recorderText(plotRecorder).contains("Latent Space Plot"));
			plotLine = recorderText(plotRecorder).lines().filter(l -> l.startsWith("run(\"Latent Space Plot")).findFirst()
				.get();
		}
		finally {
			plotRecorder.close();
		}
		assertTrue(plotLine.contains("input=fm model=" + ae.getAbsolutePath() + " axes=pca dim_x=0 dim_y=1 " +
			"labels=auto"), plotLine);
		IJ.runMacro("setBatchMode(true); " + plotLine + " setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ImagePlus plot = WindowManager.getImage("Latent space of fm");
		assertNotNull(plot, "the plot is open");
		assertTrue(plot.getWidth() > 200, "a plot image");
		// encode writes the slice labels beside the codes
		IJ.runMacro("setBatchMode(true); run(\"Encode with VAE...\", \"image=fm model_file=[" + ae.getAbsolutePath() +
			"] labels=slices\"); setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ij.measure.ResultsTable codes = ij.measure.ResultsTable.getResultsTable("Latent codes");
		assertNotNull(codes, "the table is shown");
		assertEquals(500, codes.size());
		assertEquals("class2", codes.getStringValue("label", 1));
		assertTrue(codes.columnExists("code_3"), "code columns");
	}

	/**
	 * A class-conditional VAE trained by macro on the slice labels the test above set; Interpolate in VAE Latent Space
	 * from the dialog, with the classes of both ends, records a line that replays without a dialog.
	 */
	@Test
	@Order(8)
	public void conditionalInterpolationRecordsAndReplays() throws Exception {
		final ImagePlus stack = WindowManager.getImage("fm");
		assertNotNull(stack, "the labelled stack of the test above is open");
		final File cvae = new File(dir, "cvae.aemodel");
		IJ.runMacro("setBatchMode(true); run(\"Train Variational Autoencoder...\", \"image=fm model_file=[" + cvae
			.getAbsolutePath() + "] latent=4 filters=4 epochs=1 minutes=0 labels=slices\"); setBatchMode('exit and " +
			"display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		assertEquals(List.of("class0", "class1", "class2"), sc.fiji.autoencoders.io.ModelFile.load(cvae).vae.classes());
		WindowManager.setTempCurrentImage(stack);
		final Recorder recorder = new Recorder(true);
		final String line;
		try {
			robot.expect("Interpolate in VAE Latent Space", gd -> {
				DialogRobot.setChoice(gd, 0, "fm");
				DialogRobot.setText(gd, 0, cvae.getAbsolutePath());
				DialogRobot.setNumber(gd, 2, 4); // steps
				DialogRobot.setCheckbox(gd, 0, true); // advanced options
			});
			robot.expect("Interpolate in VAE Latent Space: advanced options", gd -> {
				DialogRobot.setText(gd, 0, "class1"); // from_label
				DialogRobot.setText(gd, 1, "class2"); // to_label
			});
			new Executer("Interpolate in VAE Latent Space...", stack);
			waitFor(() -> recorderText(recorder).contains("Interpolate in VAE"));
			line = recorderText(recorder).lines().filter(l -> l.startsWith("run(\"Interpolate in VAE")).findFirst().get();
		}
		finally {
			recorder.close();
		}
		assertTrue(line.contains(" from_slice=1 to_slice=2 steps=4 ") && line.contains(" from_label=class1 " +
			"to_label=class2"), line);
		closeImage("Interpolation 1-2 (class1 to class2)");
		IJ.runMacro("setBatchMode(true); " + line + " setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ImagePlus strip = WindowManager.getImage("Interpolation 1-2 (class1 to class2)");
		assertNotNull(strip, "the strip is open");
		assertEquals(4, strip.getStackSize());
		assertEquals("class2", strip.getStack().getSliceLabel(4));
	}

	// -- Helper methods --

	private static Menu submenu(final Object parent, final String label) {
		if (parent instanceof MenuBar) {
			final MenuBar bar = (MenuBar) parent;
			for (int i = 0; i < bar.getMenuCount(); i++)
				if (label.equals(bar.getMenu(i).getLabel())) return bar.getMenu(i);
		}
		else {
			final Menu menu = (Menu) parent;
			for (int i = 0; i < menu.getItemCount(); i++)
				if (label.equals(menu.getItem(i).getLabel()) && menu.getItem(i) instanceof Menu) return (Menu) menu.getItem(i);
		}
		throw new AssertionError("no menu " + label + " in " + parent);
	}

	/**
	 * Denoise with Uncertainty from the dialog (a DivNoising model, 8 samples, kept) records a line that replays without
	 * a dialog into the same hyperstack: MMSE, spread and the samples, the same pixels since the seed is recorded.
	 */
	@Test
	@Order(8)
	public void denoiseWithUncertaintyRecordsAndReplays() throws Exception {
		final String model = new File("src/test/resources/fixtures/divnoising-v1.aemodel").getAbsolutePath();
		IJ.runMacro("setBatchMode(true); open('" + new File("src/test/resources/fixtures/divnoising-v1-input.tif")
			.getAbsolutePath() + "'); rename('dn-in'); setBatchMode('exit and display');");
		final ImagePlus in = WindowManager.getImage("dn-in");
		assertNotNull(in);
		WindowManager.setTempCurrentImage(in);
		final Recorder recorder = new Recorder(true);
		final String line;
		final ImagePlus viaDialog;
		try {
			robot.expect("Denoise with Uncertainty", gd -> {
				DialogRobot.setText(gd, 0, model);
				DialogRobot.setNumber(gd, 0, 8); // samples
				DialogRobot.setCheckbox(gd, 0, true); // keep the samples
			});
			new Executer("Denoise with Uncertainty...", in);
			waitFor(() -> WindowManager.getImage("dn-in-uncertainty") != null);
			waitFor(() -> recorderText(recorder).contains("Uncertainty"));
			line = recorderText(recorder).lines().filter(l -> l.startsWith("run(\"Denoise with Uncertainty")).findFirst()
				.get();
			viaDialog = WindowManager.getImage("dn-in-uncertainty");
		}
		finally {
			recorder.close();
		}
		assertTrue(line.contains("model=" + model) && line.contains("samples=8") && line.contains("keep_samples"), line);
		assertEquals(10, viaDialog.getNChannels(), "MMSE, spread and 8 samples");
		final List<float[]> before = new ArrayList<>();
		for (int i = 1; i <= viaDialog.getStackSize(); i++)
			before.add(((float[]) viaDialog.getStack().getPixels(i)).clone());
		closeImage("dn-in-uncertainty");
		IJ.runMacro("setBatchMode(true); selectImage('dn-in'); " + line + " setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		final ImagePlus replayed = WindowManager.getImage("dn-in-uncertainty");
		assertNotNull(replayed, "the replayed line's result");
		for (int i = 1; i <= replayed.getStackSize(); i++)
			assertArrayEquals(before.get(i - 1), (float[]) replayed.getStack().getPixels(i), "plane " + i);
		closeImage("dn-in-uncertainty");
		closeImage("dn-in");
	}

	/**
	 * Calibrate Uncertainty from the dialog (noisy image, its ground truth, a DivNoising model, 8 samples) records a
	 * line that replays without a dialog and writes the same calibrated model.
	 */
	@Test
	@Order(9)
	public void calibrateUncertaintyRecordsAndReplays() throws Exception {
		final String model = new File("src/test/resources/fixtures/divnoising-v1.aemodel").getAbsolutePath();
		final File out = new File(dir, "calibrated.aemodel");
		IJ.runMacro("setBatchMode(true); open('" + new File("src/test/resources/fixtures/divnoising-v1-input.tif")
			.getAbsolutePath() + "'); rename('cal-in'); setBatchMode('exit and display');");
		final float[] truth = sc.fiji.autoencoders.TestImages.blobs(48, 48, 40).pixels();
		for (int i = 0; i < truth.length; i++)
			truth[i] *= 0.5f; // the fixture's noisy input is 0.5 blobs plus Poisson-Gaussian noise
		new ImagePlus("cal-gt", new ij.process.FloatProcessor(48, 48, truth)).show();
		final Recorder recorder = new Recorder(true);
		final String line;
		try {
			robot.expect("Calibrate Uncertainty", gd -> {
				DialogRobot.setChoice(gd, 0, "cal-in");
				DialogRobot.setChoice(gd, 1, "cal-gt");
				DialogRobot.setText(gd, 0, model);
				DialogRobot.setText(gd, 1, out.getPath());
				DialogRobot.setNumber(gd, 0, 8); // samples
			});
			new Executer("Calibrate Uncertainty...", WindowManager.getImage("cal-in"));
			waitFor(out::isFile);
			waitFor(() -> recorderText(recorder).contains("Calibrate Uncertainty"));
			line = recorderText(recorder).lines().filter(l -> l.startsWith("run(\"Calibrate Uncertainty")).findFirst()
				.get();
		}
		finally {
			recorder.close();
		}
		assertTrue(line.contains("model=" + model) && line.contains("samples=8") && line.contains("cal-gt"), line);
		final sc.fiji.autoencoders.model.DivNoisingSpec viaDialog = sc.fiji.autoencoders.io.ModelFile.load(out)
			.divNoising();
		assertTrue(viaDialog.spreadPower() != 1, "a power was fitted: " + viaDialog.spreadPower());
		assertTrue(out.delete());
		IJ.runMacro("setBatchMode(true); " + line + " setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		waitFor(out::isFile);
		assertEquals(viaDialog, sc.fiji.autoencoders.io.ModelFile.load(out).divNoising(), "the same samples, the same fit");
		closeImage("cal-in");
		closeImage("cal-gt");
	}

	/** Fit Camera Noise Model... writes the model, says so in the Log, and shows the noise against the signal. */
	@Test
	@Order(10)
	public void noiseModelShowsItsPlot() {
		final File nm = new File(dir, "camera.aenoise");
		IJ.log("\\Clear");
		IJ.runMacro("setBatchMode(true); newImage('cam', '16-bit ramp', 64, 64, 1); run('Fit Camera Noise Model...', " +
			"'input=cam model=[" + nm.getAbsolutePath() + "] spec=gaussian:5'); setBatchMode('exit and display');");
		assertEquals(List.of(), robot.unexpectedDialogs());
		assertTrue(nm.isFile(), nm + " not written");
		assertTrue(IJ.getLog().contains("Saved " + nm), IJ.getLog());
		ImagePlus plot = null;
		for (final int id : WindowManager.getIDList())
			if (WindowManager.getImage(id).getTitle().endsWith("noise model")) plot = WindowManager.getImage(id);
		assertNotNull(plot, "the noise plot is open");
		assertTrue(plot.getWidth() > 200 && plot.getType() == ImagePlus.COLOR_RGB, "a plot image");
		plot.close();
	}

	private static double psnr(final ImagePlus clean, final ImagePlus other) {
		return Metrics.psnr(ImagePlanes.planes(clean).get(0), ImagePlanes.planes(other).get(0), 255);
	}

	private static float[] pixels(final String title) {
		return ImagePlanes.planes(WindowManager.getImage(title)).get(0).pixels();
	}

	private static void closeImage(final String title) {
		final ImagePlus imp = WindowManager.getImage(title);
		if (imp != null) {
			imp.changes = false;
			imp.close();
		}
	}

	private static String recorderText(final Recorder recorder) {
		final TextArea area = find(recorder, TextArea.class);
		assertNotNull(area, "the recorder's text");
		return area.getText();
	}

	private static <T> T find(final Container c, final Class<T> type) {
		for (final Component k : c.getComponents()) {
			if (type.isInstance(k)) return type.cast(k);
			if (k instanceof Container) {
				final T t = find((Container) k, type);
				if (t != null) return t;
			}
		}
		return null;
	}

	private static void waitFor(final java.util.function.BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 600 && !condition.getAsBoolean(); i++)
			Thread.sleep(100);
		assertTrue(condition.getAsBoolean(), "timed out");
	}

}
