package sc.fiji.autoencoders.io;

import java.io.File;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Choice;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.ParameterShapes;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.TrainingHistory;

/**
 * The {@code spec.json} of a model file: written and read field by field so that unknown content is rejected. Reading
 * happens in two steps so that the arrays are never read blindly: {@link #parse} checks the spec, including that the
 * stored arrays are exactly those the architecture needs, and tells how many bytes they take; {@link #attach} then
 * decodes the arrays.
 */
final class ModelJson {

	static final String FORMAT = "fiji-autoencoders-model";
	static final int VERSION = 1;
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.registerTypeHierarchyAdapter(Choice.class, (com.google.gson.JsonSerializer<Choice>) (c, t, ctx) ->
			new JsonPrimitive(c.id())).create();
	private static final Set<String> FIELDS = Set.of("format", "formatVersion", "kind", "network", "vae",
		"normalization", "noise", "patchSize", "steps", "learningRate", "seed", "created", "trainingSettings", "history",
		"weights", "optimizer");
	private static final Set<String> NETWORK_FIELDS = Set.of("architecture", "depth", "filters", "residual",
		"upsampling", "channels", "leakyAlpha", "maxFilters");
	private static final Set<String> VAE_FIELDS = Set.of("width", "height", "latent", "depth", "filters", "likelihood",
		"beta");
	private static final Set<String> EPOCH_FIELDS = Set.of("epoch", "step", "trainLoss", "validationLoss",
		"validationMetric", "learningRate", "seconds");
	private static final Set<String> INDEX_FIELDS = Set.of("name", "shape");
	/** Deepest nesting of objects and lists accepted (the writer's is 3, the training settings add a few). */
	static final int MAX_NESTING = 64;

	/** A checked spec: the model without its arrays, and the names and shapes of the arrays in file order. */
	static final class Spec {

		final AutoencoderModel model;
		final Map<String, long[]> weights;
		/** Null if the file has no optimizer state. */
		final Map<String, long[]> optimizer;

		Spec(final AutoencoderModel model, final Map<String, long[]> weights, final Map<String, long[]> optimizer) {
			this.model = model;
			this.weights = weights;
			this.optimizer = optimizer;
		}

		/** Exact length of {@code weights.bin}. */
		long weightBytes() {
			return bytes(weights);
		}

		/** Exact length of {@code optimizer.bin}, 0 if there is none. */
		long optimizerBytes() {
			return optimizer == null ? 0 : bytes(optimizer);
		}

		private static long bytes(final Map<String, long[]> shapes) {
			final long n = ParameterShapes.count(shapes);
			return n > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * n;
		}
	}

	private ModelJson() {}

