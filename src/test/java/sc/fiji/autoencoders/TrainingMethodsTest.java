package sc.fiji.autoencoders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.op.models.ExportSettings;
import sc.fiji.autoencoders.train.TrainingMethods;

/**
 * Each training method, found as a plug-in, trains a tiny model through {@link Autoencoders#trainDenoiser} with real
 * TensorFlow; its model file records the method, {@code info} names it, and its bioimage.io package's README names it
 * and cites its paper (as does rdf.yaml). A file without the record derives the method as earlier versions implied.
 */
public class TrainingMethodsTest {

	@TempDir
	File dir;

	/** Method id -> {display name as info and the README give it, DOI of its paper}. */
	private static final Map<String, String[]> EXPECTED = new LinkedHashMap<>();
	static {
		EXPECTED.put("clean", new String[] { "Clean images with a noise model", "10.1109/TIP.2017.2662206" });
		EXPECTED.put("noise2void", new String[] { "Noise2Void", "10.1109/CVPR.2019.00223" });
		EXPECTED.put("neighbor2neighbor", new String[] { "Neighbor2Neighbor", "10.1109/CVPR46437.2021.01454" });
		EXPECTED.put("pairs", new String[] { "CARE / Noise2Noise", "10.1038/s41592-018-0216-7" });
	}

	@Test
	public void everyMethodIsFoundAsAPlugIn() {
		// DivNoising is not exported (refused: DivNoisingCliTest), so it is not among EXPECTED
		assertEquals(List.of("clean", "noise2void", "neighbor2neighbor", "divnoising", "pairs"), DenoiserMethods.ids(),
			"by priority: the front ends' order");
		for (final String id : DenoiserMethods.ids())
			assertEquals(id, TrainingMethods.of(id).id());
		final BadInputException e = assertThrows(BadInputException.class, () -> TrainingMethods.of("hdn"));
		assertTrue(e.getMessage().contains("'hdn'") && e.getMessage().contains("neighbor2neighbor"), e
			.getMessage());
	}

	@Test
	public void cleanImagesWithANoiseModel() throws IOException {
		trainExportAndCheck("clean", settings("clean", "noise2void"));
	}

