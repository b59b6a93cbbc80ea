package sc.fiji.autoencoders.io.bioimageio;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AtomicFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.SavedModelExport;

/**
 * Writes a denoiser as a bioimage.io model package (a zip), model description format 0.5: {@code rdf.yaml} first (so
 * that {@link ModelFile#load} knows a package from its first entry), the weights as a
 * {@code tensorflow_saved_model_bundle} (a zip of the SavedModel of {@link SavedModelExport}), this plugin's own model
 * file as an attachment (so the package can be denoised with, retrained or resumed here), test input and output as
 * {@code .npy}, sample images as TIFF, a before/after cover and a generated README.
 * <p>
 * The network sees normalized values; the description's {@code scale_linear} pre- and postprocessing reproduce the
 * model's stored {@link Normalization} ({@code (v - low) / (high - low)} in, its inverse out), so consumers feed and
 * get image units as {@code denoise} does. The test output is what those steps and the SavedModel give on the whole
 * test input, computed in float32 as a consumer would.
 */
public final class BioImageIoExport {

	public static final String RDF = "rdf.yaml";
	/** The 0.5 format version the official schema of the shared spec folder describes. */
	public static final String FORMAT_VERSION = "0.5.7";
	/**
	 * The TensorFlow version stated for the weights. deepImageJ runs models through JDLL, which picks among the installed
	 * engines of the same major version the one closest to this version, a higher one first, and never crosses a major
	 * version (JDLL's VersionStringUtils.getMostCompatibleEngineVersion): a 1.x version would select the TensorFlow 1.15
	 * engine, which cannot read this SavedModel. Its TensorFlow 2 engine is TensorFlow Java 0.5.0, TensorFlow 2.10.1,
	 * so 2.10.1 is an exact match. The SavedModel is written by TensorFlow Java 1.1 (TensorFlow 2.18.0) using only graph
	 * ops that 2.10 knows: DeepImageJEngineTest runs every exported kind on TensorFlow Java 0.5.0.
	 */
	public static final String TENSORFLOW_VERSION = "2.10.1";
	static final String WEIGHTS = "tf_saved_model_bundle.zip", TEST_INPUT = "test_input.npy",
		TEST_OUTPUT = "test_output.npy", SAMPLE_INPUT = "sample_input.tif", SAMPLE_OUTPUT = "sample_output.tif",
		COVER = "cover.png", README = "README.md";
	/** Largest sides of the test tensor taken from a sample image (2D; 3D: X and Y, then Z), unless the halo needs more. */
	static final int MAX_SIDE_2D = 256, MAX_SIDE_3D = 64, MAX_DEPTH_3D = 16;
	/**
	 * The tolerance stated in the description, as absolute tolerance in normalized units (times the normalization's
	 * scale in image units) and relative tolerance: TensorFlow 2.10's kernels differ from those the test output was
	 * computed with only by float rounding, orders of magnitude less (DeepImageJEngineTest).
	 */
	static final double ABSOLUTE_TOLERANCE = 1e-4, RELATIVE_TOLERANCE = 1e-4;

	private BioImageIoExport() {}

