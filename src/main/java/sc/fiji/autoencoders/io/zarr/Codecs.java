package sc.fiji.autoencoders.io.zarr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

import com.github.luben.zstd.Zstd;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.scalableminds.bloscjava.Blosc;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The compressors of numcodecs that image arrays use: {@code blosc} (any inner compressor and shuffle, via
 * blosc-java's bundled c-blosc), {@code zstd} (zstd-jni), {@code zlib} and {@code gzip} (java.util.zip), and none.
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
		};
	}

	private static int readInt(final byte[] b, final int at) {
		return b[at] & 0xff | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
	}

	public static Codec zstd(final int level) {
		return new Codec() {

			@Override
			public byte[] encode(final byte[] raw) {
				return Zstd.compress(raw, level);
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
		};
	}
}
