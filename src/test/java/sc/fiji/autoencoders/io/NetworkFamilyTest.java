package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.io.bioimageio.BioImageIoExport;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserSpec;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.op.codes.CodeModels;
import sc.fiji.autoencoders.op.codes.GenerateSettings;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.DenoiserPredictor;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.predict.TileNetwork;
import sc.fiji.autoencoders.predict.TiledPredictor;

/**
 * The network-family extension point: a family written only in this test (its spec, its spec.json codec and its
 * predictor, each a plug-in of its layer) is stored, read, described, refused by the export and denoised with, without
 * any generic class knowing it; and the two real families keep their files byte for byte.
 */
public class NetworkFamilyTest {

	/** A toy network of one family of its own: the output is the input times a stored gain. */
	public static final class GainSpec implements DenoiserSpec {

		final int radius;

		public GainSpec(final int radius) {
			this.radius = radius;
		}

		@Override
		public Map<String, long[]> parameterShapes() {
			return Map.of("gain", new long[] { 1 });
		}

		@Override
		public int receptiveRadius() {
			return radius;
		}

		@Override
		public boolean measuresReceptiveField() {
			return false;
		}

		@Override
		public void describe(final AutoencoderModel m, final BiConsumer<String, String> line) {
			line.accept("gain", String.valueOf(m.weights.get("gain").values()[0]));
		}

		@Override
		public String exportRefusal() {
			return "Exporting a gain network is not supported: it is a test.";
		}

		@Override
		public String use() {
			return "use it as a gain";
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof GainSpec && ((GainSpec) o).radius == radius;
		}

		@Override
		public int hashCode() {
			return radius;
		}

		@Override
		public String toString() {
			return "gain network, radius " + radius;
		}
	}

	/** Its spec.json field, {@code gain}. */
	@Plugin(type = DenoiserSpecJson.class, priority = 10)
	public static final class GainJson implements DenoiserSpecJson<GainSpec> {

		private static final Codec<GainSpec> CODEC;
		static {
			final JsonTable<GainSpec> t = new JsonTable<>("gain networks");
			final Field<GainSpec, Integer> radius = t.required("radius", JsonTable.integer(0, 64), s -> s.radius);
			CODEC = t.make(v -> new GainSpec(v.get(radius))).object();
		}

		@Override
		public String field() {
			return "gain";
		}

		@Override
		public String after() {
			return "noiseModel";
		}

		@Override
		public Class<GainSpec> type() {
			return GainSpec.class;
		}

		@Override
		public Codec<GainSpec> codec() {
			return CODEC;
		}
	}

	/** Its predictor: each normalized pixel times the gain. */
	@Plugin(type = DenoiserPredictor.class, priority = 10)
	public static final class GainPredictor implements DenoiserPredictor {

		@Override
		public Class<? extends DenoiserSpec> type() {
			return GainSpec.class;
		}

		@Override
		public TileNetwork open(final AutoencoderModel model, final int tileSize, final int threads) {
			final float gain = model.weights.get("gain").values()[0];
			final TiledPredictor tiler = new TiledPredictor(tileSize, model.network.receptiveRadius(), 1);
			return new TileNetwork() {

				@Override
				public float[] apply(final float[] tile, final long[] dims) {
					final float[] out = new float[tile.length];
					for (int i = 0; i < out.length; i++)
						out[i] = gain * tile[i];
					return out;
				}

				@Override
				public TiledPredictor tiler() {
					return tiler;
				}

				@Override
				public void close() {}
			};
		}
	}

	private static AutoencoderModel gainModel() {
		final AutoencoderModel m = new AutoencoderModel();
		m.network = new GainSpec(3);
		m.weights.put("gain", new long[] { 1 }, new float[] { 2 });
		m.normalization = Normalization.of(0, 100);
		m.patchSize = 16;
		return m;
	}