	/**
	 * Writes the package of {@code model} to {@code out} (atomically: a temporary file, then a rename).
	 *
	 * @param sample an image of the kind the model denoises, for the test tensors, samples and cover (its first plane
	 *          or Z stack, channel 1..channels, cropped around its centre); null: a synthetic image
	 * @throws BadInputException for a VAE, a sample image too small for the network's halo, or an unwritable output
	 */
	public static void write(final AutoencoderModel model, final PackageInfo info, final ImagePlus sample,
		final File out)
	{
		if (model.isVae()) throw new BadInputException("Exporting a variational autoencoder to bioimage.io is not " +
			"supported: the format describes image-to-image models, and a VAE would need separate encoder and decoder " +
			"packages with their latent space described. Export a denoiser, or use the VAE here (Generate, Encode).");
		final String refusal = model.isDenoiser() ? model.network.exportRefusal() : null;
		if (refusal != null) throw new BadInputException(refusal);
		checkOutput(out);
		final Geometry g = new Geometry(model.networkSpec());
		final Sample s = sample == null ? Sample.synthetic(model, g) : Sample.crop(sample, g);
		Path dir = null;
		try {
			dir = Files.createTempDirectory("bioimageio-export");
			final Map<String, String> sha = new LinkedHashMap<>();
			final Path savedModel = dir.resolve("saved_model");
			SavedModelExport.write(model, savedModel);
			sha.put(WEIGHTS, sha256(zipDirectory(savedModel, dir.resolve(WEIGHTS))));

			// one gain and offset per channel: a joint network normalizes each channel on its own
			final float[][] scale = new float[4][g.channels];
			for (int c = 0; c < g.channels; c++) {
				final Normalization nc = model.normalization(c);
				scale[0][c] = (float) (1 / nc.scale());
				scale[1][c] = (float) (-nc.low() / nc.scale());
				scale[2][c] = (float) nc.scale();
				scale[3][c] = (float) nc.low();
			}
			final float[] normalized = s.values.clone();
			for (int i = 0; i < normalized.length; i++)
				normalized[i] = normalized[i] * scale[0][i % g.channels] + scale[1][i % g.channels];
			final float[] result = SavedModelExport.run(savedModel, normalized, s.shape);
			for (int i = 0; i < result.length; i++)
				result[i] = result[i] * scale[2][i % g.outChannels] + scale[3][i % g.outChannels];

			sha.put(TEST_INPUT, sha256(write(dir.resolve(TEST_INPUT), Npy.toBytes(new Npy.Array(s.shape, s.values)))));
			final long[] outShape = s.shape.clone();
			outShape[outShape.length - 1] = g.outChannels;
			final Sample o = new Sample(outShape, result, s.synthetic);
			sha.put(TEST_OUTPUT, sha256(write(dir.resolve(TEST_OUTPUT), Npy.toBytes(new Npy.Array(o.shape, o.values)))));
			ImageOutputs.writeTiff(s.image("sample input"), dir.resolve(SAMPLE_INPUT).toFile());
			ImageOutputs.writeTiff(o.image("sample output"), dir.resolve(SAMPLE_OUTPUT).toFile());
			sha.put(SAMPLE_INPUT, sha256(dir.resolve(SAMPLE_INPUT)));
			sha.put(SAMPLE_OUTPUT, sha256(dir.resolve(SAMPLE_OUTPUT)));
			ImageOutputs.writePng(cover(s, o, model.normalization(0)), dir.resolve(COVER).toFile());

			final String modelName = attachmentName(out);
			ModelFile.save(model, dir.resolve(modelName).toFile());
			sha.put(modelName, sha256(dir.resolve(modelName)));
			final String name = name(info, out);
			write(dir.resolve(README), Readme.of(model, name, g, s.synthetic).getBytes(StandardCharsets.UTF_8));
			final Map<String, Object> rdf = rdf(model, info, name, g, s, sha, modelName, scale);
			write(dir.resolve(RDF), yaml(rdf).getBytes(StandardCharsets.UTF_8));

			final List<String> entries = new ArrayList<>(List.of(RDF, README, COVER, WEIGHTS, modelName, TEST_INPUT,
				TEST_OUTPUT, SAMPLE_INPUT, SAMPLE_OUTPUT));
			final Path tmp = AtomicFiles.createTemporary(out);
			try {
				try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
					for (final String e : entries) {
						zip.putNextEntry(new ZipEntry(e));
						Files.copy(dir.resolve(e), zip);
						zip.closeEntry();
					}
				}
				AtomicFiles.move(tmp.toFile(), out);
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write the bioimage.io package " + out + " (" + e.getMessage() +
				"). Check that the folder is writable and the disk has space.", e);
		}
		finally {
			if (dir != null) delete(dir);
		}
	}

	/** The YAML text of a description, block style, keys in insertion order. */
	static String yaml(final Map<String, Object> rdf) {
		final DumperOptions o = new DumperOptions();
		o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		o.setWidth(120);
		o.setIndicatorIndent(2);
		o.setIndentWithIndicator(true);
		return new Yaml(o).dump(rdf);
	}

	// -- The description --

