package sc.fiji.autoencoders.io;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.CodeDistribution;
import sc.fiji.autoencoders.model.DenoiserMethod;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.DenoiserSpec;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.ParameterShapes;
import sc.fiji.autoencoders.model.PluginInstances;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.model.Regularizer;
import sc.fiji.autoencoders.model.Replacement;
import sc.fiji.autoencoders.model.SparseCode;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingHistory;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.NoiseModels;

/**
 * The {@code spec.json} of a model file. Each stored type has one {@link JsonTable} below that both writes and reads
 * it, field by field, so that unknown content is rejected and a new field is added in one place. Reading happens in
 * two steps so that the arrays are never read blindly: {@link #parse} checks the spec, including that the stored arrays
 * are exactly those the architecture needs, and tells how many bytes they take; {@link #attach} then decodes the
 * arrays.
 */
final class ModelJson {

	static final String FORMAT = "fiji-autoencoders-model";
	/** The layout written; raise it only when the layout changes, and keep reading the older ones. */
	static final int VERSION = 1;
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
		.create();
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

		/** The spec of a model in memory, its arrays listed as they are written. */
		static Spec of(final AutoencoderModel m) {
			return new Spec(m, shapes(m.weights), m.optimizerState == null ? null : shapes(m.optimizerState));
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

		private static Map<String, long[]> shapes(final Weights w) {
			final Map<String, long[]> out = new LinkedHashMap<>();
			w.entries().forEach((name, e) -> out.put(name, e.shape()));
			return out;
		}
	}

	// -- The stored types, one table each --

	private static final int MIN = Integer.MIN_VALUE, MAX = Integer.MAX_VALUE;

	/** {@link Masking}: {@code masking} of a Noise2Void model. */
	private static final JsonTable<Masking> MASKING;
	static {
		final JsonTable<Masking> t = new JsonTable<>("masking specs");
		final Field<Masking, Double> percent = t.required("percent", JsonTable.FINITE_DOUBLE, Masking::percent);
		final Field<Masking, Integer> window = t.required("window", JsonTable.integer(MIN, MAX), Masking::window);
		final Field<Masking, Boolean> excludeCentre = t.required("excludeCentre", JsonTable.BOOLEAN,
			Masking::excludeCentre);
		final Field<Masking, StructMask> struct = t.required("struct", JsonTable.choice(StructMask.class,
			"structN2V mask"), Masking::struct);
		final Field<Masking, Integer> span = t.required("span", JsonTable.integer(MIN, MAX), Masking::span);
		// added with the mean replacement: written only for it, so that other files stay as they were
		final Field<Masking, Replacement> replacement = t.optional("replacement", JsonTable.choice(Replacement.class,
			"masked pixel replacement"), m -> m.replacement() == Replacement.NEIGHBOUR ? null : m.replacement(),
			Replacement.NEIGHBOUR);
		MASKING = t.make(v -> JsonTable.valid(v.at, "masking", () -> new Masking(v.get(percent), v.get(window), v.get(
			excludeCentre), v.get(struct), v.get(span), v.get(replacement)).validate()));
	}

	/** {@link ReceptiveField}: {@code receptiveField}, the measured effective receptive field of a denoiser. */
	private static final JsonTable<ReceptiveField> RECEPTIVE_FIELD;
	static {
		final JsonTable<ReceptiveField> t = new JsonTable<>("receptive fields");
		final Field<ReceptiveField, Integer> xy = t.required("xy", JsonTable.integer(MIN, MAX), ReceptiveField::xy);
		final Field<ReceptiveField, Integer> z = t.required("z", JsonTable.integer(MIN, MAX), ReceptiveField::z);
		final Field<ReceptiveField, Double> tolerance = t.required("tolerance", JsonTable.FINITE_DOUBLE,
			ReceptiveField::tolerance);
		RECEPTIVE_FIELD = t.make(v -> JsonTable.valid(v.at, "receptive field", () -> new ReceptiveField(v.get(xy), v.get(z), v.get(
			tolerance)).validate()));
	}