	/** Also: a recorded method must be installed and of the file's mode, or the file is refused naming it. */
	@Test
	public void noise2Void() throws IOException {
		final File model = trainExportAndCheck("noise2void", settings("noisy", "noise2void"));
		final File unknown = new File(dir, "unknown.aemodel");
		withSpec(model, unknown, spec -> spec.addProperty("method", "hdn"));
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.load(unknown));
		assertTrue(e.getMessage().contains("unknown.aemodel") && e.getMessage().contains("'hdn'") && e
			.getMessage().contains("newer version"), e.getMessage());
		final File otherMode = new File(dir, "other-mode.aemodel");
		withSpec(model, otherMode, spec -> spec.addProperty("method", "pairs"));
		final BadInputException m = assertThrows(BadInputException.class, () -> ModelFile.load(otherMode));
		assertTrue(m.getMessage().contains("'pairs'") && m.getMessage().contains("its mode is 'noisy'"), m.getMessage());
	}

	@Test
	public void neighbor2Neighbor() throws IOException {
		trainExportAndCheck("neighbor2neighbor", settings("noisy", "neighbor2neighbor"));
	}

	@Test
	public void pairs() throws IOException {
		trainExportAndCheck("pairs", settings("pairs", "noise2void"));
	}

	/** The model files of every earlier version load with the method their mode and masking imply. */
	@Test
	public void earlierFilesDeriveTheirMethod() {
		for (final String fixture : List.of("denoiser-v1.aemodel", "denoiser3d-v1.aemodel")) {
			final AutoencoderModel m = ModelFile.load(new File("src/test/resources/fixtures/" + fixture));
			assertEquals("clean", m.method, fixture);
			assertTrue(ModelDescription.describe(m).contains("method:"), fixture);
		}
		assertNull(ModelFile.load(new File("src/test/resources/fixtures/vae-v1.aemodel")).method);
	}

	/** Neighbor2Neighbor cannot train what it does not support, and says which method can. */
	@Test
	public void methodsCheckTheirSettings() {
		final TrainDenoiserSettings s = settings("noisy", "neighbor2neighbor");
		s.dims = 3;
		final BadInputException e = assertThrows(BadInputException.class, s::method);
		assertTrue(e.getMessage().contains("noise2void"), e.getMessage());
		final TrainDenoiserSettings struct = settings("noisy", "neighbor2neighbor");
		struct.structn2v = "x";
		assertThrows(BadInputException.class, struct::method);
		assertFalse(settings("noisy", "noise2void").network().residual(), "Noise2Void shapes its network");
		assertTrue(settings("noisy", "neighbor2neighbor").network().residual());
	}

	// -- Helper methods --

	/** Trains, checks the file, info and export, and returns the model file. */
	private File trainExportAndCheck(final String id, final TrainDenoiserSettings settings) throws IOException {
		final String[] expected = EXPECTED.get(id);
		final List<Plane> clean = TestImages.blobStack(3, 96, 96, 5);
		final List<Plane> noisy = new ArrayList<>();
		final Random rng = new Random(9);
		for (final Plane p : clean) {
			final Plane n = p.copy();
			NoiseModels.parse("gaussian:25").apply(n.pixels(), 255, rng);
			noisy.add(n);
		}
		final boolean fromClean = "clean".equals(id);
		final ImagePlus images = ImagePlanes.toImagePlus(id, fromClean ? clean : noisy, 1, clean.size(), 1);
		final List<ImagePlus> targets = "pairs".equals(id) ? List.of(ImagePlanes.toImagePlus("target", clean, 1, clean
			.size(), 1)) : null;
		final File model = new File(dir, id + ".aemodel");
		final List<String> log = new ArrayList<>();
		final AutoencoderModel m = Autoencoders.trainDenoiser(List.of(images), targets, settings, model, e -> log.add(
			e.message), c -> {});
		assertEquals(id, m.method);
		assertTrue(log.stream().anyMatch(l -> l.contains(TrainingMethods.of(id).validationLabel())), String.join("\n",
			log));

		final AutoencoderModel back = ModelFile.load(model);
		assertEquals(id, back.method, "the file records the method");
		final String info = Autoencoders.info(model);
		assertTrue(info.contains("method:") && info.contains(expected[0] + " (" + id + ")"), info);

		// written without the record, as earlier versions wrote it: the method is derived
		final File old = new File(dir, id + "-old.aemodel");
		withSpec(model, old, spec -> spec.remove("method"));
		assertEquals(id, ModelFile.load(old).method, "derived");

		final ExportSettings export = new ExportSettings();
		export.model = model;
		export.output = new File(dir, id + ".zip");
		export.name = "Method test " + id;
		Autoencoders.export(export);
		final String readme = entry(export.output, "README.md");
		assertTrue(readme.contains("Training method: **" + expected[0] + "**"), readme);
		assertTrue(readme.contains("https://doi.org/" + expected[1]), "cites the method's paper:\n" + readme);
		assertTrue(entry(export.output, "rdf.yaml").contains(expected[1]), "rdf.yaml cites it");
		return model;
	}

	private static TrainDenoiserSettings settings(final String mode, final String noisyMethod) {
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.mode = mode;
		s.noisyMethod = noisyMethod;
		s.minutes = 0;
		s.epochs = 1;
		s.stepsPerEpoch = 3;
		s.batchSize = 2;
		s.patchSize = 32;
		s.depth = 2;
		s.filters = 8;
		s.maxFilters = 16;
		s.warmup = 0;
		s.threads = 2;
		return s;
	}

	private static String entry(final File zip, final String name) throws IOException {
		try (InputStream in = Files.newInputStream(zip.toPath()); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;)
				if (e.getName().equals(name)) return new String(z.readAllBytes(), StandardCharsets.UTF_8);
		}
		throw new AssertionError("no " + name + " in " + zip);
	}

	/** A copy of the model file with its spec.json changed by {@code edit}. */
	private static void withSpec(final File model, final File out, final Consumer<JsonObject> edit)
		throws IOException
	{
		try (InputStream in = Files.newInputStream(model.toPath()); ZipInputStream z = new ZipInputStream(in);
			OutputStream o = Files.newOutputStream(out.toPath()); ZipOutputStream w = new ZipOutputStream(o))
		{
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				byte[] bytes = z.readAllBytes();
				if (e.getName().equals("spec.json")) {
					final JsonObject spec = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8))
						.getAsJsonObject();
					edit.accept(spec);
					bytes = spec.toString().getBytes(StandardCharsets.UTF_8);
				}
				w.putNextEntry(new ZipEntry(e.getName()));
				w.write(bytes);
				w.closeEntry();
			}
		}
	}
}