	static Map<String, Object> rdf(final AutoencoderModel m, final PackageInfo info, final String name,
		final Geometry g, final Sample s, final Map<String, String> sha, final String modelName, final float[][] scale)
	{
		final NetworkSpec spec = m.networkSpec();
		final Map<String, Object> rdf = new LinkedHashMap<>();
		rdf.put("type", "model");
		rdf.put("format_version", FORMAT_VERSION);
		rdf.put("name", name);
		rdf.put("description", info.description.isEmpty() ? description(m) : info.description);
		final List<Map<String, Object>> authors = new ArrayList<>();
		for (final String a : info.authors)
			authors.add(map("name", a));
		rdf.put("authors", authors);
		rdf.put("cite", Citations.of(m));
		rdf.put("license", info.license);
		rdf.put("tags", tags(m, info));
		rdf.put("documentation", README);
		rdf.put("covers", List.of(COVER));
		rdf.put("attachments", List.of(file(modelName, sha)));
		rdf.put("timestamp", timestamp(m.created));
		final Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", "dataset");
		data.put("format_version", "0.3.0");
		data.put("name", "Training data of " + name);
		data.put("description", (m.data != null ? m.data : "not recorded in the model file") + "; " + Readme.mode(m));
		rdf.put("training_data", data);

		final String channels = spec.channels() == 1 ? "one channel" : spec.channels() + " channels";
		final Map<String, Object> input = new LinkedHashMap<>();
		input.put("id", SavedModelExport.INPUT);
		input.put("description", "image to denoise, in its own intensity units (" + channels + ")");
		input.put("axes", axes(g, false));
		input.put("test_tensor", file(TEST_INPUT, sha));
		input.put("sample_tensor", file(SAMPLE_INPUT, sha));
		input.put("preprocessing", List.of(scaleLinear(scale[0], scale[1])));
		final Map<String, Object> output = new LinkedHashMap<>();
		output.put("id", SavedModelExport.OUTPUT);
		output.put("description", "denoised image, in the input's intensity units");
		output.put("axes", axes(g, true));
		output.put("test_tensor", file(TEST_OUTPUT, sha));
		output.put("sample_tensor", file(SAMPLE_OUTPUT, sha));
		output.put("postprocessing", List.of(scaleLinear(scale[2], scale[3])));
		rdf.put("inputs", List.of(input));
		rdf.put("outputs", List.of(output));

		final Map<String, Object> tf = file(WEIGHTS, sha);
		// a copy: SnakeYAML writes a list met twice as an anchor and an alias, which some readers do not resolve
		final List<Map<String, Object>> weightAuthors = new ArrayList<>();
		for (final String a : info.authors)
			weightAuthors.add(map("name", a));
		tf.put("authors", weightAuthors);
		tf.put("comment", "Written by Fiji Autoencoders with TensorFlow Java's SavedModel exporter (tag serve, " +
			"signature serving_default); weights as graph constants; runs on TensorFlow 2.10.1 (TensorFlow Java " +
			"0.5.0, deepImageJ's TensorFlow 2 engine).");
		tf.put("tensorflow_version", TENSORFLOW_VERSION);
		rdf.put("weights", map("tensorflow_saved_model_bundle", tf));

		final Map<String, Object> bio = new LinkedHashMap<>();
		final Map<String, Object> tolerance = new LinkedHashMap<>();
		tolerance.put("relative_tolerance", RELATIVE_TOLERANCE);
		tolerance.put("absolute_tolerance", ABSOLUTE_TOLERANCE * widestScale(m, spec.channels()));
		tolerance.put("mismatched_elements_per_million", 0);
		tolerance.put("output_ids", List.of(SavedModelExport.OUTPUT));
		tolerance.put("weights_formats", List.of("tensorflow_saved_model_bundle"));
		bio.put("reproducibility_tolerance", List.of(tolerance));
		bio.put("architecture_type", spec.dims() + "D " + (spec.architecture().id().equals(NetworkSpec.UNET) ? "U-Net"
			: "plain autoencoder"));
		bio.put("architecture_description", spec.toString());
		bio.put("model_parameter_count", m.weights.parameterCount());
		bio.put("task", "denoising");
		bio.put("training", Readme.training(m));
		rdf.put("config", map("bioimageio", bio));
		return rdf;
	}

	/** Batch, [z,] y, x, channel: the SavedModel's NHWC (NDHWC) order. Output axes have the halo and the input's size. */
	private static List<Map<String, Object>> axes(final Geometry g, final boolean output) {
		final List<Map<String, Object>> axes = new ArrayList<>();
		axes.add(map("type", "batch"));
		final List<String> ids = g.dims == 3 ? List.of("z", "y", "x") : List.of("y", "x");
		for (final String id : ids) {
			final Map<String, Object> a = new LinkedHashMap<>();
			a.put("type", "space");
			a.put("id", id);
			final boolean z = id.equals("z");
			if (output) {
				a.put("halo", z ? g.haloZ : g.halo);
				final Map<String, Object> ref = new LinkedHashMap<>();
				ref.put("tensor_id", SavedModelExport.INPUT);
				ref.put("axis_id", id);
				a.put("size", ref);
			}
			else {
				final Map<String, Object> size = new LinkedHashMap<>();
				size.put("min", z ? g.minZ : g.min);
				size.put("step", z ? g.stepZ : g.step);
				a.put("size", size);
			}
			axes.add(a);
		}
		final Map<String, Object> c = new LinkedHashMap<>();
		c.put("type", "channel");
		final List<String> names = new ArrayList<>();
		for (int i = 1; i <= (output ? g.outChannels : g.channels); i++)
			names.add("channel" + i);
		c.put("channel_names", names);
		axes.add(c);
		return axes;
	}