	static String toJson(final AutoencoderModel m) {
		final JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("formatVersion", VERSION);
		o.addProperty("kind", m.kind.id());
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

	/** Parses, checks and decodes in one go. */
	static AutoencoderModel fromJson(final String json, final byte[] weights, final byte[] optimizer, final File file) {
		return attach(parse(json, file), weights, optimizer, file);
	}

	/**
	 * Parses and checks {@code spec.json}: every field present with the right type and a valid value, no unknown
	 * fields, and the arrays listed exactly those the architecture needs.
	 *
	 * @throws BadInputException naming the file, the problem and the fix
	 */
	static Spec parse(final String json, final File file) {
		try {
			return parseChecked(json, file);
		}
		catch (final BadInputException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			// Gson reports malformed JSON with assorted runtime exceptions (JsonSyntaxException, IllegalStateException, ...)
			throw ModelFile.damaged(file, "spec.json is not valid JSON (" + brief(e) + ")");
		}
	}

	/** Decodes the arrays of a checked spec; their lengths must be exactly those the spec announces. */
	static AutoencoderModel attach(final Spec spec, final byte[] weights, final byte[] optimizer, final File file) {
		if (weights == null) throw ModelFile.damaged(file, "it has no " + ModelFile.WEIGHTS);
		final AutoencoderModel m = spec.model;
		m.weights = arrays(spec.weights, weights, spec.weightBytes(), ModelFile.WEIGHTS, file);
		if (spec.optimizer != null) {
			if (optimizer == null) throw ModelFile.damaged(file, "spec.json lists optimizer state but there is no " +
				ModelFile.OPTIMIZER);
			m.optimizerState = arrays(spec.optimizer, optimizer, spec.optimizerBytes(), ModelFile.OPTIMIZER, file);
		}
		else if (optimizer != null) throw ModelFile.damaged(file, "it has an " + ModelFile.OPTIMIZER +
			" that spec.json does not list");
		return m;
	}

	// -- Helper methods --

	private static Spec parseChecked(final String json, final File file) {
		// Gson prints and compares JSON recursively: deep nesting could overflow the stack, so it is refused unparsed
		final int depth = nesting(json);
		if (depth > MAX_NESTING) throw ModelFile.damaged(file, "spec.json is nested " + depth + " levels deep (at most " +
			MAX_NESTING + " expected)");
		final JsonElement root = JsonParser.parseString(json);
		if (nesting(root) > MAX_NESTING) throw ModelFile.damaged(file, "spec.json is nested more than " + MAX_NESTING +
			" levels deep"); // the text scan can be fooled by lenient JSON's single-quoted strings
		if (!root.isJsonObject()) throw ModelFile.damaged(file, "spec.json does not hold a JSON object");
		final JsonObject o = root.getAsJsonObject();
		final JsonElement format = o.get("format");
		if (!isString(format) || !FORMAT.equals(format.getAsString())) {
			throw ModelFile.damaged(file, "spec.json is not a Fiji Autoencoders spec (its 'format' is not '" + FORMAT +
				"')");
		}
		final long version = integer(o, "", "formatVersion", Long.MIN_VALUE, Long.MAX_VALUE, file);
		if (version > VERSION) throw new BadInputException("Model file " + file.getName() + " has format version " +
			version + ", newer than this plugin reads (" + VERSION + "). Update Fiji Autoencoders to use it.");
		if (version < 1) throw ModelFile.damaged(file, "format version " + version + " is not valid");
		noUnknownFields(o, FIELDS, "", file);
		final AutoencoderModel m = new AutoencoderModel();
		final String kind = string(o, "", "kind", file);
		m.kind = Choice.byId(ModelKind.class, kind);
		final Map<String, long[]> expected;
		if (m.kind == null) throw ModelFile.damaged(file, "unknown model kind '" + ModelFile.sanitize(kind) +
			"' (expected 'denoiser' or 'vae')");
		if (m.isDenoiser()) {
			if (o.has("vae")) throw ModelFile.damaged(file, "spec.json describes a denoiser but has a 'vae' field");
			m.network = network(object(o, "", "network", file), file);
			expected = ParameterShapes.of(m.network);
		}
		else if (m.isVae()) {
			if (o.has("network")) throw ModelFile.damaged(file, "spec.json describes a VAE but has a 'network' field");
			m.vae = vae(object(o, "", "vae", file), file);
			expected = ParameterShapes.of(m.vae);
		}
		else throw new IllegalStateException(m.kind.id());
		final JsonObject norm = object(o, "", "normalization", file);
		noUnknownFields(norm, Set.of("low", "high"), "normalization.", file);
		final double low = number(norm, "normalization.", "low", file);
		final double high = number(norm, "normalization.", "high", file);
		if (!(high > low) || !Double.isFinite(high - low)) throw ModelFile.damaged(file, "its normalization (low " + low +
			", high " + high + ") is invalid: low must be below high");
		m.normalization = Normalization.of(low, high);
		m.noise = string(o, "", "noise", file);
		try {
			NoiseModels.parse(m.noise);
		}
		catch (final BadInputException e) {
			throw ModelFile.damaged(file, "its noise model '" + ModelFile.sanitize(m.noise) + "' is not valid");
		}
		m.patchSize = (int) integer(o, "", "patchSize", 0, Integer.MAX_VALUE, file);
		m.steps = integer(o, "", "steps", 0, Long.MAX_VALUE, file);
		m.learningRate = floatNumber(o, "", "learningRate", file);
		if (m.learningRate < 0) throw ModelFile.damaged(file, "its learning rate " + m.learningRate + " is negative");
		m.seed = integer(o, "", "seed", Long.MIN_VALUE, Long.MAX_VALUE, file);
		if (present(o, "created")) m.created = string(o, "", "created", file);
		if (present(o, "trainingSettings")) m.trainingSettings = o.get("trainingSettings").toString();
		m.history = history(array(o, "", "history", file), file);
		final Map<String, long[]> weights = index(array(o, "", "weights", file), "weights", file);
		match(weights, expected, "weights", file);
		Map<String, long[]> optimizer = null;
		if (present(o, "optimizer")) {
			optimizer = index(array(o, "", "optimizer", file), "optimizer", file);
			match(optimizer, ParameterShapes.adamState(expected), "optimizer state", file);
		}
		final Spec spec = new Spec(m, weights, optimizer);
		final long bytes = Math.max(spec.weightBytes(), spec.optimizerBytes());
		if (bytes > ModelFile.MAX_ARRAY_BYTES) throw ModelFile.damaged(file, "its network needs " + (bytes >> 20) +
			" MB of arrays, more than the " + (ModelFile.MAX_ARRAY_BYTES >> 20) + " MB a model file may hold");
		return spec;
	}

	private static NetworkSpec network(final JsonObject n, final File file) {
		noUnknownFields(n, NETWORK_FIELDS, "network.", file);
		final NetworkSpec s;
		try {
			s = new NetworkSpec(string(n, "network.", "architecture", file), (int) integer(n, "network.",
			"depth", Integer.MIN_VALUE, Integer.MAX_VALUE, file), (int) integer(n, "network.", "filters",
				Integer.MIN_VALUE, Integer.MAX_VALUE, file), bool(n, "network.", "residual", file), string(n, "network.",
					"upsampling", file), (int) integer(n, "network.", "channels", Integer.MIN_VALUE, Integer.MAX_VALUE, file),
			floatNumber(n, "network.", "leakyAlpha", file), present(n, "maxFilters") ? (int) integer(n, "network.",
				"maxFilters", Integer.MIN_VALUE, Integer.MAX_VALUE, file) : NetworkSpec.DEFAULT_MAX_FILTERS);
			return s.validate();
		}
		catch (final BadInputException e) {
			throw ModelFile.damaged(file, "its network spec is invalid (" + stripPeriod(e.getMessage()) + ")");
		}
	}

	private static VaeSpec vae(final JsonObject v, final File file) {
		noUnknownFields(v, VAE_FIELDS, "vae.", file);
		final int min = Integer.MIN_VALUE, max = Integer.MAX_VALUE;
		final VaeSpec s = new VaeSpec((int) integer(v, "vae.", "width", min, max, file), (int) integer(v, "vae.",
			"height", min, max, file), (int) integer(v, "vae.", "latent", min, max, file), (int) integer(v, "vae.",
				"depth", min, max, file), (int) integer(v, "vae.", "filters", min, max, file), parseLikelihood(string(v,
					"vae.", "likelihood", file), file), floatNumber(v, "vae.", "beta", file));
		try {
			s.validate();
		}
		catch (final BadInputException e) {
			throw ModelFile.damaged(file, "its VAE spec is invalid (" + stripPeriod(e.getMessage()) + ")");
		}
		final int minSide = Math.min(s.width(), s.height());
		if (minSide >> s.depth() < 1) throw ModelFile.damaged(file, "its VAE spec is invalid (depth " + s.depth() +
			" is too deep for " + s.width() + "x" + s.height() + " images)");
		return s;
	}

	private static Likelihood parseLikelihood(final String s, final File file) {
		try {
			return Likelihood.parse(s);
		}
		catch (final BadInputException e) {
			throw ModelFile.damaged(file, "its VAE spec is invalid (" + stripPeriod(e.getMessage()) + ")");
		}
	}

	private static TrainingHistory history(final JsonArray a, final File file) {
		final TrainingHistory h = new TrainingHistory();
		for (final JsonElement el : a) {
			if (el == null || !el.isJsonObject()) throw ModelFile.damaged(file, "spec.json field 'history' holds " +
				"something other than epoch records");
			noUnknownFields(el.getAsJsonObject(), EPOCH_FIELDS, "history[].", file);
			final TrainingHistory.Epoch e;
			try {
				e = GSON.fromJson(el, TrainingHistory.Epoch.class);
			}
			catch (final RuntimeException x) {
				throw ModelFile.damaged(file, "spec.json field 'history' holds a malformed epoch record (" + brief(x) + ")");
			}
			h.add(e);
		}
		return h;
	}

	/** The names and shapes listed in a "weights" or "optimizer" array, in order. */
	private static Map<String, long[]> index(final JsonArray a, final String field, final File file) {
		final Map<String, long[]> out = new LinkedHashMap<>();
		for (final JsonElement el : a) {
			if (el == null || !el.isJsonObject()) throw ModelFile.damaged(file, "spec.json field '" + field +
				"' holds something other than name and shape records");
			final JsonObject o = el.getAsJsonObject();
			noUnknownFields(o, INDEX_FIELDS, field + "[].", file);
			final String name = string(o, field + "[].", "name", file);
			final JsonArray shapeJson = array(o, field + "[].", "shape", file);
			if (shapeJson.size() < 1 || shapeJson.size() > 4) throw ModelFile.damaged(file, "array '" + ModelFile
				.sanitize(name) + "' has " + shapeJson.size() + " dimensions (1 to 4 expected)");
			final long[] shape = new long[shapeJson.size()];
			for (int i = 0; i < shape.length; i++) {
				final JsonElement d = shapeJson.get(i);
				final Long v = d != null && d.isJsonPrimitive() ? wholeNumber(d.getAsJsonPrimitive()) : null;
				if (v == null || v < 1 || v > Integer.MAX_VALUE) throw ModelFile.damaged(file, "array '" + ModelFile
					.sanitize(name) + "' has an invalid shape (dimension " + (i + 1) + " is not a whole number from 1 to " +
					Integer.MAX_VALUE + ")");
				shape[i] = v;
			}
			if (out.put(name, shape) != null) throw ModelFile.damaged(file, "array '" + ModelFile.sanitize(name) +
				"' is listed twice");
		}
		return Collections.unmodifiableMap(out);
	}

	/** Stored arrays must be exactly the expected ones: none missing, none extra, all with the right shape. */
	private static void match(final Map<String, long[]> stored, final Map<String, long[]> expected, final String what,
		final File file)
	{
		for (final Map.Entry<String, long[]> e : expected.entrySet()) {
			final long[] s = stored.get(e.getKey());
			if (s == null) throw ModelFile.damaged(file, "its " + what + " '" + e.getKey() + "' are missing");
			if (!Arrays.equals(s, e.getValue())) throw ModelFile.damaged(file, "its " + what + " '" + e.getKey() +
				"' have shape " + Arrays.toString(s) + " but the network needs " + Arrays.toString(e.getValue()));
		}
		for (final String name : stored.keySet())
			if (!expected.containsKey(name)) throw ModelFile.damaged(file, "it has unexpected " + what + " '" + ModelFile
				.sanitize(name) + "' that the network does not use");
	}

	private static Weights arrays(final Map<String, long[]> index, final byte[] data, final long expectedBytes,
		final String entry, final File file)
	{
		if (data.length != expectedBytes) throw ModelFile.damaged(file, entry + " holds " + data.length +
			" bytes but spec.json announces " + expectedBytes);
		final FloatBuffer fb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
		final Weights w = new Weights();
		for (final Map.Entry<String, long[]> e : index.entrySet()) {
			final float[] values = new float[(int) Weights.size(e.getValue())];
			fb.get(values);
			for (final float v : values)
				if (!Float.isFinite(v)) throw ModelFile.damaged(file, "array '" + e.getKey() + "' in " + entry +
					" contains NaN or infinity");
			w.put(e.getKey(), e.getValue(), values);
		}
		return w;
	}

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

	// -- Typed field access: each names the field and what it should hold --

	private static boolean present(final JsonObject o, final String key) {
		return o.has(key) && !o.get(key).isJsonNull();
	}

	private static JsonElement field(final JsonObject o, final String prefix, final String key, final File file) {
		if (!present(o, key)) throw ModelFile.damaged(file, "spec.json has no '" + prefix + key + "' field");
		return o.get(key);
	}

	private static BadInputException wrongType(final String prefix, final String key, final String type,
		final File file)
	{
		return ModelFile.damaged(file, "spec.json field '" + prefix + key + "' is not " + type);
	}

	private static boolean isString(final JsonElement e) {
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
	}

	private static String string(final JsonObject o, final String prefix, final String key, final File file) {
		final JsonElement e = field(o, prefix, key, file);
		if (!isString(e)) throw wrongType(prefix, key, "a text", file);
		return e.getAsString();
	}

	private static boolean bool(final JsonObject o, final String prefix, final String key, final File file) {
		final JsonElement e = field(o, prefix, key, file);
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw wrongType(prefix, key,
			"true or false", file);
		return e.getAsBoolean();
	}

	private static JsonObject object(final JsonObject o, final String prefix, final String key, final File file) {
		final JsonElement e = field(o, prefix, key, file);
		if (!e.isJsonObject()) throw wrongType(prefix, key, "an object", file);
		return e.getAsJsonObject();
	}

	private static JsonArray array(final JsonObject o, final String prefix, final String key, final File file) {
		final JsonElement e = field(o, prefix, key, file);
		if (!e.isJsonArray()) throw wrongType(prefix, key, "a list", file);
		return e.getAsJsonArray();
	}

	/** A finite number (NaN and infinities, which the writer never produces for these fields, are rejected). */
	private static double number(final JsonObject o, final String prefix, final String key, final File file) {
		final JsonElement e = field(o, prefix, key, file);
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw wrongType(prefix, key, "a number", file);
		final double v;
		try {
			v = e.getAsDouble();
		}
		catch (final NumberFormatException x) {
			throw wrongType(prefix, key, "a number", file);
		}
		if (!Double.isFinite(v)) throw wrongType(prefix, key, "a finite number", file);
		return v;
	}

	/** A finite float, parsed from the text directly (as it was written) so that it reads back bit for bit. */
	private static float floatNumber(final JsonObject o, final String prefix, final String key, final File file) {
		number(o, prefix, key, file);
		final float v;
		try {
			v = o.get(key).getAsFloat();
		}
		catch (final NumberFormatException x) {
			throw wrongType(prefix, key, "a number", file);
		}
		if (!Float.isFinite(v)) throw wrongType(prefix, key, "a number in float range", file);
		return v;
	}

	private static long integer(final JsonObject o, final String prefix, final String key, final long min,
		final long max, final File file)
	{
		final JsonElement e = field(o, prefix, key, file);
		final Long v = e.isJsonPrimitive() ? wholeNumber(e.getAsJsonPrimitive()) : null;
		if (v == null) throw wrongType(prefix, key, "a whole number", file);
		if (v < min || v > max) throw ModelFile.damaged(file, "spec.json field '" + prefix + key + "' is " + v +
			", out of range");
		return v;
	}

	/** The value if it is a whole number that fits a long, else null; never slow on huge exponents. */
	private static Long wholeNumber(final JsonPrimitive p) {
		if (!p.isNumber()) return null;
		final String text = p.getAsString();
		if (text.length() > 40) return null; // no whole number that fits a long is written this long; parsing could be slow
		final BigDecimal d;
		try {
			d = new BigDecimal(text);
		}
		catch (final NumberFormatException | ArithmeticException e) {
			return null;
		}
		if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
			return null;
		}
		try {
			return d.longValueExact();
		}
		catch (final ArithmeticException e) {
			return null; // has a fraction
		}
	}

