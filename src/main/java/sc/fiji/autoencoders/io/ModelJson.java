package sc.fiji.autoencoders.io;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.train.Normalization;
import sc.fiji.autoencoders.train.TrainingHistory;

/** The {@code spec.json} of a model file: written and read field by field so that unknown content is rejected. */
final class ModelJson {

	static final String FORMAT = "fiji-autoencoders-model";
	static final int VERSION = 1;
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.create();

	private ModelJson() {}

	static String toJson(final AutoencoderModel m) {
		final JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("formatVersion", VERSION);
		o.addProperty("kind", m.kind);
		if (m.network != null) o.add("network", GSON.toJsonTree(m.network));
		if (m.vae != null) o.add("vae", GSON.toJsonTree(m.vae));
		final JsonObject norm = new JsonObject();
		norm.addProperty("low", m.normalization.low());
		norm.addProperty("high", m.normalization.high());
		o.add("normalization", norm);
		o.addProperty("noise", m.noise);
		o.addProperty("patchSize", m.patchSize);
		o.addProperty("steps", m.steps);
		o.addProperty("learningRate", m.learningRate);
		o.addProperty("seed", m.seed);
		if (m.created != null) o.addProperty("created", m.created);
		if (m.trainingSettings != null) o.add("trainingSettings", JsonParser.parseString(m.trainingSettings));
		o.add("history", GSON.toJsonTree(m.history.epochs()));
		o.add("weights", index(m.weights));
		if (m.optimizerState != null) o.add("optimizer", index(m.optimizerState));
		return GSON.toJson(o);
	}

	static AutoencoderModel fromJson(final String json, final byte[] weights, final byte[] optimizer, final File file) {
		try {
			final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
			if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
				throw ModelFile.damaged(file, "spec.json is not a Fiji Autoencoders spec");
			}
			final int version = o.get("formatVersion").getAsInt();
			if (version > VERSION) throw new BadInputException("Model file " + file.getName() + " has format version " +
				version + ", newer than this plugin reads (" + VERSION + "). Update Fiji Autoencoders to use it.");
			if (version < 1) throw ModelFile.damaged(file, "format version " + version + " is not valid");
			final AutoencoderModel m = new AutoencoderModel();
			m.kind = o.get("kind").getAsString();
			if (m.isDenoiser()) {
				m.network = GSON.fromJson(o.get("network"), NetworkSpec.class);
				if (m.network == null) throw ModelFile.damaged(file, "the denoiser has no network spec");
				m.network.validate();
			}
			else if (m.isVae()) {
				m.vae = GSON.fromJson(o.get("vae"), VaeSpec.class);
				if (m.vae == null) throw ModelFile.damaged(file, "the VAE has no spec");
				m.vae.validate();
			}
			else throw ModelFile.damaged(file, "unknown model kind '" + m.kind + "'");
			final JsonObject norm = o.getAsJsonObject("normalization");
			final double low = norm.get("low").getAsDouble(), high = norm.get("high").getAsDouble();
			if (!(high > low) || Double.isInfinite(high - low)) throw ModelFile.damaged(file, "invalid normalization");
			m.normalization = Normalization.of(low, high);
			m.noise = o.get("noise").getAsString();
			m.patchSize = o.get("patchSize").getAsInt();
			m.steps = o.get("steps").getAsLong();
			m.learningRate = o.get("learningRate").getAsFloat();
			m.seed = o.get("seed").getAsLong();
			if (o.has("created")) m.created = o.get("created").getAsString();
			if (o.has("trainingSettings")) m.trainingSettings = o.get("trainingSettings").toString();
			final TrainingHistory h = new TrainingHistory();
			for (final TrainingHistory.Epoch e : GSON.<java.util.List<TrainingHistory.Epoch>> fromJson(o.get("history"),
				new TypeToken<java.util.List<TrainingHistory.Epoch>>()
				{}.getType()))
			{
				if (e == null) throw ModelFile.damaged(file, "empty history record");
				h.add(e);
			}
			m.history = h;
			m.weights = arrays(o.getAsJsonArray("weights"), weights, file);
			if (o.has("optimizer") && optimizer != null) m.optimizerState = arrays(o.getAsJsonArray("optimizer"), optimizer,
				file);
			return m;
		}
		catch (final BadInputException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			// Gson and JsonParser report malformed or mistyped content with assorted runtime exceptions
			throw ModelFile.damaged(file, "spec.json is malformed (" + e.getClass().getSimpleName() + ")");
		}
	}

	// -- Helper methods --

	private static JsonArray index(final Weights w) {
		final JsonArray a = new JsonArray();
		for (final Map.Entry<String, Weights.Entry> e : w.entries().entrySet()) {
			final JsonObject o = new JsonObject();
			o.addProperty("name", e.getKey());
			o.add("shape", GSON.toJsonTree(e.getValue().shape()));
			a.add(o);
		}
		return a;
	}

	private static Weights arrays(final JsonArray index, final byte[] data, final File file) {
		final ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
		final Weights w = new Weights();
		for (final JsonElement el : index) {
			final JsonObject o = el.getAsJsonObject();
			final String name = o.get("name").getAsString();
			final long[] shape = GSON.fromJson(o.get("shape"), long[].class);
			if (shape == null || shape.length == 0 || shape.length > 4) throw ModelFile.damaged(file, "bad shape for " +
				name);
			long n = 1;
			for (final long d : shape) {
				if (d <= 0 || d > Integer.MAX_VALUE) throw ModelFile.damaged(file, "bad shape for " + name);
				n *= d;
				if (n > bb.remaining() / 4) throw ModelFile.damaged(file, "weights are shorter than the spec says");
			}
			if (w.contains(name)) throw ModelFile.damaged(file, "weights '" + name + "' appear twice");
			final float[] values = new float[(int) n];
			bb.asFloatBuffer().get(values);
			bb.position(bb.position() + 4 * (int) n);
			for (final float v : values)
				if (!Float.isFinite(v)) throw ModelFile.damaged(file, "weights '" + name + "' contain NaN or infinity");
			w.put(name, shape, values);
		}
		if (bb.remaining() != 0) throw ModelFile.damaged(file, "weights are longer than the spec says");
		return w;
	}
}
