package sc.fiji.autoencoders.io;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Weights;

/**
 * Reads and writes {@code .aemodel} files: a zip with {@code spec.json} (kind, architecture, normalization, noise,
 * history, the list of weight arrays and their shapes) and the weights as little-endian float32 arrays in
 * {@code weights.bin} (and Adam's state in {@code optimizer.bin}).
 * <p>
 * The reader is strict because model files travel between users: only the known entries are accepted (so no path
 * traversal names), each at most once; {@code spec.json} comes first and is read up to a size limit and checked field
 * by field, including that the arrays it lists are exactly those its architecture needs; the arrays are then read up
 * to exactly the length the spec announces (never more, whatever sizes the zip headers declare) and must be finite.
 * Nothing in the file is ever executed. A bioimage.io package written by export ({@code rdf.yaml} first) is read as
 * the model file attached inside it, with the same checks. Every problem ends in a {@link BadInputException} naming
 * the file, the problem and the fix; {@code ModelFileFuzzTest} feeds thousands of damaged files to check this.
 */
public final class ModelFile {

	public static final String EXTENSION = ".aemodel";
	static final String SPEC = "spec.json";
	static final String WEIGHTS = "weights.bin";
	static final String OPTIMIZER = "optimizer.bin";
	static final long MAX_SPEC_BYTES = 16L << 20;
	static final long MAX_ARRAY_BYTES = 1L << 30;
	/** The first entry of a bioimage.io package: its description, under either name the format allows. */
	static final java.util.List<String> PACKAGE_DESCRIPTIONS = java.util.List.of("rdf.yaml",
		"bioimageio.yaml");

	private ModelFile() {}