	/** A list of at most 1000 texts, e.g. the class names of a class-conditional VAE. */
	private static final Codec<List<String>> TEXTS = new Codec<List<String>>() {

		@Override
		public JsonElement write(final List<String> value) {
			final com.google.gson.JsonArray a = new com.google.gson.JsonArray();
			value.forEach(a::add);
			return a;
		}

		@Override
		public List<String> read(final JsonElement e, final At at) {
			if (!e.isJsonArray() || e.getAsJsonArray().size() > 1000) throw at.notA("a list of at most 1000 texts");
			final List<String> out = new java.util.ArrayList<>();
			for (final JsonElement t : e.getAsJsonArray())
				out.add(JsonTable.TEXT.read(t, at.element()));
			return out;
		}
	};

	/** {@link VaeSpec}: {@code vae} of a VAE. */
	private static final JsonTable<VaeSpec> VAE;
	static {
		final JsonTable<VaeSpec> t = new JsonTable<>("VAE specs");
		final Field<VaeSpec, Integer> width = t.required("width", JsonTable.integer(MIN, MAX), VaeSpec::width);
		final Field<VaeSpec, Integer> height = t.required("height", JsonTable.integer(MIN, MAX), VaeSpec::height);
		final Field<VaeSpec, Integer> latent = t.required("latent", JsonTable.integer(MIN, MAX), VaeSpec::latent);
		final Field<VaeSpec, Integer> depth = t.required("depth", JsonTable.integer(MIN, MAX), VaeSpec::depth);
		final Field<VaeSpec, Integer> filters = t.required("filters", JsonTable.integer(MIN, MAX), VaeSpec::filters);
		final Field<VaeSpec, Likelihood> likelihood = t.required("likelihood", JsonTable.choice(Likelihood.class,
			"likelihood"), VaeSpec::likelihood);
		final Field<VaeSpec, Float> beta = t.required("beta", JsonTable.FINITE_FLOAT, VaeSpec::beta);
		// added with feature autoencoders (model kind 'autoencoder'), which alone write them: VAE files are as before
		final Field<VaeSpec, Regularizer> regularizer = t.optional("regularizer", JsonTable.choice(Regularizer.class,
			"regularizer"), VaeSpec::regularizer, null);
		final Field<VaeSpec, Float> weight = t.optional("weight", JsonTable.FINITE_FLOAT, s -> s.isAutoencoder() ? s
			.weight() : null, 0f);
		// added with the soft-threshold sparse code, which alone writes it: a sparse model without it has a ReLU code
		final Field<VaeSpec, SparseCode> sparseCode = t.optional("sparseCode", JsonTable.choice(SparseCode.class,
			"sparse code"), s -> s.sparseCode() == SparseCode.RELU ? null : s.sparseCode(), null);
		// added with class-conditional VAEs, which alone write it
		final Field<VaeSpec, List<String>> classes = t.optional("classes", TEXTS, s -> s.isConditional() ? s.classes()
			: null, List.of());
		VAE = t.make(v -> {
			final VaeSpec read = v.get(regularizer) == null ? new VaeSpec(v.get(width), v.get(height), v.get(latent), v.get(
				depth), v.get(filters), v.get(likelihood), v.get(beta)) : VaeSpec.autoencoder(v.get(width), v.get(height), v
					.get(latent), v.get(depth), v.get(filters), v.get(regularizer), v.get(weight));
			if (read.regularizer() != Regularizer.SPARSE && v.get(sparseCode) != null) throw v.at.damaged("its spec has a " +
				"sparse code but no sparse regularizer");
			final VaeSpec code = read.regularizer() == Regularizer.SPARSE ? read.withSparseCode(v.get(sparseCode) == null
				? SparseCode.RELU : v.get(sparseCode)) : read;
			final VaeSpec s = JsonTable.valid(v.at, "VAE spec", () -> code.withClasses(v.get(classes)).validate());
			if (!s.isAutoencoder() && v.get(weight) != 0f) throw v.at.damaged("its VAE spec has a regularizer weight " +
				"but no regularizer");
			if (Math.min(s.width(), s.height()) >> s.depth() < 1) throw v.at.damaged("its VAE spec is invalid (depth " + s
				.depth() + " is too deep for " + s.width() + "x" + s.height() + " images)");
			return s;
		});
	}

