package sc.fiji.autoencoders.io.bioimageio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.Architecture;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.Upsampling;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Denoiser;

/**
 * The exported package of every denoiser kind: its rdf.yaml validates against the official bioimage.io JSON schema
 * (shared spec folder, model format 0.5), it holds every file it names with the right SHA-256, its axes, halos and
 * size steps are the network's, its scale_linear steps reproduce the stored normalization, and the package loads as a
 * model file again (same weights).
 */
class BioImageIoExportTest {

	static final File SCHEMA = new File("../shared/spec/bioimageio_schema_latest.json");
	static final String MODEL_DESCR = "#/$defs/bioimageio__spec__model__v0_5__ModelDescr";

	@TempDir
	static Path dir;

	static final Map<String, AutoencoderModel> MODELS = ExportFixtures.models();
	static JsonSchema schema;

	@BeforeAll
	static void export() throws IOException {
		for (final Map.Entry<String, AutoencoderModel> e : MODELS.entrySet())
			BioImageIoExport.write(e.getValue(), info(), null, dir.resolve(e.getKey() + ".zip").toFile());
		assertTrue(SCHEMA.isFile(), "the official schema is at " + SCHEMA.getAbsolutePath() + " (../shared/spec)");
		// the model description of format 0.5 as the root schema, with every definition it refers to
		final JsonObject all = JsonParser.parseString(Files.readString(SCHEMA.toPath())).getAsJsonObject();
		final JsonObject root = new JsonObject();
		root.addProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
		root.addProperty("$ref", MODEL_DESCR);
		root.add("$defs", all.get("$defs"));
		schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root.toString());
	}

	static PackageInfo info() {
		return new PackageInfo("", "", List.of("Ada Lovelace", "Alan Turing"), "CC-BY-4.0", List.of("fluorescence"));
	}

	@Test
	void everyExportedRdfValidatesAgainstTheOfficialSchema() throws IOException {
		for (final String name : MODELS.keySet()) {
			final String yaml = rdfText(dir.resolve(name + ".zip").toFile());
			final Set<ValidationMessage> errors = schema.validate(yaml, InputFormat.YAML);
			assertTrue(errors.isEmpty(), name + ": " + errors + "\n" + yaml);
		}
	}

	/** The control: the validator accepts the spec repository's example and rejects a description that breaks it. */
	@Test
	void theValidatorTellsValidFromInvalid() throws IOException {
		final String example = Files.readString(new File(SCHEMA.getParentFile(),
			"example_unet2d_nuclei_broad.bioimageio.yaml").toPath()).replace("format_version: 0.5.4",
				"format_version: 0.5.7");
		assertEquals(Set.of(), schema.validate(example, InputFormat.YAML));
		final String ours = rdfText(dir.resolve("clean2d.zip").toFile());
		assertFalse(schema.validate(ours.replace("format_version: 0.5.7", "format_version: 0.4.10"), InputFormat.YAML)
			.isEmpty());
		assertFalse(schema.validate(ours.replace("id: scale_linear", "id: scale_lineal"), InputFormat.YAML).isEmpty());
		assertFalse(schema.validate(ours.replace("tensorflow_version:", "tf_version:"), InputFormat.YAML).isEmpty());
	}

	@Test
	void thePackageHoldsWhatItsDescriptionNames() throws Exception {
		for (final Map.Entry<String, AutoencoderModel> e : MODELS.entrySet()) {
			final Path out = Files.createDirectories(dir.resolve("unzipped-" + e.getKey()));
			final List<String> entries = ExportFixtures.unzip(dir.resolve(e.getKey() + ".zip").toFile(), out);
			assertEquals(BioImageIoExport.RDF, entries.get(0), "the description comes first");
			final Map<String, Object> rdf = ExportFixtures.rdf(out);
			final List<String> named = new ArrayList<>();
			collectSources(rdf, named);
			assertTrue(named.size() >= 7, named.toString());
			for (final String source : named)
				assertTrue(entries.contains(source), e.getKey() + ": " + source + " named but not in " + entries);
			checkHashes(rdf, out);
			assertTrue(Files.readString(out.resolve("README.md")).contains("## Validation"));
			final ImagePlus cover = ImageFiles.open(out.resolve("cover.png").toFile());
			assertEquals(2 * cover.getHeight(), cover.getWidth(), "before | after, 2:1");
		}
	}

	@Test
	void axesHalosAndStepsAreTheNetworks() throws Exception {
		for (final Map.Entry<String, AutoencoderModel> e : MODELS.entrySet()) {
			final Path out = Files.createDirectories(dir.resolve("axes-" + e.getKey()));
			ExportFixtures.unzip(dir.resolve(e.getKey() + ".zip").toFile(), out);
			final Map<String, Object> rdf = ExportFixtures.rdf(out);
			final boolean three = e.getValue().networkSpec().dims() == 3;
			final int halo = Denoiser.receptiveRadius(e.getValue().networkSpec());
			// batch, [z,] y, x, channel
			final Map<String, Object> y = ExportFixtures.get(rdf, "inputs", "0", "axes", three ? "2" : "1");
			assertEquals("y", y.get("id"));
			assertEquals(4, ExportFixtures.get(y, "size").get("step"), "2^2 pooling levels");
			final int min = (Integer) ExportFixtures.get(y, "size").get("min");
			assertTrue(min > 2 * halo && min % 4 == 0, e.getKey() + " min " + min + " halo " + halo);
			assertEquals(halo, ExportFixtures.get(rdf, "outputs", "0", "axes", three ? "2" : "1").get("halo"));
			assertEquals("channel", ExportFixtures.get(rdf, "inputs", "0", "axes", three ? "4" : "3").get("type"));
			final Npy.Array in;
			try (InputStream s = Files.newInputStream(out.resolve("test_input.npy"))) {
				in = Npy.read(s);
			}
			assertEquals(three ? 5 : 4, in.shape.length);
			assertEquals(0, (in.shape[three ? 2 : 1] - min) % 4, "a valid test size");
			if (three) {
				final Map<String, Object> z = ExportFixtures.get(rdf, "inputs", "0", "axes", "1");
				assertEquals("z", z.get("id"));
				assertEquals(2, ExportFixtures.get(z, "size").get("step"), "Z pooled at one level of two");
				assertEquals(Denoiser.receptiveRadiusZ(e.getValue().networkSpec()), ExportFixtures.get(rdf, "outputs", "0",
					"axes", "1").get("halo"));
				assertTrue(Denoiser.receptiveRadiusZ(e.getValue().networkSpec()) < halo, "anisotropic: less reach in Z");
			}
		}
	}

	@Test
	void scaleLinearReproducesTheStoredNormalization() throws Exception {
		for (final Map.Entry<String, AutoencoderModel> e : MODELS.entrySet()) {
			final Path out = Files.createDirectories(dir.resolve("scale-" + e.getKey()));
			ExportFixtures.unzip(dir.resolve(e.getKey() + ".zip").toFile(), out);
			final Map<String, Object> rdf = ExportFixtures.rdf(out);
			final double[] pre = ExportFixtures.scale(rdf, "inputs", "preprocessing");
			final double[] post = ExportFixtures.scale(rdf, "outputs", "postprocessing");
			final double low = e.getValue().normalization.low(), high = e.getValue().normalization.high();
			assertEquals(0, pre[0] * low + pre[1], 1e-6);
			assertEquals(1, pre[0] * high + pre[1], 1e-6);
			assertEquals(low, post[0] * 0 + post[1], 1e-6 * high);
			assertEquals(high, post[0] * 1 + post[1], 1e-6 * high);
		}
	}

	@Test
	void citesTheMethodsUsed() throws Exception {
		assertCites("clean2d", "10.1007/978-3-319-24574-4_28", "10.1109/TIP.2017.2662206");
		assertCites("n2v2d", "10.1007/978-3-319-24574-4_28", "10.1109/CVPR.2019.00223", "10.1007/978-3-031-25069-9_33",
			"10.1109/ISBI45749.2020.9098336");
		assertCites("pairs2d", "10.1038/s41592-018-0216-7", "https://proceedings.mlr.press/v80/lehtinen18a.html");
	}

	@Test
	void thePackageIsAModelFileAgain() {
		for (final Map.Entry<String, AutoencoderModel> e : MODELS.entrySet()) {
			final AutoencoderModel back = ModelFile.load(dir.resolve(e.getKey() + ".zip").toFile());
			assertEquals(e.getValue().network, back.network);
			assertEquals(e.getValue().normalization, back.normalization);
			assertEquals(e.getValue().mode, back.mode);
			e.getValue().weights.entries().forEach((k, w) -> assertArrayEquals(w.values(), back.weights.get(k).values(),
				k));
		}
	}

	@Test
	void aSampleImageGivesTheTestInputAndTheCover() throws Exception {
		final ImagePlus sample = ImageFiles.open(new File("test-images/denoise-test.png"));
		final File zip = dir.resolve("sampled.zip").toFile();
		BioImageIoExport.write(MODELS.get("clean2d"), info(), sample, zip);
		final Path out = Files.createDirectories(dir.resolve("sampled"));
		ExportFixtures.unzip(zip, out);
		final Npy.Array in;
		try (InputStream s = Files.newInputStream(out.resolve("test_input.npy"))) {
			in = Npy.read(s);
		}
		final int h = (int) in.shape[1], w = (int) in.shape[2];
		final int x0 = (sample.getWidth() - w) / 2, y0 = (sample.getHeight() - h) / 2;
		for (final int[] p : new int[][] { { 0, 0 }, { w - 1, h - 1 }, { w / 2, h / 3 } })
			assertEquals(sample.getProcessor().getf(x0 + p[0], y0 + p[1]), in.values[p[1] * w + p[0]], 0,
				"the centre crop");
		assertTrue(Files.readString(out.resolve("README.md")).contains("a crop of the sample image"));
	}

	@Test
	void refusesWhatTheFormatCannotExpress() {
		final BadInputException vae = assertThrows(BadInputException.class, () -> BioImageIoExport.write(TestModels.vae(
			new VaeSpec(28, 28, 16, 2, 8, sc.fiji.autoencoders.model.Likelihood.BERNOULLI, 1), 1), info(), null, dir
				.resolve("vae.zip").toFile()));
		assertTrue(vae.getMessage().contains("not supported") && vae.getMessage().contains("Export a denoiser"), vae
			.getMessage());
		final BadInputException small = assertThrows(BadInputException.class, () -> BioImageIoExport.write(MODELS.get(
			"clean2d"), info(), new ImagePlus("tiny", new ij.process.FloatProcessor(20, 20)), dir.resolve("t.zip")
				.toFile()));
		assertTrue(small.getMessage().contains("at least") && small.getMessage().contains("larger sample"), small
			.getMessage());
		final BadInputException notZip = assertThrows(BadInputException.class, () -> BioImageIoExport.write(MODELS.get(
			"clean2d"), info(), null, dir.resolve("t.yaml").toFile()));
		assertTrue(notZip.getMessage().contains(".zip"), notZip.getMessage());
		assertFalse(dir.resolve("t.zip").toFile().exists());
	}

	/**
	 * A joint network of two channels, each normalized on its own: two channel names on both tensors, test tensors with
	 * two channels, scale_linear along the channel axis with each channel's gain and offset, valid.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aTwoChannelNetworkHasTwoChannelsOnBothTensors() throws Exception {
		final AutoencoderModel m = TestModels.denoiser(new NetworkSpec(Architecture.UNET, 2, 8, true, Upsampling.NEAREST,
			2, 0.1f), 5);
		m.channelNormalizations = List.of(Normalization.of(0, 255), Normalization.of(100, 4100));
		final File zip = dir.resolve("two.zip").toFile();
		BioImageIoExport.write(m, info(), null, zip);
		assertEquals(Set.of(), schema.validate(rdfText(zip), InputFormat.YAML));
		final Path out = Files.createDirectories(dir.resolve("two"));
		ExportFixtures.unzip(zip, out);
		final Map<String, Object> rdf = ExportFixtures.rdf(out);
		for (final String t : List.of("inputs", "outputs"))
			assertEquals(List.of("channel1", "channel2"), ExportFixtures.get(rdf, t, "0", "axes", "3").get(
				"channel_names"));
		for (final String f : List.of("test_input.npy", "test_output.npy"))
			try (InputStream s = Files.newInputStream(out.resolve(f))) {
				final Npy.Array a = Npy.read(s);
				assertEquals(2, a.shape[3], f);
			}
		assertEquals(2, ImageFiles.open(out.resolve("sample_output.tif").toFile()).getNChannels());
		final Map<String, Object> pre = ExportFixtures.get(rdf, "inputs", "0", "preprocessing", "0", "kwargs");
		assertEquals("channel", pre.get("axis"));
		final List<Number> gain = (List<Number>) pre.get("gain"), offset = (List<Number>) pre.get("offset");
		assertEquals(1 / 255.0, gain.get(0).doubleValue(), 1e-9);
		assertEquals(1 / 4000.0, gain.get(1).doubleValue(), 1e-9);
		assertEquals(-100 / 4000.0, offset.get(1).doubleValue(), 1e-9);
		final Map<String, Object> post = ExportFixtures.get(rdf, "outputs", "0", "postprocessing", "0", "kwargs");
		assertEquals(List.of(255.0, 4000.0), post.get("gain"));
		assertEquals(List.of(0.0, 100.0), post.get("offset"));
	}

	/** Damaged packages read as model files: a clear message (BadInputException) or the model, never anything else. */
	@Test
	void damagedPackagesGiveAMessage() throws IOException {
		final byte[] good = Files.readAllBytes(dir.resolve("clean2d.zip"));
		final java.util.Random rng = new java.util.Random(20261126);
		int refused = 0;
		for (int i = 0; i < 60; i++) {
			final byte[] bad = i < 20 ? java.util.Arrays.copyOf(good, rng.nextInt(good.length)) : good.clone();
			if (i >= 20) for (int k = 0; k < 8; k++)
				bad[rng.nextInt(bad.length)] ^= (byte) (1 + rng.nextInt(255));
			final File f = dir.resolve("damaged-" + i + ".zip").toFile();
			Files.write(f.toPath(), bad);
			try {
				ModelFile.load(f);
			}
			catch (final BadInputException e) {
				refused++;
				assertTrue(e.getMessage().contains(f.getName()), e.getMessage());
			}
		}
		assertTrue(refused >= 20, "damaged packages are refused (a cut after the attached model file may still load), " +
			"got " + refused);
	}

	// -- Helper methods --

	static String rdfText(final File zip) throws IOException {
		try (InputStream in = Files.newInputStream(zip.toPath());
			java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(in))
		{
			for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null;)
				if (e.getName().equals(BioImageIoExport.RDF)) return new String(z.readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		throw new AssertionError("no rdf.yaml in " + zip);
	}

	@SuppressWarnings("unchecked")
	private static void collectSources(final Object o, final List<String> out) {
		if (o instanceof Map) {
			final Map<String, Object> m = (Map<String, Object>) o;
			if (m.get("source") instanceof String) out.add((String) m.get("source"));
			m.values().forEach(v -> collectSources(v, out));
			for (final String k : List.of("documentation"))
				if (m.get(k) instanceof String) out.add((String) m.get(k));
			if (m.get("covers") instanceof List) out.addAll((List<String>) m.get("covers"));
		}
		else if (o instanceof List) ((List<Object>) o).forEach(v -> collectSources(v, out));
	}

	@SuppressWarnings("unchecked")
	private static void checkHashes(final Object o, final Path dir) throws IOException {
		if (o instanceof Map) {
			final Map<String, Object> m = (Map<String, Object>) o;
			if (m.get("source") instanceof String && m.get("sha256") != null) assertEquals(BioImageIoExport.sha256(dir
				.resolve((String) m.get("source"))), m.get("sha256"), (String) m.get("source"));
			for (final Object v : m.values())
				checkHashes(v, dir);
		}
		else if (o instanceof List) for (final Object v : (List<Object>) o)
			checkHashes(v, dir);
	}

	@SuppressWarnings("unchecked")
	private static void assertCites(final String name, final String... refs) throws IOException {
		final Path out = Files.createDirectories(dir.resolve("cite-" + name));
		ExportFixtures.unzip(dir.resolve(name + ".zip").toFile(), out);
		final List<String> got = new ArrayList<>();
		for (final Object c : (List<Object>) ExportFixtures.rdf(out).get("cite")) {
			final Map<String, Object> m = (Map<String, Object>) c;
			got.add((String) (m.containsKey("doi") ? m.get("doi") : m.get("url")));
		}
		assertEquals(List.of(refs), got, name);
	}
}
