package sc.fiji.autoencoders.io;

import org.scijava.plugin.Plugin;

import com.google.gson.JsonElement;

import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.model.Architecture;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Pooling;
import sc.fiji.autoencoders.model.Upsampling;

/** How a {@link NetworkSpec} (U-Net or plain autoencoder) is stored: the {@code network} field of spec.json. */
@Plugin(type = DenoiserSpecJson.class, priority = 100)
public final class NetworkSpecJson implements DenoiserSpecJson<NetworkSpec> {

	/** A short list of true or false, e.g. the Z pooling of each level of a 3D network. */
	private static final Codec<boolean[]> BOOLEANS = new Codec<boolean[]>() {

		@Override
		public JsonElement write(final boolean[] value) {
			final com.google.gson.JsonArray a = new com.google.gson.JsonArray();
			for (final boolean b : value)
				a.add(b);
			return a;
		}

		@Override
		public boolean[] read(final JsonElement e, final At at) {
			if (!e.isJsonArray() || e.getAsJsonArray().size() > 64) throw at.notA("a list of at most 64 true or false");
			final boolean[] out = new boolean[e.getAsJsonArray().size()];
			for (int i = 0; i < out.length; i++)
				out[i] = JsonTable.BOOLEAN.read(e.getAsJsonArray().get(i), at.element());
			return out;
		}
	};

	private static final Codec<NetworkSpec> SPEC;
	static {
		final JsonTable<NetworkSpec> t = new JsonTable<>("network specs");
		final Field<NetworkSpec, Architecture> architecture = t.required("architecture", JsonTable.choice(
			Architecture.class, "architecture"), NetworkSpec::architecture);
		final Field<NetworkSpec, Integer> depth = t.required("depth", JsonTable.integer(Integer.MIN_VALUE, Integer.MAX_VALUE), NetworkSpec::depth);
		final Field<NetworkSpec, Integer> filters = t.required("filters", JsonTable.integer(Integer.MIN_VALUE, Integer.MAX_VALUE),
			NetworkSpec::filters);
		final Field<NetworkSpec, Boolean> residual = t.required("residual", JsonTable.BOOLEAN, NetworkSpec::residual);
		final Field<NetworkSpec, Upsampling> upsampling = t.required("upsampling", JsonTable.choice(Upsampling.class,
			"upsampling"), NetworkSpec::upsampling);
		final Field<NetworkSpec, Integer> channels = t.required("channels", JsonTable.integer(Integer.MIN_VALUE, Integer.MAX_VALUE),
			NetworkSpec::channels);
		final Field<NetworkSpec, Float> leakyAlpha = t.required("leakyAlpha", JsonTable.FINITE_FLOAT,
			NetworkSpec::leakyAlpha);
		// added after the first files were written: those have none and mean the old fixed cap
		final Field<NetworkSpec, Integer> maxFilters = t.optional("maxFilters", JsonTable.integer(Integer.MIN_VALUE, Integer.MAX_VALUE),
			NetworkSpec::maxFilters, NetworkSpec.DEFAULT_MAX_FILTERS);
		// added with 3D networks: files without them are 2D; 2D networks write neither, so their files are as before
		final Field<NetworkSpec, Integer> dims = t.optional("dims", JsonTable.integer(Integer.MIN_VALUE, Integer.MAX_VALUE), n -> n.dims() == 2 ? null
			: n.dims(), 2);
		final Field<NetworkSpec, boolean[]> zPooling = t.optional("zPooling", BOOLEANS, n -> n.dims() == 2 ? null : n
			.zPooling(), null);
		// added with Noise2Void (N2V2): files without them are max-pooling networks with every skip connection; written
		// only when they differ, so that the files of other networks stay as they were (and load in earlier versions)
		final Field<NetworkSpec, Pooling> pooling = t.optional("pooling", JsonTable.choice(Pooling.class, "pooling"),
			n -> n.pooling() == Pooling.MAX ? null : n.pooling(), Pooling.MAX);
		final Field<NetworkSpec, Boolean> topSkip = t.optional("topSkip", JsonTable.BOOLEAN, n -> n.topSkip() ? null
			: Boolean.FALSE, true);
		SPEC = t.make(v -> JsonTable.valid(v.at, "network spec", () -> new NetworkSpec(v.get(architecture), v.get(depth), v.get(
			filters), v.get(residual), v.get(upsampling), v.get(channels), v.get(leakyAlpha), v.get(maxFilters), v.get(
				dims), v.get(zPooling), v.get(pooling), v.get(topSkip)).validate())).object();
	}

	@Override
	public String field() {
		return "network";
	}

	/** Every file since the first has it right after the model's kind. */
	@Override
	public String after() {
		return "kind";
	}

	@Override
	public Class<NetworkSpec> type() {
		return NetworkSpec.class;
	}

	@Override
	public Codec<NetworkSpec> codec() {
		return SPEC;
	}
}
