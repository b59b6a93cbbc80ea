package sc.fiji.autoencoders.io.zarr;

import java.io.IOException;

import com.google.gson.JsonObject;

/**
 * A compressor or checksum applied to a chunk's bytes: a Zarr v2 {@code compressor} or a Zarr v3 bytes-to-bytes codec.
 * Implementations are immutable and may be used by several threads at once.
 */
public interface Codec {

	/** The stored bytes of a chunk whose raw bytes are {@code raw}. */
	byte[] encode(byte[] raw) throws IOException;

	/**
	 * The raw bytes of a chunk stored as {@code stored}.
	 *
	 * @param rawLength the raw chunk's length in bytes, or -1 where a chain of codecs cannot know it (only a checksum
	 *          after a compressor: it does not need it)
	 * @throws IOException if {@code stored} is not a valid encoding of {@code rawLength} bytes
	 */
	byte[] decode(byte[] stored, int rawLength) throws IOException;

	/** The {@code compressor} entry of {@code .zarray} (numcodecs' configuration with its {@code id}). */
	JsonObject toJson();

	/** The entry of {@code codecs} in a Zarr v3 {@code zarr.json} ({@code name} and {@code configuration}). */
	JsonObject toV3Json();

	/** The codec for elements of {@code itemSize} bytes: blosc's shuffle depends on it, the others do not. */
	default Codec forItemSize(final int itemSize) {
		return this;
	}

	/** Whether it only checks (crc32c): it does not change the length but by its checksum. */
	default boolean isChecksum() {
		return false;
	}
}
