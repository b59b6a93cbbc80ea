package sc.fiji.autoencoders.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Weights;

/**
 * Reads and writes {@code .aemodel} files: a zip with {@code spec.json} (kind, architecture, normalization, noise,
 * history, the list of weight arrays and their shapes) and the weights as little-endian float32 arrays in
 * {@code weights.bin} (and Adam's state in {@code optimizer.bin}).
 * <p>
 * The reader is strict because model files travel between users: only the known entries are accepted, each at most
 * once and within a size limit, the arrays must match the sizes the spec announces, and nothing in the file is ever
 * executed. Every problem ends in a {@link BadInputException} naming the file.
 */
public final class ModelFile {

	public static final String EXTENSION = ".aemodel";
	static final String SPEC = "spec.json";
	static final String WEIGHTS = "weights.bin";
	static final String OPTIMIZER = "optimizer.bin";
	static final long MAX_SPEC_BYTES = 16L << 20;
	static final long MAX_ARRAY_BYTES = 1L << 30;

	private ModelFile() {}

	/** Writes atomically: a temporary file beside the target, then a rename, so the previous file survives failures. */
	public static void save(final AutoencoderModel model, final File file) {
		final File dir = file.getAbsoluteFile().getParentFile();
		if (dir == null || !dir.isDirectory()) throw new BadInputException("Cannot save the model to " + file +
			": the folder does not exist. Create it or choose another location.");
		final File tmp = new File(dir, "." + file.getName() + ".tmp");
		try {
			try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp.toPath()));
				ZipOutputStream zip = new ZipOutputStream(os))
			{
				put(zip, SPEC, ModelJson.toJson(model).getBytes(StandardCharsets.UTF_8));
				put(zip, WEIGHTS, toBytes(model.weights));
				if (model.optimizerState != null) put(zip, OPTIMIZER, toBytes(model.optimizerState));
			}
			AtomicFiles.move(tmp, file);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot save the model to " + file + " (" + e.getMessage() +
				"). Check that the folder is writable and the disk has space; any previous model file there is unchanged.", e);
		}
		finally {
			tmp.delete(); // only still there if writing or renaming failed
		}
	}

	/** Reads a model of any kind. */
	public static AutoencoderModel load(final File file) {
		if (file == null) throw new BadInputException("No model file given: choose a .aemodel file.");
		if (!file.exists()) throw new BadInputException("Model file not found: " + file +
			". Check the path, or train a model first.");
		if (file.isDirectory()) throw new BadInputException("Model path " + file +
			" is a folder; give the .aemodel file inside it.");
		final Map<String, byte[]> entries = new HashMap<>();
		try (InputStream in = Files.newInputStream(file.toPath()); ZipInputStream zip = new ZipInputStream(in)) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				final String name = e.getName();
				if (!SPEC.equals(name) && !WEIGHTS.equals(name) && !OPTIMIZER.equals(name)) {
					throw damaged(file, "unexpected entry '" + sanitize(name) + "'");
				}
				if (entries.containsKey(name)) throw damaged(file, "duplicate entry '" + name + "'");
				entries.put(name, readLimited(zip, SPEC.equals(name) ? MAX_SPEC_BYTES : MAX_ARRAY_BYTES, file, name));
			}
		}
		catch (final NoSuchFileException e) {
			throw new BadInputException("Model file not found: " + file + ". Check the path.", e);
		}
		catch (final ZipException | EOFException e) {
			throw damaged(file, "not a valid zip archive (" + e.getMessage() + ")");
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read model file " + file + " (" + e.getMessage() +
				"). Check that it is readable.", e);
		}
		catch (final BadInputException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			throw damaged(file, "invalid zip archive (" + e.getMessage() + ")");
		}
		if (!entries.containsKey(SPEC)) throw damaged(file, "no " + SPEC + " inside (is it an .aemodel file?)");
		if (!entries.containsKey(WEIGHTS)) throw damaged(file, "no " + WEIGHTS + " inside");
		return ModelJson.fromJson(new String(entries.get(SPEC), StandardCharsets.UTF_8), entries.get(WEIGHTS), entries.get(
			OPTIMIZER), file);
	}

	/** Reads a model and checks that it has the expected kind, naming the command to use otherwise. */
	public static AutoencoderModel load(final File file, final String expectedKind) {
		final AutoencoderModel m = load(file);
		if (!m.kind.equals(expectedKind)) {
			final String use = AutoencoderModel.VAE.equals(m.kind)
				? "use it with the VAE commands (Generate from VAE, Encode with VAE, ...)"
				: "use it with Denoise with Autoencoder";
			throw new BadInputException("Model " + file.getName() + " is a " + m.kind + " model, but a " + expectedKind +
				" model is needed here: " + use + ", or choose a " + expectedKind + " model.");
		}
		return m;
	}

	// -- Helper methods --

	static BadInputException damaged(final File file, final String what) {
		return new BadInputException("Model file " + file.getName() + " is damaged or not a Fiji Autoencoders model: " +
			what + ". Retrain it or use another model file.");
	}

	private static String sanitize(final String s) {
		final String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
		return t.replaceAll("[^\\x20-\\x7e]", "?");
	}

	private static void put(final ZipOutputStream zip, final String name, final byte[] data) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(data);
		zip.closeEntry();
	}

	private static byte[] readLimited(final InputStream in, final long limit, final File file, final String name)
		throws IOException
	{
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[1 << 16];
		long total = 0;
		int n;
		while ((n = in.read(buf)) > 0) {
			total += n;
			if (total > limit) throw damaged(file, "entry " + name + " is larger than " + (limit >> 20) + " MB");
			out.write(buf, 0, n);
		}
		return out.toByteArray();
	}

	static byte[] toBytes(final Weights w) {
		long n = 0;
		for (final Weights.Entry e : w.entries().values())
			n += e.values().length;
		final ByteBuffer bb = ByteBuffer.allocate((int) (n * 4)).order(ByteOrder.LITTLE_ENDIAN);
		for (final Weights.Entry e : w.entries().values())
			for (final float v : e.values())
				bb.putFloat(v);
		return bb.array();
	}
}
