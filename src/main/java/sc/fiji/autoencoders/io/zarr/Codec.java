package sc.fiji.autoencoders.io.zarr;

import java.io.IOException;

import com.google.gson.JsonObject;

/**
 * A Zarr v2 compressor: turns a chunk's raw bytes (C order, the array's dtype) into what its file holds, and back.
 * Implementations are immutable and may be used by several threads at once.
 */
public interface Codec {

	/** The stored bytes of a chunk whose raw bytes are {@code raw}. */
	byte[] encode(byte[] raw) throws IOException;

	/**
	 * The raw bytes of a chunk stored as {@code stored}.
	 *
	 * @param rawLength the raw chunk's length in bytes (chunk elements times dtype size)
	 * @throws IOException if {@code stored} is not a valid encoding of {@code rawLength} bytes
	 */
	byte[] decode(byte[] stored, int rawLength) throws IOException;

	/** The {@code compressor} entry of {@code .zarray} (numcodecs' configuration with its {@code id}). */
	JsonObject toJson();
}
