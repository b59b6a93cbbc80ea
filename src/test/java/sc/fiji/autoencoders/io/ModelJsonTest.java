package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.Replacement;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingMode;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.model.Architecture;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.TrainingHistory;
import sc.fiji.autoencoders.model.Upsampling;
import sc.fiji.autoencoders.model.VaeSpec;

/** spec.json as written and read by the tables of {@link ModelJson}. */
public class ModelJsonTest {

	private static final File FILE = new File("m.aemodel");

	private static AutoencoderModel denoiser() {
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(2, 4).withArchitecture(Architecture.PLAIN)
			.withUpsampling(Upsampling.BILINEAR).withResidual(false).withMaxFilters(6), 1);
		m.noise = "poisson:30";
		m.patchSize = 32;
		m.steps = 12;
		m.learningRate = 3e-4f;
		m.seed = -5;
		m.trainingSettings = "{\"schedule\":\"plateau\",\"epochs\":[1,2.50]}";
		m.history.add(new TrainingHistory.Epoch(1, 12, 0.5, Double.NaN, Double.POSITIVE_INFINITY,
			Double.NEGATIVE_INFINITY, 1e-300));
		m.optimizerState = TestModels.adamState(m.weights, 2);
		return m;
	}

	/** Every field is written in the stored layout and read back to an equal value, the enums by their ids. */
	@Test
	public void everyFieldRoundTrips() {
		final AutoencoderModel m = denoiser();
		final String json = ModelJson.toJson(m);
		final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		// a clean-mode model with max pooling and every skip is written as before the training modes existed
		assertEquals(List.of("format", "formatVersion", "kind", "network", "normalization", "noise", "patchSize", "steps",
			"learningRate", "seed", "trainingSettings", "history", "weights", "optimizer"), List.copyOf(o.keySet()));
		assertEquals(JsonParser.parseString("{\"architecture\":\"plain\",\"depth\":2,\"filters\":4,\"residual\":false," +
			"\"upsampling\":\"bilinear\",\"channels\":1,\"leakyAlpha\":0.1,\"maxFilters\":6}"), o.get("network"));
		assertEquals("denoiser", o.get("kind").getAsString());
		final AutoencoderModel back = ModelJson.fromJson(json, ModelFile.toBytes(m.weights), ModelFile.toBytes(
			m.optimizerState), FILE);
		assertEquals(m.network, back.network);
		assertEquals(m.normalization, back.normalization);
		assertEquals(m.noise, back.noise);
		assertEquals(m.patchSize, back.patchSize);
		assertEquals(m.steps, back.steps);
		assertEquals(m.learningRate, back.learningRate);
		assertEquals(m.seed, back.seed);
		assertEquals(null, back.created);
		assertEquals(m.trainingSettings, back.trainingSettings);
		final TrainingHistory.Epoch e = back.history.last();
		assertEquals(1, e.epoch);
		assertEquals(12, e.step);
		assertEquals(0.5, e.trainLoss);
		assertTrue(Double.isNaN(e.validationLoss));
		assertEquals(Double.POSITIVE_INFINITY, e.validationMetric);
		assertEquals(Double.NEGATIVE_INFINITY, e.learningRate);
		assertEquals(1e-300, e.seconds);
		assertEquals(json, ModelJson.toJson(back));
	}

	/** A Noise2Void model: N2V2 network, mode, masking and data are stored and read back. */
	@Test
	public void noise2VoidRoundTrips() {
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(2, 4).withResidual(false).n2v2(), 1);
		m.mode = TrainingMode.NOISY;
		m.masking = Masking.n2v2(0.5).withStruct(StructMask.X);
		m.data = "3 noisy planes (no clean image), 2D";
		final String json = ModelJson.toJson(m);
		final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		assertEquals("noisy", o.get("mode").getAsString());
		assertEquals(JsonParser.parseString("{\"percent\":0.5,\"window\":5,\"excludeCentre\":true,\"struct\":\"x\"," +
			"\"span\":5}"), o.get("masking"));
		assertEquals("blur", o.getAsJsonObject("network").get("pooling").getAsString());
		assertEquals(false, o.getAsJsonObject("network").get("topSkip").getAsBoolean());
		final AutoencoderModel back = ModelJson.fromJson(json, ModelFile.toBytes(m.weights), null, FILE);
		assertEquals(m.network, back.network);
		assertEquals(TrainingMode.NOISY, back.mode);
		assertEquals(m.masking, back.masking);
		assertEquals(m.data, back.data);
		assertEquals(json, ModelJson.toJson(back));
		// a masking belongs to Noise2Void only
		assertDamaged(json.replace("\"mode\": \"noisy\"", "\"mode\": \"pairs\""), "'masking' field but its mode is 'pairs'");
	}

	/** The mean replacement is written (only) when chosen and read back; files without it replace by a neighbour. */
	@Test
	public void meanReplacementRoundTrips() {
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(2, 4).withResidual(false).n2v2(), 1);
		m.mode = TrainingMode.NOISY;
		m.masking = Masking.n2v2(5).withReplacement(Replacement.MEAN);
		final String json = ModelJson.toJson(m);
		final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		assertEquals("mean", o.getAsJsonObject("masking").get("replacement").getAsString());
		final AutoencoderModel back = ModelJson.fromJson(json, ModelFile.toBytes(m.weights), null, FILE);
		assertEquals(m.masking, back.masking);
		final String without = json.replaceFirst(",\\s*\"replacement\": \"mean\"", "");
		assertFalse(without.contains("replacement"), without);
		assertEquals(Replacement.NEIGHBOUR, ModelJson.fromJson(without, ModelFile.toBytes(m.weights), null, FILE)
			.masking.replacement());
		assertDamaged(json.replace("\"replacement\": \"mean\"", "\"replacement\": \"median\""), "median");
	}

	@Test
	public void vaeRoundTrips() {
		final AutoencoderModel m = TestModels.vae(new VaeSpec(10, 9, 2, 2, 2, Likelihood.GAUSSIAN, 0.25f), 5);
		m.created = "2026-01-01T00:00:00Z";
		final String json = ModelJson.toJson(m);
		assertEquals("gaussian", JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("vae").get("likelihood")
			.getAsString());
		final AutoencoderModel back = ModelJson.fromJson(json, ModelFile.toBytes(m.weights), null, FILE);
		assertEquals(m.vae, back.vae);
		assertEquals(m.created, back.created);
		assertEquals(json, ModelJson.toJson(back));
	}

	/** Reading is exact: ids in another case, unknown fields and missing fields are damaged files. */
	@Test
	public void readingIsStrict() {
		assertDamaged(edit(o -> o.getAsJsonObject("network").addProperty("architecture", "UNET")),
			"unknown architecture 'UNET' (expected 'unet' or 'plain')");
		assertDamaged(edit(o -> o.getAsJsonObject("network").addProperty("upsampling", "cubic")),
			"unknown upsampling 'cubic' (expected 'nearest' or 'bilinear')");
		assertDamaged(edit(o -> o.addProperty("kind", "unet")), "unknown model kind 'unet' (expected 'denoiser', 'vae' or 'autoencoder')");
		assertDamaged(edit(o -> o.getAsJsonObject("network").addProperty("extra", 1)),
			"spec.json has an unknown field 'network.extra'");
		assertDamaged(edit(o -> o.getAsJsonArray("history").get(0).getAsJsonObject().addProperty("x", 1)),
			"spec.json has an unknown field 'history[].x'");
		assertDamaged(edit(o -> o.getAsJsonArray("history").get(0).getAsJsonObject().remove("seconds")),
			"spec.json has no 'history[].seconds' field");
		assertDamaged(edit(o -> o.getAsJsonObject("network").remove("depth")), "spec.json has no 'network.depth' field");
		assertDamaged(edit(o -> o.getAsJsonObject("normalization").addProperty("low", "0")),
			"spec.json field 'normalization.low' is not a number");
		assertDamaged(edit(o -> o.getAsJsonObject("network").addProperty("depth", 9)),
			"its network spec is invalid (Network depth 9 is out of range: use 1 to 4)");
		assertDamaged(edit(o -> o.remove("format")), "is not a Fiji Autoencoders spec");
		assertDamaged(edit(o -> o.getAsJsonArray("weights").add(o.getAsJsonArray("weights").get(0))),
			"array 'enc0a.kernel' is listed twice");
		assertDamaged(edit(o -> o.getAsJsonArray("weights").get(1).getAsJsonObject().add("shape", JsonParser
			.parseString("[4, 0]"))), "array 'enc0a.bias' has an invalid shape (dimension 2 is not a whole number");
		final BadInputException newer = assertThrows(BadInputException.class, () -> ModelJson.parse(edit(o -> {
			o.addProperty("formatVersion", 2);
			o.addProperty("aFieldOfVersion2", true);
		}), FILE));
		assertTrue(newer.getMessage().contains("Update Fiji Autoencoders"), newer.getMessage());
	}

	/** A model that cannot be written completely fails before anything is written. */
	@Test
	public void missingRequiredValueIsNotWritten() {
		final AutoencoderModel m = denoiser();
		m.normalization = null;
		assertThrows(IllegalStateException.class, () -> ModelJson.toJson(m));
	}

	// -- Helper methods --

	private static String edit(final java.util.function.Consumer<JsonObject> change) {
		final JsonObject o = JsonParser.parseString(ModelJson.toJson(denoiser())).getAsJsonObject();
		change.accept(o);
		return o.toString();
	}

	private static void assertDamaged(final String json, final String part) {
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelJson.parse(json, FILE));
		assertTrue(e.getMessage().contains(part), e.getMessage());
		assertTrue(e.getMessage().contains("damaged"), e.getMessage());
	}

	/**
	 * A network of channels trained jointly stores one normalization per channel ({@code channelNormalizations}, after
	 * {@code normalization}); a list that does not match the network's channels is refused as damaged.
	 */
	@Test
	public void jointChannelsStoreOneNormalizationPerChannel() {
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(1, 4).withChannels(2), 1);
		m.channelNormalizations = List.of(sc.fiji.autoencoders.model.Normalization.of(0, 255), sc.fiji.autoencoders.model
			.Normalization.of(-3, 4000));
		m.normalization = m.channelNormalizations.get(0);
		final String json = ModelJson.toJson(m);
		final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		assertEquals(2, o.getAsJsonObject("network").get("channels").getAsInt());
		assertEquals(JsonParser.parseString("[{\"low\":0.0,\"high\":255.0},{\"low\":-3.0,\"high\":4000.0}]"), o.get(
			"channelNormalizations"));
		final AutoencoderModel back = ModelJson.fromJson(json, ModelFile.toBytes(m.weights), null, FILE);
		assertEquals(m.channelNormalizations, back.channelNormalizations);
		assertEquals(4000.0, back.normalization(1).high());
		assertEquals(json, ModelJson.toJson(back));

		o.add("channelNormalizations", JsonParser.parseString("[{\"low\":0.0,\"high\":255.0}]"));
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelJson.fromJson(o.toString(),
			ModelFile.toBytes(m.weights), null, FILE));
		assertTrue(e.getMessage().contains("spec.json lists 1 channel normalizations but the network has 2 channels"), e
			.getMessage());
	}
}