	/** Scalar kwargs for one channel, lists along the channel axis for several. */
	private static Map<String, Object> scaleLinear(final float[] gain, final float[] offset) {
		final Map<String, Object> kwargs = new LinkedHashMap<>();
		if (gain.length == 1) {
			kwargs.put("gain", (double) gain[0]);
			kwargs.put("offset", (double) offset[0]);
		}
		else {
			kwargs.put("axis", "channel");
			kwargs.put("gain", doubles(gain));
			kwargs.put("offset", doubles(offset));
		}
		final Map<String, Object> op = new LinkedHashMap<>();
		op.put("id", "scale_linear");
		op.put("kwargs", kwargs);
		return op;
	}

	/** The largest channel range: the absolute tolerance must hold for every channel. */
	private static double widestScale(final AutoencoderModel m, final int channels) {
		double widest = 0;
		for (int c = 0; c < channels; c++)
			widest = Math.max(widest, m.normalization(c).scale());
		return widest;
	}

	private static List<Double> doubles(final float[] values) {
		final List<Double> list = new ArrayList<>();
		for (final float v : values)
			list.add((double) v);
		return list;
	}

	private static List<String> tags(final AutoencoderModel m, final PackageInfo info) {
		final Set<String> tags = new LinkedHashSet<>(List.of("denoising", "fiji-autoencoders", "tensorflow",
			m.network.dims() + "d", m.networkSpec().architecture().id().equals(NetworkSpec.UNET) ? "unet" : "autoencoder"));
		if (m.mode == TrainingMode.NOISY) tags.add(m.trainingMethod().id());
		if (m.mode == TrainingMode.PAIRS) tags.addAll(List.of("care", "noise2noise"));
		for (final String t : info.tags)
			if (!t.trim().isEmpty()) tags.add(t.trim());
		return new ArrayList<>(tags);
	}

	static String description(final AutoencoderModel m) {
		return m.network.dims() + "D " + m.network + " denoiser trained in Fiji Autoencoders from " + Readme.mode(m) +
			". Input and output in image intensity units (the model's percentile normalization is the pre- and " +
			"postprocessing).";
	}

	private static String timestamp(final String created) {
		if (created != null) try {
			// whole seconds: Python's datetime.fromisoformat (which the format names) reads at most 6 decimals
			return Instant.parse(created).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		}
		catch (final DateTimeParseException e) {
			// an older or hand-edited file: the export time instead
		}
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
	}

	private static Map<String, Object> file(final String source, final Map<String, String> sha) {
		final Map<String, Object> f = new LinkedHashMap<>();
		f.put("source", source);
		f.put("sha256", sha.get(source));
		return f;
	}