	private static void noUnknownFields(final JsonObject o, final Set<String> known, final String prefix,
		final File file)
	{
		for (final String k : o.keySet())
			if (!known.contains(k)) throw ModelFile.damaged(file, "spec.json has an unknown field '" + prefix + ModelFile
				.sanitize(k) + "'");
	}

	/** Deepest nesting of [ and { outside strings, found without parsing. */
	static int nesting(final String json) {
		int depth = 0, max = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			final char c = json.charAt(i);
			if (inString) {
				if (c == '\\') i++;
				else if (c == '"') inString = false;
			}
			else if (c == '"') inString = true;
			else if (c == '[' || c == '{') max = Math.max(max, ++depth);
			else if (c == ']' || c == '}') depth--;
		}
		return max;
	}

	/** Deepest nesting of a parsed tree, found without recursion. */
	static int nesting(final JsonElement root) {
		final java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
		stack.push(new Object[] { root, 1 });
		int max = 0;
		while (!stack.isEmpty()) {
			final Object[] top = stack.pop();
			final JsonElement e = (JsonElement) top[0];
			final int d = (Integer) top[1];
			if (e.isJsonArray()) {
				max = Math.max(max, d);
				if (d <= MAX_NESTING) for (final JsonElement c : e.getAsJsonArray())
					stack.push(new Object[] { c, d + 1 });
			}
			else if (e.isJsonObject()) {
				max = Math.max(max, d);
				if (d <= MAX_NESTING) for (final JsonElement c : e.getAsJsonObject().asMap().values())
					stack.push(new Object[] { c, d + 1 });
			}
		}
		return max;
	}

	private static String brief(final Throwable e) {
		final String m = e.getMessage();
		return e.getClass().getSimpleName() + (m == null ? "" : ": " + ModelFile.sanitize(m));
	}

	private static String stripPeriod(final String s) {
		return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
	}
}