	/** Writes atomically: a temporary file beside the target, then a rename, so the previous file survives failures. */
	public static void save(final AutoencoderModel model, final File file) {
		checkLocation(file);
		final File tmp = temporary(file);
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
			throw new BadInputException("Cannot save the model to " + file + " (" + reason(e) +
				"). Check that the folder is writable and the disk has space, or choose another location; any previous " +
				"model file there is unchanged.", e);
		}
		finally {
			tmp.delete(); // only still there if writing or renaming failed
		}
	}

	/**
	 * Checks that {@link #save} can write {@code file}, by creating and removing the temporary file it writes first:
	 * call it before a long training run so that a bad output path fails at once, not after hours.
	 */
	public static void checkWritable(final File file) {
		checkLocation(file);
		final File tmp = temporary(file);
		try {
			Files.newOutputStream(tmp.toPath()).close();
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot save the model to " + file + " (" + reason(e) +
				"). Choose a folder you can write to, or make this one writable.", e);
		}
		finally {
			tmp.delete();
		}
	}

	/** Reads a model of any kind. */
	public static AutoencoderModel load(final File file) {
		if (file == null) throw new BadInputException("No model file given: choose a .aemodel file.");
		if (!file.exists()) throw new BadInputException("Model file not found: " + file +
			". Check the path, or train a model first.");
		if (file.isDirectory()) throw new BadInputException("Model path " + file +
			" is a folder; give the .aemodel file inside it.");
		try (InputStream in = Files.newInputStream(file.toPath()); ZipInputStream zip = new ZipInputStream(in)) {
			return read(zip, file, true);
		}
		catch (final NoSuchFileException e) {
			throw new BadInputException("Model file not found: " + file + ". Check the path.", e);
		}
		catch (final ZipException | EOFException e) {
			throw damaged(file, "not a valid zip archive (" + sanitize(String.valueOf(e.getMessage())) + ")");
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read model file " + file + " (" + reason(e) +
				"). Check that it is readable.", e);
		}
		catch (final BadInputException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			// the JDK's zip reader reports some malformed headers (e.g. names that are not UTF-8) this way
			throw damaged(file, "not a valid zip archive (" + e.getClass().getSimpleName() + ": " + sanitize(String
				.valueOf(e.getMessage())) + ")");
		}
	}

	/** The entries of a model file (or, when {@code outer}, of a bioimage.io package holding one). */
	private static AutoencoderModel read(final ZipInputStream zip, final File file, final boolean outer)
		throws IOException
	{
		ModelJson.Spec spec = null;
		byte[] weights = null, optimizer = null;
		final Set<String> seen = new HashSet<>();
		ZipEntry e;
		while ((e = zip.getNextEntry()) != null) {
			final String name = e.getName();
			// a bioimage.io package written by export: its description first, then our model file among its entries
			if (outer && seen.isEmpty() && PACKAGE_DESCRIPTIONS.contains(name)) return fromPackage(zip, file);
			if (!SPEC.equals(name) && !WEIGHTS.equals(name) && !OPTIMIZER.equals(name)) {
				throw damaged(file, "unexpected entry '" + sanitize(name) + "' (a model file holds only " + SPEC + ", " +
					WEIGHTS + " and " + OPTIMIZER + ")");
			}
			if (!seen.add(name)) throw damaged(file, "duplicate entry '" + name + "'");
			if (SPEC.equals(name)) {
				if (seen.size() != 1) throw damaged(file, SPEC + " is not its first entry");
				if (e.getSize() > MAX_SPEC_BYTES) throw damaged(file, "entry " + SPEC + " declares " + e.getSize() +
					" bytes, more than the " + (MAX_SPEC_BYTES >> 20) + " MB limit");
				final byte[] json = zip.readNBytes((int) MAX_SPEC_BYTES + 1);
				if (json.length > MAX_SPEC_BYTES) throw damaged(file, "entry " + SPEC + " is larger than " +
					(MAX_SPEC_BYTES >> 20) + " MB");
				spec = ModelJson.parse(new String(json, StandardCharsets.UTF_8), file);
			}
			else {
				// the spec says how long the arrays are, so that no more than that is ever read
				if (spec == null) throw damaged(file, name + " comes before " + SPEC);
				if (OPTIMIZER.equals(name) && spec.optimizer == null) throw damaged(file, "it has an " + OPTIMIZER +
					" that " + SPEC + " does not list");
				final long expected = WEIGHTS.equals(name) ? spec.weightBytes() : spec.optimizerBytes();
				if (e.getSize() >= 0 && e.getSize() != expected) throw damaged(file, "entry " + name + " declares " + e
					.getSize() + " bytes but " + SPEC + " announces " + expected);
				final byte[] data = zip.readNBytes((int) expected);
				if (data.length < expected) throw damaged(file, name + " holds only " + data.length + " bytes but " +
					SPEC + " announces " + expected);
				if (zip.read() >= 0) throw damaged(file, name + " is longer than the " + expected + " bytes " + SPEC +
					" announces");
				if (WEIGHTS.equals(name)) weights = data;
				else optimizer = data;
			}
		}
		if (spec == null) throw damaged(file, "no " + SPEC + " inside (is it an .aemodel file?)");
		return ModelJson.attach(spec, weights, optimizer, file);
	}

	/**
	 * The model file attached to a bioimage.io package (the first top-level {@code .aemodel} entry), read as strictly
	 * as a model file on its own; the package's other entries are skipped unread.
	 */
	private static AutoencoderModel fromPackage(final ZipInputStream zip, final File file) throws IOException {
		ZipEntry e;
		while ((e = zip.getNextEntry()) != null) {
			final String name = e.getName();
			if (name.endsWith(EXTENSION) && !name.contains("/") && !name.contains("\\")) {
				// not closed: closing it would close the package's stream, which the caller closes
				return read(new ZipInputStream(new java.io.FilterInputStream(zip) {

					@Override
					public void close() {}
				}), file, false);
			}
		}
		throw new BadInputException(file.getName() + " is a bioimage.io model package without a Fiji Autoencoders " +
			"model attached (no " + EXTENSION + " inside): only packages exported by Fiji Autoencoders (export) can be " +
			"used here. Run other packages in deepImageJ, or export this plugin's model file again.");
	}

	/** Reads a model and checks that it has the expected kind, naming the command to use otherwise. */
	public static AutoencoderModel load(final File file, final ModelKind expectedKind) {
		final AutoencoderModel m = load(file);
		if (m.kind != expectedKind) throw new BadInputException("Model " + file.getName() + " is a " + m.kind +
			" model, but a " + expectedKind + " model is needed here: " + use(m) + ", or choose a " + expectedKind +
			" model.");
		return m;
	}

	/** Reads a model that encodes images to codes and decodes codes: a VAE or a feature autoencoder. */
	public static AutoencoderModel loadWithCodes(final File file) {
		final AutoencoderModel m = load(file);
		if (!m.hasCodes()) throw new BadInputException("Model " + file.getName() + " is a " + m.kind + " model, but a " +
			"VAE or feature autoencoder is needed here: " + use(m) + ", or choose a VAE or autoencoder model.");
		return m;
	}

	private static String use(final AutoencoderModel m) {
		return m.hasCodes() ? "use it with the VAE commands (Generate from VAE, Encode with VAE, Autoencoder " +
			"Anomaly Map, ...)" : m.network.use();
	}

	/**
	 * As above with the kind's id ({@link AutoencoderModel#DENOISER} or {@link AutoencoderModel#VAE}).
	 *
	 * @throws BadInputException naming the valid ids if {@code expectedKind} is none of them
	 */
	public static AutoencoderModel load(final File file, final String expectedKind) {
		return load(file, ModelKind.parse(expectedKind));
	}

	// -- Helper methods --

	static BadInputException damaged(final File file, final String what) {
		return new BadInputException("Model file " + file.getName() + " is damaged or not a Fiji Autoencoders model: " +
			what + ". Retrain it or use another model file.");
	}

	private static void checkLocation(final File file) {
		if (file == null) throw new BadInputException("No model file to write: choose where to save the model.");
		if (file.isDirectory()) throw new BadInputException("Cannot save the model to " + file +
			": it is a folder. Give a file name in it, such as " + new File(file, "model" + EXTENSION) + ".");
		final File dir = file.getAbsoluteFile().getParentFile();
		if (dir == null || !dir.exists()) throw new BadInputException("Cannot save the model to " + file +
			": the folder does not exist. Create it or choose another location.");
		if (!dir.isDirectory()) throw new BadInputException("Cannot save the model to " + file + ": " + dir +
			" is a file, not a folder. Choose another location.");
	}

	private static File temporary(final File file) {
		return new File(file.getAbsoluteFile().getParentFile(), "." + file.getName() + ".tmp");
	}

	/** What went wrong, in words: Java's file exceptions often carry just the path. */
	static String reason(final IOException e) {
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof NoSuchFileException) return "no such file or folder";
		if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
			return ((FileSystemException) e).getReason();
		}
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

	static String sanitize(final String s) {
		final String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
		return t.replaceAll("[^\\x20-\\x7e]", "?");
	}

	private static void put(final ZipOutputStream zip, final String name, final byte[] data) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(data);
		zip.closeEntry();
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