	/** {@link Normalization}: the intensities mapped to 0 and 1. */
	private static final JsonTable<Normalization> NORMALIZATION;
	static {
		final JsonTable<Normalization> t = new JsonTable<>("normalizations");
		final Field<Normalization, Double> low = t.required("low", JsonTable.FINITE_DOUBLE, Normalization::low);
		final Field<Normalization, Double> high = t.required("high", JsonTable.FINITE_DOUBLE, Normalization::high);
		NORMALIZATION = t.make(v -> {
			final double l = v.get(low), h = v.get(high);
			if (!(h > l) || !Double.isFinite(h - l)) throw v.at.damaged("its normalization (low " + l + ", high " + h +
				") is invalid: low must be below high");
			return Normalization.of(l, h);
		});
	}

	/** {@link CodeDistribution}: {@code codes}, the Gaussian fitted to the training images' codes. */
	private static final JsonTable<CodeDistribution> CODES;
	static {
		final JsonTable<CodeDistribution> t = new JsonTable<>("code distributions");
		final Field<CodeDistribution, double[]> mean = t.required("mean", JsonTable.NUMBERS, CodeDistribution::mean);
		final Field<CodeDistribution, double[]> covariance = t.required("covariance", JsonTable.NUMBERS,
			CodeDistribution::covariance);
		CODES = t.make(v -> JsonTable.valid(v.at, "code distribution", () -> new CodeDistribution(v.get(mean), v.get(covariance))
			.validate()));
	}

	/** {@link TrainingHistory.Epoch}: one record of {@code history}. */
	private static final JsonTable<TrainingHistory.Epoch> EPOCH;
	static {
		final JsonTable<TrainingHistory.Epoch> t = new JsonTable<>("epoch records");
		final Field<TrainingHistory.Epoch, Integer> epoch = t.required("epoch", JsonTable.integer(MIN, MAX), e -> e.epoch);
		final Field<TrainingHistory.Epoch, Long> step = t.required("step", JsonTable.wholeNumber(Long.MIN_VALUE,
			Long.MAX_VALUE), e -> e.step);
		final Field<TrainingHistory.Epoch, Double> trainLoss = t.required("trainLoss", JsonTable.DOUBLE,
			e -> e.trainLoss);
		final Field<TrainingHistory.Epoch, Double> validationLoss = t.required("validationLoss", JsonTable.DOUBLE,
			e -> e.validationLoss);
		final Field<TrainingHistory.Epoch, Double> validationMetric = t.required("validationMetric", JsonTable.DOUBLE,
			e -> e.validationMetric);
		final Field<TrainingHistory.Epoch, Double> learningRate = t.required("learningRate", JsonTable.DOUBLE,
			e -> e.learningRate);
		final Field<TrainingHistory.Epoch, Double> seconds = t.required("seconds", JsonTable.DOUBLE, e -> e.seconds);
		EPOCH = t.make(v -> new TrainingHistory.Epoch(v.get(epoch), v.get(step), v.get(trainLoss), v.get(validationLoss),
			v.get(validationMetric), v.get(learningRate), v.get(seconds)));
	}

	/** One record of {@code weights} or {@code optimizer}: the name and shape of an array in the .bin entry. */
	private static final JsonTable<Map.Entry<String, long[]>> ARRAY;
	static {
		final JsonTable<Map.Entry<String, long[]>> t = new JsonTable<>("name and shape records");
		final Field<Map.Entry<String, long[]>, String> name = t.required("name", JsonTable.TEXT, Map.Entry::getKey);
		final Field<Map.Entry<String, long[]>, long[]> shape = t.required("shape", JsonTable.DIMENSIONS,
			Map.Entry::getValue);
		ARRAY = t.make(v -> {
			final String n = v.get(name);
			final long[] s = v.get(shape);
			if (s.length < 1 || s.length > 5) throw v.at.damaged("array '" + ModelFile.sanitize(n) + "' has " + s.length +
				" dimensions (1 to 5 expected)");
			for (int i = 0; i < s.length; i++)
				if (s[i] == 0) throw v.at.damaged("array '" + ModelFile.sanitize(n) + "' has an invalid shape (dimension " +
					(i + 1) + " is not a whole number from 1 to " + Integer.MAX_VALUE + ")");
			return Map.entry(n, s);
		});
	}

