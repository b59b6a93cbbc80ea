package sc.fiji.autoencoders.io.zarr;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The array metadata of Zarr v3 ({@code zarr.json} of {@code node_type} array): a regular chunk grid, chunk keys of
 * the {@code default} or {@code v2} encoding, and a codec chain of an optional trivial {@code transpose}, then
 * {@code bytes} (either byte order) or {@code sharding_indexed} (read only), then compressors and checksums
 * ({@link Codecs#fromV3Json}). What else the spec allows is refused with a message naming the fix.
 */
final class ZarrV3 {

	private ZarrV3() {}

	/** The codecs of a chunk: its byte order, its bytes-to-bytes codecs, and its sharding (null if none). */
	private static final class Chain {

		ByteOrder order = ByteOrder.LITTLE_ENDIAN;
		final List<Codec> codecs = new ArrayList<>();
		Sharding sharding;
		int[] innerChunks;
	}

	static ArrayMetadata fromJson(final JsonObject o, final Path file) {
		try {
			final String node = o.has("node_type") ? o.get("node_type").getAsString() : "(none)";
			if (!"array".equals(node)) throw ArrayMetadata.bad(file, "is a Zarr v3 " + node + ", not an array: give " +
				"the path of an array (or of an OME-Zarr image folder)");
			final JsonElement transformers = o.get("storage_transformers");
			if (transformers != null && transformers.getAsJsonArray().size() > 0) throw ArrayMetadata.bad(file,
				"uses storage_transformers " + transformers + ", which this reader does not apply: rewrite it without");
			final JsonArray s = o.getAsJsonArray("shape");
			final long[] shape = new long[s.size()];
			for (int d = 0; d < shape.length; d++)
				shape[d] = s.get(d).getAsLong();
			final JsonObject grid = o.getAsJsonObject("chunk_grid");
			if (!"regular".equals(grid.get("name").getAsString())) throw ArrayMetadata.bad(file, "has chunk_grid " +
				grid.get("name") + "; this reader takes regular grids: rewrite it with a regular one");
			final int[] chunks = ints(grid.getAsJsonObject("configuration").getAsJsonArray("chunk_shape"));
			if (shape.length == 0 || chunks.length != shape.length) throw ArrayMetadata.bad(file, "has shape " + s +
				" and chunk_shape " + grid.getAsJsonObject("configuration").get("chunk_shape") + ": they must be of " +
				"one rank, 1 or more");
			for (int d = 0; d < shape.length; d++)
				if (shape[d] < 0 || chunks[d] < 1) throw ArrayMetadata.bad(file, "has shape " + s + " and chunks " + grid +
					": sizes must be positive");
			final String typeName = o.get("data_type").isJsonPrimitive() ? o.get("data_type").getAsString() : null;
			final Chain chain = chain(o.getAsJsonArray("codecs"), chunks, file, true);
			final DataType type;
			try {
				type = DataType.parseV3(typeName, chain.order);
			}
			catch (final BadInputException e) {
				throw new BadInputException(file + ": " + e.getMessage(), e);
			}
			final List<Codec> codecs = new ArrayList<>();
			for (final Codec c : chain.codecs)
				codecs.add(c.forItemSize(type.size()));
			final JsonObject keys = o.getAsJsonObject("chunk_key_encoding");
			final String encoding = keys.get("name").getAsString();
			if (!"default".equals(encoding) && !"v2".equals(encoding)) throw ArrayMetadata.bad(file,
				"has chunk_key_encoding '" + encoding + "'; Zarr v3 defines 'default' and 'v2'");
			final JsonObject kc = keys.getAsJsonObject("configuration");
			final String sep = kc != null && kc.has("separator") ? kc.get("separator").getAsString() : "default".equals(
				encoding) ? "/" : ".";
			if (!".".equals(sep) && !"/".equals(sep)) throw ArrayMetadata.bad(file, "has chunk key separator '" + sep +
				"'; Zarr allows '.' and '/'");
			final JsonElement f = o.get("fill_value");
			final boolean isNull = f == null || f.isJsonNull();
			final double fill = isNull ? 0 : ArrayMetadata.fill(f, type, file);
			return new ArrayMetadata(3, shape, chain.sharding == null ? chunks : chain.innerChunks, type, codecs, fill,
				isNull, sep, "default".equals(encoding) ? "c" + sep : "", dimensionNames(o.get("dimension_names")),
				chain.sharding);
		}
		catch (final NullPointerException | IllegalStateException | UnsupportedOperationException |
			IllegalArgumentException | ClassCastException e)
		{
			throw ArrayMetadata.bad(file, "is malformed (" + e + "); a Zarr v3 array needs zarr_format, node_type, " +
				"shape, data_type, chunk_grid, chunk_key_encoding, fill_value and codecs");
		}
	}

	/**
	 * Reads a codec chain of chunks of shape {@code chunks}.
	 *
	 * @param outer whether this is the array's own chain (sharding may appear there, not inside a shard)
	 */
	private static Chain chain(final JsonArray list, final int[] chunks, final Path file, final boolean outer) {
		final Chain chain = new Chain();
		boolean toBytes = false;
		int compressors = 0;
		for (final JsonElement e : list) {
			final JsonObject c = e.getAsJsonObject();
			final String name = c.get("name").getAsString();
			final JsonObject conf = c.getAsJsonObject("configuration");
			if ("transpose".equals(name)) {
				if (toBytes) throw ArrayMetadata.bad(file, "lists transpose after the bytes codec");
				final int[] order = ints(conf.getAsJsonArray("order"));
				for (int d = 0; d < order.length; d++)
					if (order[d] != d) throw ArrayMetadata.bad(file, "transposes its chunks (order " + conf.get("order") +
						"); this reader takes C order only: rewrite it without the transpose codec");
			}
			else if ("bytes".equals(name) || "sharding_indexed".equals(name)) {
				if (toBytes) throw ArrayMetadata.bad(file, "has two array-to-bytes codecs");
				toBytes = true;
				if ("bytes".equals(name)) chain.order = conf != null && conf.has("endian") && "big".equals(conf.get(
					"endian").getAsString()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
				else if (!outer) throw ArrayMetadata.bad(file, "shards inside shards; this reader takes one level of " +
					"sharding: rewrite it with one");
				else shard(chain, conf, chunks, file);
			}
			else {
				if (!toBytes) throw ArrayMetadata.bad(file, "lists " + name + " before the bytes codec (or uses an " +
					"array-to-array codec other than transpose, which this reader does not apply)");
				if (chain.sharding != null) throw ArrayMetadata.bad(file, "encodes whole shards with " + name + "; " +
					"this reader takes the shards' codecs inside sharding_indexed only: rewrite it so");
				final Codec codec;
				try {
					codec = Codecs.fromV3Json(c, 1);
				}
				catch (final BadInputException x) {
					throw new BadInputException(file + ": " + x.getMessage(), x);
				}
				if (!codec.isChecksum() && ++compressors > 1) throw ArrayMetadata.bad(file, "compresses its chunks " +
					"twice; rewrite it with one compressor");
				chain.codecs.add(codec);
			}
		}
		if (!toBytes) throw ArrayMetadata.bad(file, "has no bytes codec in its codecs " + list);
		return chain;
	}

	private static void shard(final Chain chain, final JsonObject conf, final int[] shardShape, final Path file) {
		final int[] inner = ints(conf.getAsJsonArray("chunk_shape"));
		if (inner.length != shardShape.length) throw ArrayMetadata.bad(file, "has inner chunks of rank " +
			inner.length + " in shards of rank " + shardShape.length);
		final int[] per = new int[inner.length];
		for (int d = 0; d < inner.length; d++) {
			if (inner[d] < 1 || shardShape[d] % inner[d] != 0) throw ArrayMetadata.bad(file, "has shards " + java.util
				.Arrays.toString(shardShape) + " that are not whole inner chunks " + conf.get("chunk_shape"));
			per[d] = shardShape[d] / inner[d];
		}
		final Chain innerChain = chain(conf.getAsJsonArray("codecs"), inner, file, false);
		chain.order = innerChain.order;
		chain.codecs.addAll(innerChain.codecs);
		chain.innerChunks = inner;
		final String location = conf.has("index_location") ? conf.get("index_location").getAsString() : "end";
		if (!"end".equals(location) && !"start".equals(location)) throw ArrayMetadata.bad(file, "has index_location '" +
			location + "'; the spec defines start and end");
		final Chain index = chain(conf.getAsJsonArray("index_codecs"), per, file, false);
		final boolean crc = index.codecs.size() == 1 && index.codecs.get(0).isChecksum();
		if (index.order != ByteOrder.LITTLE_ENDIAN || !index.codecs.isEmpty() && !crc) throw ArrayMetadata.bad(file,
			"has shard index codecs " + conf.get("index_codecs") + "; this reader takes bytes (little-endian) with an " +
			"optional crc32c, as the spec recommends: rewrite it so");
		chain.sharding = new Sharding(per, "end".equals(location), crc);
	}

	/** The {@code zarr.json} of an array this plugin writes (not sharded). */
	static JsonObject toJson(final ArrayMetadata m) {
		if (m.sharding() != null) throw new IllegalStateException("sharded arrays are not written");
		final JsonObject o = new JsonObject();
		o.addProperty("zarr_format", 3);
		o.addProperty("node_type", "array");
		final JsonArray shape = new JsonArray();
		for (final long v : m.shape())
			shape.add(v);
		o.add("shape", shape);
		o.addProperty("data_type", m.type().v3Name());
		o.add("chunk_grid", named("regular", "chunk_shape", ints(m.chunks())));
		final JsonObject keys = new JsonObject();
		keys.addProperty("name", m.keyPrefix().isEmpty() ? "v2" : "default");
		final JsonObject kc = new JsonObject();
		kc.addProperty("separator", m.separator());
		keys.add("configuration", kc);
		o.add("chunk_key_encoding", keys);
		o.add("fill_value", m.fillJson());
		final JsonArray codecs = new JsonArray();
		final JsonObject bytes = new JsonObject();
		bytes.addProperty("name", "bytes");
		final JsonObject bc = new JsonObject();
		bc.addProperty("endian", m.type().order() == ByteOrder.BIG_ENDIAN ? "big" : "little");
		bytes.add("configuration", bc);
		codecs.add(bytes);
		for (final Codec c : m.codecs())
			codecs.add(c.toV3Json());
		o.add("codecs", codecs);
		o.add("attributes", new JsonObject());
		if (m.dimensionNames() != null) {
			final JsonArray names = new JsonArray();
			for (final String n : m.dimensionNames())
				names.add(n);
			o.add("dimension_names", names);
		}
		return o;
	}

	private static JsonObject named(final String name, final String key, final JsonArray values) {
		final JsonObject c = new JsonObject();
		c.add(key, values);
		final JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.add("configuration", c);
		return o;
	}

	private static List<String> dimensionNames(final JsonElement e) {
		if (e == null || e.isJsonNull()) return null;
		final List<String> names = new ArrayList<>();
		for (final JsonElement n : e.getAsJsonArray())
			names.add(n.isJsonNull() ? null : n.getAsString());
		return names;
	}

	private static int[] ints(final JsonArray a) {
		final int[] v = new int[a.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = a.get(i).getAsInt();
		return v;
	}

	private static JsonArray ints(final int[] values) {
		final JsonArray a = new JsonArray();
		for (final int v : values)
			a.add(v);
		return a;
	}
}