	@Test
	public void aFamilyOfItsOwnIsStoredDescribedRefusedAndDenoisedWith(@TempDir final Path dir) {
		final File f = dir.resolve("gain.aemodel").toFile();
		ModelFile.save(gainModel(), f);
		final AutoencoderModel back = ModelFile.load(f, AutoencoderModel.DENOISER);
		assertEquals(new GainSpec(3), back.network);
		assertTrue(ModelJson.toJson(back).contains("\"gain\": {\n    \"radius\": 3\n  }"), ModelJson.toJson(back));
		assertTrue(ModelDescription.describe(back).contains("  architecture:  gain network, radius 3"), ModelDescription
			.describe(back));
		assertTrue(ModelDescription.describe(back).contains("  gain:          2.0"), ModelDescription.describe(back));
		assertEquals(3, Denoiser.marginRadius(back));
		try (Denoiser d = new Denoiser(back)) {
			final Plane out = d.denoise(new Plane(3, 2, new float[] { 0, 10, 20, 30, 40, Float.NaN }), PredictionMonitor.NONE);
			assertArrayEquals(new float[] { 0, 20, 40, 60, 80, Float.NaN }, out.pixels(), 1e-4f);
		}
		final BadInputException export = assertThrows(BadInputException.class, () -> BioImageIoExport.write(back, null,
			null, dir.resolve("gain.zip").toFile()));
		assertEquals("Exporting a gain network is not supported: it is a test.", export.getMessage());
		final BadInputException codes = assertThrows(BadInputException.class, () -> ModelFile.loadWithCodes(f));
		assertTrue(codes.getMessage().contains(": use it as a gain, or choose"), codes.getMessage());
	}

	@Test
	public void aNetworkOfNoInstalledFamilyOrOfTwoIsRefused() {
		final String json = ModelJson.toJson(gainModel());
		final BadInputException unknown = assertThrows(BadInputException.class, () -> ModelJson.parse(json.replace(
			"\"gain\":", "\"ladder\":"), new File("m.aemodel")));
		assertTrue(unknown.getMessage().contains("spec.json has an unknown field 'ladder'"), unknown.getMessage());
		final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		o.add("network", JsonParser.parseString("{\"architecture\":\"unet\",\"depth\":1,\"filters\":4,\"residual\":true," +
			"\"upsampling\":\"nearest\",\"channels\":1,\"leakyAlpha\":0.1}"));
		final BadInputException two = assertThrows(BadInputException.class, () -> ModelJson.parse(o.toString(),
			new File("m.aemodel")));
		assertTrue(two.getMessage().contains("spec.json has both a 'network' and a 'gain' field"), two.getMessage());
	}

	/** What the generic code now asks DivNoising's spec and plug-ins says what it said before they existed. */
	@Test
	public void divNoisingKeepsItsTexts() {
		final File f = new File("src/test/resources/fixtures/divnoising-v1.aemodel");
		final AutoencoderModel m = ModelFile.load(f);
		final String info = ModelDescription.describe(m);
		assertTrue(info.contains("\n  DivNoising:    latent 16 channels at 1/4 resolution; spread scale ") && info
			.contains(" (fitted on the validation patches: the spread is a standard deviation of the clean signal, in " +
				"image units)") && !info.contains("tile margins"), info);
		assertEquals(DivNoisingSpec.RECEPTIVE_RADIUS, Denoiser.marginRadius(m));
		assertEquals("Exporting a DivNoising model to bioimage.io is not supported: its denoised image is the mean of " +
			"random posterior samples and its noise model and spread are part of the model, which the format's single " +
			"deterministic network cannot hold faithfully. Use it here (denoise, Denoise with Uncertainty), or export a " +
			"Noise2Void model.", assertThrows(BadInputException.class, () -> BioImageIoExport.write(m, null, null,
				new File("never-written.zip"))).getMessage());
		assertTrue(assertThrows(BadInputException.class, () -> ModelFile.loadWithCodes(f)).getMessage().contains(
			"needed here: it is a DivNoising denoiser, whose latent is a spatial map, not a code: use Generate for new " +
				"images from its prior, Denoise with Uncertainty for samples of a noisy image, or choose a VAE"));
		final GenerateSettings g = new GenerateSettings();
		g.count = 2;
		g.size = 8;
		g.seed = 3;
		final ImagePlus prior = CodeModels.generate(f, g);
		assertEquals("DivNoising prior samples (seed 3)", prior.getTitle());
		assertEquals(2, prior.getStackSize());
		assertEquals(8, prior.getWidth());
	}

	/** Each family's field is where the version that added it wrote it: re-written files are the same bytes. */
	@Test
	public void theFixturesAreWrittenBackByteForByte() throws IOException {
		for (final String name : List.of("divnoising-v1.aemodel", "denoiser3d-v1.aemodel")) {
			final File f = new File("src/test/resources/fixtures/" + name);
			final String stored;
			try (ZipFile z = new ZipFile(f)) {
				stored = new String(z.getInputStream(z.getEntry("spec.json")).readAllBytes(), StandardCharsets.UTF_8);
			}
			assertEquals(stored, ModelJson.toJson(ModelFile.load(f)), name);
		}
	}
}
