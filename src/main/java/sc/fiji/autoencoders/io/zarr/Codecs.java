package sc.fiji.autoencoders.io.zarr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.scalableminds.bloscjava.Blosc;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The compressors that image arrays use: {@code blosc} (any inner compressor and shuffle, via blosc-java's bundled
 * c-blosc), {@code zstd} (zstd-jni), {@code zlib} and {@code gzip} (java.util.zip), and none; as numcodecs configures
 * them in Zarr v2 and as the Zarr v3 spec does (there with the {@code crc32c} checksum, and in chains:
 * {@link #encode(List, byte[])}).
 */
public final class Codecs {

	private Codecs() {}

	/** The default for arrays this plugin writes: what python-zarr 2 picks by default (blosc lz4, level 5, shuffle). */
	public static Codec defaultCodec(final DataType type) {
		return blosc("lz4", 5, 1, type.size());
	}

	/**
	 * The codec of a {@code .zarray}'s {@code compressor} entry ({@code null} or JSON null: none).
	 *
	 * @param itemSize bytes per element, for blosc's shuffle
	 * @throws BadInputException for an unknown or malformed compressor
	 */
	public static Codec fromJson(final JsonElement json, final int itemSize) {
		if (json == null || json.isJsonNull()) return null;
		try {
			final JsonObject o = json.getAsJsonObject();
			final String id = o.get("id").getAsString();
			switch (id) {
				case "blosc":
					return blosc(o.get("cname").getAsString(), o.get("clevel").getAsInt(), o.get("shuffle").getAsInt(), itemSize);
				case "zstd":
					return zstd(o.has("level") ? o.get("level").getAsInt() : 1);
				case "zlib":
					return zlib(o.has("level") ? o.get("level").getAsInt() : 1, false);
				case "gzip":
					return zlib(o.has("level") ? o.get("level").getAsInt() : 1, true);
				default:
					throw new BadInputException("Zarr compressor '" + id + "' is not supported: rewrite the array with blosc, " +
						"zstd, zlib, gzip or no compressor.");
			}
		}
		catch (final IllegalStateException | NullPointerException | UnsupportedOperationException e) {
			throw new BadInputException("Malformed Zarr compressor " + json + ": it needs an 'id' and that codec's " +
				"settings (blosc: cname, clevel, shuffle).", e);
		}
	}

	/**
	 * The bytes-to-bytes codec of a Zarr v3 {@code codecs} entry: blosc, gzip, zstd or crc32c.
	 *
	 * @param itemSize bytes per element, for blosc's shuffle
	 * @throws BadInputException for another codec or a malformed one
	 */
	public static Codec fromV3Json(final JsonObject json, final int itemSize) {
		try {
			final String name = json.get("name").getAsString();
			final JsonObject c = json.has("configuration") ? json.getAsJsonObject("configuration") : new JsonObject();
			switch (name) {
				case "blosc": {
					final String shuffle = c.has("shuffle") ? c.get("shuffle").getAsString() : "noshuffle";
					final int s = List.of("noshuffle", "shuffle", "bitshuffle").indexOf(shuffle);
					if (s < 0) throw new BadInputException("Blosc shuffle '" + shuffle + "' is not one of noshuffle, " +
						"shuffle, bitshuffle.");
					return blosc(c.get("cname").getAsString(), c.get("clevel").getAsInt(), s, itemSize);
				}
				case "gzip":
					return zlib(c.has("level") ? c.get("level").getAsInt() : 5, true);
				case "numcodecs.zlib": // what a v2 zlib array converted to v3 has, and what this writes for one
					return zlib(c.has("level") ? c.get("level").getAsInt() : 1, false);
				case "zstd":
					return zstd(c.has("level") ? c.get("level").getAsInt() : 0, c.has("checksum") && c.get("checksum")
						.getAsBoolean());
				case "crc32c":
					return CRC32C_CODEC;
				default:
					throw new BadInputException("Zarr v3 codec '" + name + "' is not supported here: rewrite the array " +
						"with bytes and blosc, gzip, zstd or crc32c (or none).");
			}
		}
		catch (final IllegalStateException | NullPointerException | UnsupportedOperationException |
			ClassCastException e)
		{
			throw new BadInputException("Malformed Zarr v3 codec " + json + ": it needs a 'name' and that codec's " +
				"configuration (blosc: cname, clevel, shuffle).", e);
		}
	}

	/** The stored bytes of a chunk through {@code codecs} in their order (none: the raw bytes). */
	public static byte[] encode(final List<Codec> codecs, final byte[] raw) throws IOException {
		byte[] b = raw;
		for (final Codec c : codecs)
			b = c.encode(b);
		return b;
	}

	/**
	 * The raw bytes of a chunk stored through {@code codecs}, undone in reverse order. What each compressor gives is
	 * known from the raw length and the checksums before it; a chain of two compressors is refused when it is read
	 * ({@code zarr.json}), so no compressor meets an unknown length.
	 */
	public static byte[] decode(final List<Codec> codecs, final byte[] stored, final int rawLength)
		throws IOException
	{
		final int[] lengths = new int[codecs.size()];
		int length = rawLength;
		for (int k = 0; k < lengths.length; k++) {
			lengths[k] = length;
			final Codec c = codecs.get(k);
			length = c.isChecksum() && length >= 0 ? length + 4 : -1;
		}
		byte[] b = stored;
		for (int k = codecs.size() - 1; k >= 0; k--)
			b = codecs.get(k).decode(b, lengths[k]);
		return b;
	}

	/** The Zarr v3 crc32c codec: a CRC-32C (Castagnoli) of the bytes, appended little-endian. */
	public static final Codec CRC32C_CODEC = new Codec() {

		@Override
		public byte[] encode(final byte[] raw) {
			final byte[] out = Arrays.copyOf(raw, raw.length + 4);
			final int crc = crc32c(raw, raw.length);
			for (int i = 0; i < 4; i++)
				out[raw.length + i] = (byte) (crc >>> 8 * i);
			return out;
		}

		@Override
		public byte[] decode(final byte[] stored, final int rawLength) throws IOException {
			final int n = stored.length - 4;
			if (n < 0 || rawLength >= 0 && n != rawLength) throw new IOException("not " + rawLength + " bytes and a " +
				"checksum");
			if (readInt(stored, n) != crc32c(stored, n)) throw new IOException("its crc32c checksum does not match");
			return Arrays.copyOf(stored, n);
		}

		@Override
		public JsonObject toJson() {
			final JsonObject o = new JsonObject();
			o.addProperty("id", "crc32c");
			return o;
		}

		@Override
		public JsonObject toV3Json() {
			final JsonObject o = new JsonObject();
			o.addProperty("name", "crc32c");
			return o;
		}

		@Override
		public boolean isChecksum() {
			return true;
		}
	};

	static int crc32c(final byte[] b, final int length) {
		final CRC32C crc = new CRC32C();
		crc.update(b, 0, length);
		return (int) crc.getValue();
	}

	private static JsonObject v3(final String name, final JsonObject configuration) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", name);
		o.add("configuration", configuration);
		return o;
	}

	/**
	 * Blosc with inner compressor {@code cname} (lz4, lz4hc, blosclz, zstd, zlib), level 0-9 and numcodecs' shuffle
	 * (-1 auto: bit shuffle for 1-byte items, else byte shuffle; 0 none; 1 byte; 2 bit).
	 */
	public static Codec blosc(final String cname, final int clevel, final int shuffle, final int itemSize) {
		final Blosc.Compressor c;
		try {
			c = Blosc.Compressor.fromString(cname);
		}
		catch (final RuntimeException e) {
			throw new BadInputException("Blosc compressor '" + cname + "' is not supported: use lz4, lz4hc, blosclz, " +
				"zstd or zlib.", e);
		}
		if (shuffle < -1 || shuffle > 2) throw new BadInputException("Blosc shuffle " + shuffle + " is not one of " +
			"-1 (auto), 0 (none), 1 (byte), 2 (bit).");
		final int effective = shuffle == -1 ? itemSize == 1 ? 2 : 1 : shuffle;
		final Blosc.Shuffle s = Blosc.Shuffle.fromInt(effective);
		return new Codec() {

			@Override
			public byte[] encode(final byte[] raw) {
				return Blosc.compress(raw, itemSize, c, clevel, s);
			}

			@Override
			public byte[] decode(final byte[] stored, final int rawLength) throws IOException {
				// blosc's header: version, versionlz, flags, typesize, then nbytes, blocksize, cbytes (little-endian)
				if (stored.length < 16 || readInt(stored, 4) != rawLength || readInt(stored, 12) != stored.length) {
					throw new IOException("not a blosc frame of " + rawLength + " bytes");
				}
				final byte[] raw = Blosc.decompress(stored);
				if (raw == null || raw.length != rawLength) throw new IOException("blosc could not decompress it");
				return raw;
			}

			@Override
			public JsonObject toJson() {
				final JsonObject o = new JsonObject();
				o.addProperty("id", "blosc");
				o.addProperty("cname", c.getValue());
				o.addProperty("clevel", clevel);
				o.addProperty("shuffle", shuffle);
				o.addProperty("blocksize", 0);
				return o;
			}

			@Override
			public JsonObject toV3Json() {
				final JsonObject o = new JsonObject();
				o.addProperty("cname", c.getValue());
				o.addProperty("clevel", clevel);
				o.addProperty("shuffle", new String[] { "noshuffle", "shuffle", "bitshuffle" }[effective]);
				o.addProperty("typesize", itemSize);
				o.addProperty("blocksize", 0);
				return v3("blosc", o);
			}

			@Override
			public Codec forItemSize(final int size) {
				return blosc(cname, clevel, shuffle, size);
			}
		};
	}

	private static int readInt(final byte[] b, final int at) {
		return b[at] & 0xff | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
	}

	public static Codec zstd(final int level) {
		return zstd(level, false);
	}

	/** @param checksum whether frames carry zstd's content checksum (Zarr v3's {@code checksum}) */
	public static Codec zstd(final int level, final boolean checksum) {
		return new Codec() {

			@Override
			public byte[] encode(final byte[] raw) {
				if (!checksum) return Zstd.compress(raw, level);
				try (ZstdCompressCtx ctx = new ZstdCompressCtx()) {
					return ctx.setLevel(level).setChecksum(true).compress(raw);
				}
			}

			@Override
			public byte[] decode(final byte[] stored, final int rawLength) throws IOException {
				try {
					final byte[] raw = Zstd.decompress(stored, rawLength);
					if (raw.length != rawLength) throw new IOException(raw.length + " bytes instead of " + rawLength);
					return raw;
				}
				catch (final RuntimeException e) {
					throw new IOException("zstd: " + e.getMessage(), e);
				}
			}

			@Override
			public JsonObject toJson() {
				final JsonObject o = new JsonObject();
				o.addProperty("id", "zstd");
				o.addProperty("level", level);
				return o;
			}

			@Override
			public JsonObject toV3Json() {
				final JsonObject o = new JsonObject();
				o.addProperty("level", level);
				o.addProperty("checksum", checksum);
				return v3("zstd", o);
			}
		};
	}

	/** zlib streams ({@code gzip} false) or gzip files ({@code gzip} true), as numcodecs writes them. */
	public static Codec zlib(final int level, final boolean gzip) {
		return new Codec() {

			@Override
			public byte[] encode(final byte[] raw) throws IOException {
				final ByteArrayOutputStream out = new ByteArrayOutputStream();
				if (gzip) {
					try (GZIPOutputStream z = new GZIPOutputStream(out) {

						{
							def.setLevel(level); // GZIPOutputStream has no constructor taking the level
						}
					})
					{
						z.write(raw);
					}
					return out.toByteArray();
				}
				final Deflater deflater = new Deflater(level);
				try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
					z.write(raw);
				}
				finally {
					deflater.end();
				}
				return out.toByteArray();
			}

			@Override
			public byte[] decode(final byte[] stored, final int rawLength) throws IOException {
				try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(stored))
					: new InflaterInputStream(new ByteArrayInputStream(stored)))
				{
					final byte[] raw = in.readNBytes(rawLength);
					if (raw.length != rawLength || in.read() >= 0) throw new IOException("not " + rawLength + " bytes");
					return raw;
				}
			}

			@Override
			public JsonObject toJson() {
				final JsonObject o = new JsonObject();
				o.addProperty("id", gzip ? "gzip" : "zlib");
				o.addProperty("level", level);
				return o;
			}

			@Override
			public JsonObject toV3Json() {
				// zlib is no Zarr v3 codec; zarr-python and zarrita know numcodecs' under this name
				final JsonObject o = new JsonObject();
				o.addProperty("level", level);
				return v3(gzip ? "gzip" : "numcodecs.zlib", o);
			}
		};
	}
}
