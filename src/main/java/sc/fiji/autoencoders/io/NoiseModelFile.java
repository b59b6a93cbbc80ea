package sc.fiji.autoencoders.io;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.LikelihoodModels;

/**
 * A noise model file ({@code .aenoise}): JSON with {@code format}, {@code formatVersion} and the {@code channels} of a
 * {@link ChannelNoiseModels}, read as strictly as a model file's spec (unknown fields are rejected), written
 * atomically. A model file may hold the same list under {@code noiseModel}.
 */
public final class NoiseModelFile {

	public static final String EXTENSION = ".aenoise";
	static final String FORMAT = "fiji-autoencoders-noise-model";
	/** The layout written; raise it only when the layout changes, and keep reading the older ones. */
	static final int VERSION = 1;
	/** Largest file read: a noise model is a few kilobytes. */
	static final long MAX_BYTES = 16 << 20;

	private static final Codec<String> FORMAT_TEXT = JsonTable.exactText(FORMAT, NoiseModelFile::notOurs);

	private static final JsonTable<ChannelNoiseModels> FILE;
	static {
		final JsonTable<ChannelNoiseModels> t = new JsonTable<>("noise model files");
		t.field("format", FORMAT_TEXT, m -> FORMAT, true, at -> {
			throw notOurs(at);
		});
		t.required("formatVersion", JsonTable.integer(1, VERSION), m -> VERSION);
		final Field<ChannelNoiseModels, ChannelNoiseModels> channels = t.required("channels", NoiseModelJson.MODELS,
			m -> m);
		FILE = t.make(v -> v.get(channels));
	}

	private NoiseModelFile() {}

	/** Writes atomically: a temporary file beside the target, then a rename. */
	public static void save(final ChannelNoiseModels models, final File file) {
		if (file == null || file.isDirectory()) throw new BadInputException("Cannot save the noise model to " + file +
			": give a file name such as noise" + EXTENSION + ".");
		File tmp = null;
		try {
			tmp = AtomicFiles.createTemporary(file).toFile();
			Files.write(tmp.toPath(), new GsonBuilder().setPrettyPrinting().create().toJson(FILE.write(models)).getBytes(
				StandardCharsets.UTF_8));
			AtomicFiles.move(tmp, file);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot save the noise model to " + file + " (" + ModelFile.reason(e) +
				"). Check that the folder is writable and the disk has space, or choose another location; any previous " +
				"file there is unchanged.", e);
		}
		finally {
			if (tmp != null) tmp.delete(); // only still there if writing or renaming failed
		}
	}

	/** @throws BadInputException naming the file and what is wrong with it */
	public static ChannelNoiseModels load(final File file) {
		if (file == null) throw new BadInputException("No noise model file given: choose a " + EXTENSION + " file.");
		if (!file.isFile()) throw new BadInputException("Noise model file " + file + " does not exist: give the path " +
			"of a " + EXTENSION + " file, or a spec such as gaussian:25.");
		if (file.length() > MAX_BYTES) throw damaged(file, "it is " + (file.length() >> 20) + " MB, more than a noise " +
			"model takes");
		final String json;
		try {
			json = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read noise model file " + file + " (" + ModelFile.reason(e) + ").", e);
		}
		if (JsonNesting.nesting(json) > ModelJson.MAX_NESTING) throw damaged(file, "it is nested too deeply");
		final JsonElement root;
		try {
			root = JsonParser.parseString(json);
		}
		catch (final RuntimeException e) {
			throw damaged(file, "it is not valid JSON");
		}
		if (!root.isJsonObject()) throw damaged(file, "it does not hold a JSON object");
		return FILE.read(root.getAsJsonObject(), new At(file, "", file.getName(), NoiseModelFile::damaged));
	}

	/**
	 * A noise model from what a user typed: a spec ({@code gaussian:S}, {@code poisson-gaussian:A,B}), or the path of a
	 * noise model file.
	 */
	public static ChannelNoiseModels resolve(final String specOrFile) {
		if (specOrFile != null && !specOrFile.trim().isEmpty() && !new File(specOrFile.trim()).isFile() && specOrFile
			.contains(":") && !specOrFile.trim().toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION))
			return ChannelNoiseModels.of(LikelihoodModels.parse(specOrFile));
		return load(specOrFile == null ? null : new File(specOrFile.trim()));
	}

	static BadInputException damaged(final File file, final String what) {
		return new BadInputException("Noise model file " + file.getName() + " is damaged or not a Fiji Autoencoders " +
			"noise model: " + what + ". Fit the noise model again or use another file.");
	}

	private static BadInputException notOurs(final At at) {
		return at.damaged("its 'format' is not '" + FORMAT + "'");
	}
}
