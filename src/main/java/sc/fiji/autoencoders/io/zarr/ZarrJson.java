package sc.fiji.autoencoders.io.zarr;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.AtomicFiles;

/**
 * The JSON documents of a Zarr store (v2: {@code .zarray}, {@code .zattrs}, {@code .zgroup}; v3: {@code zarr.json}):
 * read strictly, written atomically.
 */
final class ZarrJson {

	// python-zarr writes NaN and Infinity as bare words in fill_value; Gson must too
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues()
		.create();

	private ZarrJson() {}

	/** The JSON object in {@code file}, or null if there is no such file. */
	static JsonObject readIfExists(final Path file) {
		if (!Files.isRegularFile(file)) return null;
		try {
			final JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (!e.isJsonObject()) throw new JsonParseException("not a JSON object");
			return e.getAsJsonObject();
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot read " + file, e);
		}
		catch (final JsonParseException | IllegalStateException e) {
			throw new BadInputException("Zarr metadata " + file + " is not a valid JSON object (" + e.getMessage() +
				"): the store is damaged; write it again.", e);
		}
	}

	/** Writes {@code json} to {@code file}, replacing it atomically. */
	static void write(final Path file, final JsonElement json) {
		final File target = file.toFile();
		try {
			final Path tmp = AtomicFiles.createTemporary(target);
			try {
				Files.writeString(tmp, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
				AtomicFiles.move(tmp.toFile(), target);
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot write " + file, e);
		}
	}

	/** Writes {@code .zgroup} (zarr_format 2) in {@code dir}, creating it. */
	static void writeGroup(final Path dir) {
		mkdirs(dir);
		final JsonObject g = new JsonObject();
		g.addProperty("zarr_format", 2);
		write(dir.resolve(".zgroup"), g);
	}

	/** Writes a Zarr v3 group's {@code zarr.json} with {@code attributes} in {@code dir}, creating it. */
	static void writeGroupV3(final Path dir, final JsonObject attributes) {
		mkdirs(dir);
		final JsonObject g = new JsonObject();
		g.addProperty("zarr_format", 3);
		g.addProperty("node_type", "group");
		g.add("attributes", attributes);
		write(dir.resolve("zarr.json"), g);
	}

	static void mkdirs(final Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot create folder " + dir + " (" + e.getMessage() + "): choose an output " +
				"where you may write.", e);
		}
	}
}