	private static Map<String, Object> map(final String key, final Object value) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put(key, value);
		return m;
	}

	/** The model's name: given, or the output's base name; letters, digits, _, -, (), spaces; 5 to 128 characters. */
	static String name(final PackageInfo info, final File out) {
		String n = info.name.isEmpty() ? baseName(out) : info.name;
		n = n.replaceAll("[^A-Za-z0-9_\\-() ]", " ").replaceAll("\\s+", " ").trim();
		if (n.length() < 5) n = (n + " denoiser").trim();
		return n.length() > 128 ? n.substring(0, 128).trim() : n;
	}

	private static String attachmentName(final File out) {
		return baseName(out).replaceAll("[^A-Za-z0-9_.\\-]", "_") + ModelFile.EXTENSION;
	}

	private static String baseName(final File out) {
		final String n = out.getName();
		return n.toLowerCase(Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
	}

	private static void checkOutput(final File out) {
		if (out == null) throw new BadInputException("No output file given: name the .zip to write, e.g. " +
			"--output denoiser.bioimage.io.zip.");
		if (!out.getName().toLowerCase(Locale.ROOT).endsWith(".zip")) throw new BadInputException("The output " + out +
			" must end in .zip (a bioimage.io model package is a zip archive): e.g. " + out.getName() + ".zip.");
		if (out.isDirectory()) throw new BadInputException("The output " + out + " is a folder: give a file name in it, " +
			"such as " + new File(out, "model.zip") + ".");
		final File parent = out.getAbsoluteFile().getParentFile();
		if (parent == null || !parent.isDirectory()) throw new BadInputException("The folder of " + out + " does not " +
			"exist: create it or choose another location.");
	}

	// -- Sizes and the sample --

	/** The network's axes as bioimage.io sees them: size steps from the pooling, halos from the receptive field. */
	static final class Geometry {

		final int dims, channels, outChannels, step, stepZ, halo, haloZ, min, minZ;

		Geometry(final NetworkSpec spec) {
			dims = spec.dims();
			channels = spec.channels();
			// a joint network maps its channels to as many; the one line to change if the spec gets an output count
			outChannels = spec.channels();
			step = spec.sizeMultiple();
			stepZ = spec.zSizeMultiple();
			// the worst-case bound, not the measured effective radius the plugin's own tiles use: consumers tile as they
			// like and the description promises that tiles cropped by the halo equal the untiled result
			halo = Denoiser.receptiveRadius(spec);
			haloZ = dims == 3 ? Denoiser.receptiveRadiusZ(spec) : 0;
			// the smallest size that keeps something once the halo is cropped from both sides
			min = roundUp(2 * halo + 1, step);
			minZ = dims == 3 ? roundUp(2 * haloZ + 1, stepZ) : 1;
		}

		/** The largest valid size (min + k * step) of at most {@code max(available cap, min)}; -1 if none fits. */
		int fit(final int available, final int cap, final boolean z) {
			final int lo = z ? minZ : min, st = z ? stepZ : step;
			if (available < lo) return -1;
			final int target = Math.min(available, Math.max(cap, lo));
			return lo + (target - lo) / st * st;
		}

		private static int roundUp(final int v, final int m) {
			return (v + m - 1) / m * m;
		}
	}

	/** Before | after of the middle plane of channel 1, 8-bit over the model's normalization range. */
	private static ImagePlus cover(final Sample s, final Sample result, final Normalization n) {
		final int w = s.width(), h = s.height(), z = s.depth() / 2;
		final Plane before = s.plane(z, 0), after = result.plane(z, 0);
		final ByteProcessor bp = new ByteProcessor(2 * w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				bp.set(x, y, gray(before.get(x, y), n));
				bp.set(w + x, y, gray(after.get(x, y), n));
			}
		return new ImagePlus("cover", bp);
	}

	private static int gray(final float v, final Normalization n) {
		final double t = n.normalize(v);
		return Double.isFinite(t) ? (int) Math.round(255 * Math.max(0, Math.min(1, t))) : 0;
	}

	// -- Files --

	private static Path write(final Path p, final byte[] data) throws IOException {
		return Files.write(p, data);
	}

	/** Zips the folder's files (folders as entries too, so an empty variables/ survives) into {@code zip}. */
	private static Path zipDirectory(final Path dir, final Path zip) throws IOException {
		try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
			Stream<Path> all = Files.walk(dir))
		{
			for (final Path p : (Iterable<Path>) all.sorted()::iterator) {
				if (p.equals(dir)) continue;
				final String name = dir.relativize(p).toString().replace(File.separatorChar, '/');
				if (Files.isDirectory(p)) {
					z.putNextEntry(new ZipEntry(name + "/"));
					z.closeEntry();
				}
				else {
					z.putNextEntry(new ZipEntry(name));
					Files.copy(p, z);
					z.closeEntry();
				}
			}
		}
		return zip;
	}

	static String sha256(final Path p) throws IOException {
		try {
			final MessageDigest md = MessageDigest.getInstance("SHA-256");
			try (var in = new java.security.DigestInputStream(Files.newInputStream(p), md)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			final StringBuilder sb = new StringBuilder();
			for (final byte b : md.digest())
				sb.append(String.format(Locale.ROOT, "%02x", b));
			return sb.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

	private static void delete(final Path dir) {
		try (Stream<Path> all = Files.walk(dir)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			// a temporary folder left behind is not worth failing an export that succeeded
		}
	}
}