	/** The arrays of a .bin entry, in file order. */
	private static final Codec<Map<String, long[]>> ARRAYS = JsonTable.namedList(ARRAY, Map.Entry::getKey,
		Map.Entry::getValue, Map::entry);

	/** {@code format}: always {@link #FORMAT}. */
	private static final Codec<String> FORMAT_TEXT = JsonTable.exactText(FORMAT, ModelJson::notOurs);

	/** {@code formatVersion}: one this version reads. */
	private static final Codec<Long> FORMAT_VERSION = new Codec<Long>() {

		private final Codec<Long> any = JsonTable.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);

		@Override
		public JsonElement write(final Long value) {
			return any.write(value);
		}

		@Override
		public Long read(final JsonElement e, final At at) {
			final long version = any.read(e, at);
			if (version > VERSION) throw new BadInputException("Model file " + at.file.getName() + " has format version " +
				version + ", newer than this plugin reads (" + VERSION + "). Update Fiji Autoencoders to use it.");
			if (version < 1) throw at.damaged("format version " + version + " is not valid");
			return version;
		}
	};

	/** {@code noise}: a noise model spec such as {@code gaussian:25}. */
	private static final Codec<String> NOISE = new Codec<String>() {

		@Override
		public JsonElement write(final String value) {
			return JsonTable.TEXT.write(value);
		}

		@Override
		public String read(final JsonElement e, final At at) {
			final String noise = JsonTable.TEXT.read(e, at);
			try {
				NoiseModels.parse(noise);
			}
			catch (final BadInputException x) {
				throw at.damaged("its noise model '" + ModelFile.sanitize(noise) + "' is not valid");
			}
			return noise;
		}
	};

	/** The families of denoiser networks installed, each stored in a field of its own. */
	private static final List<DenoiserSpecJson<?>> FAMILIES = PluginInstances.of(cast(DenoiserSpecJson.class),
		DenoiserSpecJson::field);

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Class<DenoiserSpecJson<?>> cast(final Class<DenoiserSpecJson> raw) {
		return (Class) raw;
	}

	/** A family's codec as a codec of any denoiser spec (written only for a spec of its type). */
	private static <S extends DenoiserSpec> Codec<DenoiserSpec> stored(final DenoiserSpecJson<S> family) {
		return new Codec<DenoiserSpec>() {

			@Override
			public JsonElement write(final DenoiserSpec value) {
				return family.codec().write(family.type().cast(value));
			}

			@Override
			public DenoiserSpec read(final JsonElement e, final At at) {
				return family.codec().read(e, at);
			}
		};
	}

	private static BadInputException notOurs(final At at) {
		return at.damaged("spec.json is not a Fiji Autoencoders spec (its 'format' is not '" + FORMAT + "')");
	}

	/** The whole spec: the {@link AutoencoderModel} without its arrays, and the lists of its arrays. */
	private static final JsonTable<Spec> MODEL;
	static {
		final JsonTable<Spec> t = new JsonTable<>("model specs");
		// checked first, before anything else is read
		t.field("format", FORMAT_TEXT, s -> FORMAT, true, at -> {
			throw notOurs(at);
		});
		t.required("formatVersion", FORMAT_VERSION, s -> (long) VERSION);
		final Field<Spec, ModelKind> kind = t.required("kind", JsonTable.choice(ModelKind.class, "model kind"),
			s -> s.model.kind);
		final Field<Spec, VaeSpec> vae = t.optional("vae", VAE.object(), s -> s.model.isVae() ? s.model.vae : null,
			null);
		// added with feature autoencoders: their spec, a VAE spec with a regularizer
		final Field<Spec, VaeSpec> autoencoder = t.optional("autoencoder", VAE.object(), s -> s.model.isAutoencoder()
			? s.model.vae : null, null);
		final Field<Spec, Normalization> normalization = t.required("normalization", NORMALIZATION.object(),
			s -> s.model.normalization);
		// added with joint channels: one per input channel of a multichannel network; written only for those, so that
		// files of single-channel networks stay as they were (files without it: every channel uses 'normalization')
		final Field<Spec, List<Normalization>> channelNormalizations = t.optional("channelNormalizations",
			NORMALIZATION.list(), s -> s.model.channelNormalizations, null);
		final Field<Spec, String> noise = t.required("noise", NOISE, s -> s.model.noise);
		// added with the training modes: files without them were trained on clean images with a noise model; written
		// only for the other modes, so that clean-mode files stay as they were (and load in earlier versions)
		final Field<Spec, TrainingMode> mode = t.optional("mode", JsonTable.choice(TrainingMode.class, "training mode"),
			s -> s.model.isDenoiser() && s.model.mode != TrainingMode.CLEAN ? s.model.mode : null, TrainingMode.CLEAN);
		final Field<Spec, Masking> masking = t.optional("masking", MASKING.object(), s -> s.model.masking, null);
		// added with training methods as plug-ins: files without it derive it from mode and masking
		// (DenoiserMethods#derived); written only where it is not 'clean', so that clean-mode files stay as they were
		final Field<Spec, String> method = t.optional("method", JsonTable.TEXT, s -> s.model.isDenoiser() &&
			!DenoiserMethods.CLEAN.equals(s.model.trainingMethod().id()) ? s.model.trainingMethod().id() : null, null);
		final Field<Spec, String> data = t.optional("data", JsonTable.TEXT, s -> s.model.data, null);
		// added with effective-radius tile margins (issue 13): files without it were never measured, and their tiles keep
		// margins of the architecture's worst-case receptive radius
		final Field<Spec, ReceptiveField> receptiveField = t.optional("receptiveField", RECEPTIVE_FIELD.object(),
			s -> s.model.receptiveField, null);
		// added with sampling from the codes: files without it have no fitted Gaussian (sampling from it names the fix)
		final Field<Spec, CodeDistribution> codes = t.optional("codes", CODES.object(), s -> s.model.codes, null);
		// added with DivNoising's noise models (issue 27): written only by models that have one
		final Field<Spec, ChannelNoiseModels> noiseModel = t.optional("noiseModel", NoiseModelJson.MODELS,
			s -> s.model.noiseModel, null);
		final Field<Spec, Integer> patchSize = t.required("patchSize", JsonTable.integer(0, MAX), s -> s.model.patchSize);
		final Field<Spec, Long> steps = t.required("steps", JsonTable.wholeNumber(0, Long.MAX_VALUE), s -> s.model.steps);
		final Field<Spec, Float> learningRate = t.required("learningRate", JsonTable.FINITE_FLOAT,
			s -> s.model.learningRate);
		final Field<Spec, Long> seed = t.required("seed", JsonTable.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE),
			s -> s.model.seed);
		final Field<Spec, String> created = t.optional("created", JsonTable.TEXT, s -> s.model.created, null);
		final Field<Spec, String> trainingSettings = t.optional("trainingSettings", JsonTable.JSON_TEXT,
			s -> s.model.trainingSettings, null);
		final Field<Spec, List<TrainingHistory.Epoch>> history = t.required("history", EPOCH.list(),
			s -> s.model.history.epochs());
		final Field<Spec, Map<String, long[]>> weights = t.required("weights", ARRAYS, s -> s.weights);
		final Field<Spec, Map<String, long[]>> optimizer = t.optional("optimizer", ARRAYS, s -> s.optimizer, null);
		// a denoiser's network: one field per family, written only by that family's models
		final Map<DenoiserSpecJson<?>, Field<Spec, DenoiserSpec>> networks = new LinkedHashMap<>();
		for (final DenoiserSpecJson<?> f : FAMILIES)
			networks.put(f, t.optionalAfter(f.after(), f.field(), stored(f), s -> f.type().isInstance(s.model.network)
				? s.model.network : null));
		MODEL = t.make(v -> {
			final AutoencoderModel m = new AutoencoderModel();
			m.kind = v.get(kind);
			m.vae = m.isAutoencoder() ? v.get(autoencoder) : v.get(vae);
			final Map<String, long[]> expected;
			DenoiserSpecJson<?> family = null;
			if (m.isDenoiser()) {
				if (m.vae != null || v.get(autoencoder) != null) throw v.at.damaged("spec.json describes a denoiser but " +
					"has a 'vae' or 'autoencoder' field");
				for (final Map.Entry<DenoiserSpecJson<?>, Field<Spec, DenoiserSpec>> e : networks.entrySet()) {
					final DenoiserSpec n = v.get(e.getValue());
					if (n == null) continue;
					if (family != null) throw v.at.damaged("spec.json has both a '" + family.field() + "' and a '" + e.getKey()
						.field() + "' field");
					family = e.getKey();
					m.network = n;
				}
				// the U-Net's field: every denoiser had it before other families existed
				if (m.network == null) throw v.at.damaged("spec.json has no 'network' field");
				expected = m.network.parameterShapes();
			}
			else {
				final String key = m.isVae() ? "vae" : "autoencoder";
				for (final Map.Entry<DenoiserSpecJson<?>, Field<Spec, DenoiserSpec>> e : networks.entrySet())
					if (v.get(e.getValue()) != null) throw v.at.damaged("spec.json describes a " + m.kind + " but has a '" + e
						.getKey().field() + "' field");
				if ((m.isVae() ? v.get(autoencoder) : v.get(vae)) != null) throw v.at.damaged("spec.json describes a " +
					m.kind + " but has a '" + (m.isVae() ? "autoencoder" : "vae") + "' field");
				if (m.vae == null) throw v.at.damaged("spec.json has no '" + key + "' field");
				if (m.vae.isAutoencoder() != m.isAutoencoder()) throw v.at.damaged("spec.json describes a " + m.kind +
					(m.isVae() ? " but its spec has a regularizer" : " but its spec has no regularizer"));
				expected = ParameterShapes.of(m.vae);
			}
			m.codes = v.get(codes);
			m.noiseModel = v.get(noiseModel);
			if (m.codes != null && (m.isDenoiser() || m.codes.dimension() != m.vae.latent())) throw v.at.damaged(
				"its code distribution has " + m.codes.dimension() + " dimensions but the model has " + (m.isDenoiser()
					? "no codes" : m.vae.latent()));
			m.normalization = v.get(normalization);
			m.channelNormalizations = v.get(channelNormalizations);
			m.receptiveField = v.get(receptiveField);
			if (family != null) family.check(m, v.at);
			if (m.channelNormalizations != null && (m.isVae() || m.channelNormalizations.size() != m.network.channels()))
				throw v.at.damaged("spec.json lists " + m.channelNormalizations.size() + " channel normalizations but " +
					"the network has " + (m.isVae() ? "no channels" : m.network.channels() + " channel" + (m.network
						.channels() == 1 ? "" : "s")));
			m.noise = v.get(noise);
			m.mode = v.get(mode);
			m.masking = v.get(masking);
			m.data = v.get(data);
			if (m.receptiveField != null && !m.isDenoiser()) throw v.at.damaged("spec.json describes a " + m.kind +
				" but has a denoiser's receptive field");
			if (m.receptiveField != null && m.network.dims() == 2 && m.receptiveField.z() != 0) throw v.at.damaged(
				"spec.json has a receptive field with a Z radius (" + m.receptiveField.z() + ") for a 2D network");
			if (!m.isDenoiser() && (m.mode != TrainingMode.CLEAN || m.masking != null)) throw v.at.damaged(
				"spec.json describes a " + m.kind + " but has a denoiser's training mode or masking");
			if (m.masking != null && m.mode != TrainingMode.NOISY) throw v.at.damaged("spec.json has a 'masking' " +
				"field but its mode is '" + m.mode + "', not 'noisy'");
			m.method = method(v.get(method), m, v.at);
			m.patchSize = v.get(patchSize);
			m.steps = v.get(steps);
			m.learningRate = v.get(learningRate);
			if (m.learningRate < 0) throw v.at.damaged("its learning rate " + m.learningRate + " is negative");
			m.seed = v.get(seed);
			m.created = v.get(created);
			m.trainingSettings = v.get(trainingSettings);
			m.history = new TrainingHistory();
			v.get(history).forEach(m.history::add);
			StoredArrays.match(v.get(weights), expected, "weights", v.at);
			if (v.get(optimizer) != null) StoredArrays.match(v.get(optimizer), ParameterShapes.adamState(expected),
				"optimizer state", v.at);
			final Spec spec = new Spec(m, v.get(weights), v.get(optimizer));
			final long bytes = Math.max(spec.weightBytes(), spec.optimizerBytes());
			if (bytes > ModelFile.MAX_ARRAY_BYTES) throw v.at.damaged("its network needs " + (bytes >> 20) +
				" MB of arrays, more than the " + (ModelFile.MAX_ARRAY_BYTES >> 20) + " MB a model file may hold");
			return spec;
		});
	}

	private ModelJson() {}

	/**
	 * The training method of a denoiser: the recorded one, which must be installed and of the model's mode, or for
	 * files written before it was recorded, the one its mode and masking imply.
	 */
	private static String method(final String recorded, final AutoencoderModel m, final JsonTable.At at) {
		if (!m.isDenoiser()) {
			if (recorded != null) throw at.damaged("spec.json describes a " + m.kind + " but has a denoiser's training " +
				"method");
			return null;
		}
		if (recorded == null) return DenoiserMethods.derived(m.mode, m.masking);
		final DenoiserMethod known = DenoiserMethods.find(recorded);
		if (known == null) throw at.damaged("its training method '" + recorded + "' is none of " + DenoiserMethods
			.ids() + " (a newer version may have written it)");
		if (known.mode() != m.mode) throw at.damaged("its training method '" + recorded + "' learns from " + known
			.mode() + " images but its mode is '" + m.mode + "'");
		return recorded;
	}

	/** @throws IllegalStateException for a network of no installed family (a packaging error: it would not load) */
	static String toJson(final AutoencoderModel m) {
		if (m.network != null && FAMILIES.stream().noneMatch(f -> f.type().isInstance(m.network)))
			throw new IllegalStateException("No spec.json codec is installed for networks of type " + m.network.getClass()
				.getName());
		return GSON.toJson(MODEL.write(Spec.of(m)));
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
		m.weights = StoredArrays.arrays(spec.weights, weights, spec.weightBytes(), ModelFile.WEIGHTS, file);
		if (spec.optimizer != null) {
			if (optimizer == null) throw ModelFile.damaged(file, "spec.json lists optimizer state but there is no " +
				ModelFile.OPTIMIZER);
			m.optimizerState = StoredArrays.arrays(spec.optimizer, optimizer, spec.optimizerBytes(), ModelFile.OPTIMIZER,
				file);
		}
		else if (optimizer != null) throw ModelFile.damaged(file, "it has an " + ModelFile.OPTIMIZER +
			" that spec.json does not list");
		return m;
	}

	// -- Helper methods --

	private static Spec parseChecked(final String json, final File file) {
		// Gson prints and compares JSON recursively: deep nesting could overflow the stack, so it is refused unparsed
		final int depth = JsonNesting.nesting(json);
		if (depth > MAX_NESTING) throw ModelFile.damaged(file, "spec.json is nested " + depth + " levels deep (at most " +
			MAX_NESTING + " expected)");
		final JsonElement root = JsonParser.parseString(json);
		if (JsonNesting.nesting(root) > MAX_NESTING) throw ModelFile.damaged(file, "spec.json is nested more than " +
			MAX_NESTING +
			" levels deep"); // the text scan can be fooled by lenient JSON's single-quoted strings
		if (!root.isJsonObject()) throw ModelFile.damaged(file, "spec.json does not hold a JSON object");
		return MODEL.read(root.getAsJsonObject(), new At(file, ""));
	}

	private static String brief(final Throwable e) {
		final String m = e.getMessage();
		return e.getClass().getSimpleName() + (m == null ? "" : ": " + ModelFile.sanitize(m));
	}
}
