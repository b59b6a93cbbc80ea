package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelDescription;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.predict.Vae;
import sc.fiji.autoencoders.model.TrainingHistory;

/**
 * Feeds thousands of damaged variants of two small valid model files (a denoiser with optimizer state and a VAE) to
 * {@link ModelFile#load}: random bit flips, truncation, zip entries removed, duplicated, renamed (path traversal),
 * added, reordered or with huge declared sizes, arrays of the wrong length or with NaN, and spec.json fields removed or
 * given wrong types, out-of-range values, a wrong kind or format version. Every variant must either load, or fail with
 * a {@link BadInputException} whose message names the file and a fix; nothing may throw anything else or hang. Distinct
 * variants that load must also be usable: their network is built and run on a tiny image, and they save and load again.
 */
public class ModelFileFuzzTest {

	static final long SEED = 20240611L;
	static final int VARIANTS = 2400;
	/** Distinct loadable variants whose network is built and run (each costs a TensorFlow graph and session). */
	static final int MAX_NETWORK_RUNS = 200;

	@TempDir
	File dir;

	private final Random rng = new Random(SEED);

	/** One base model file, split into its entries for structural mutations. */
	private static final class Base {

		final String label;
		final byte[] file;
		final Map<String, byte[]> entries = new LinkedHashMap<>();

		Base(final String label, final byte[] file) throws IOException {
			this.label = label;
			this.file = file;
			try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(file))) {
				ZipEntry e;
				while ((e = z.getNextEntry()) != null)
					entries.put(e.getName(), z.readAllBytes());
			}
		}

		JsonObject spec() {
			return JsonParser.parseString(new String(entries.get(ModelFile.SPEC), StandardCharsets.UTF_8))
				.getAsJsonObject();
		}
	}

	/** A zip entry to write: name, content, and whether it is stored rather than deflated. */
	private static final class Entry {

		final String name;
		final byte[] data;
		final boolean stored;

		Entry(final String name, final byte[] data, final boolean stored) {
			this.name = name;
			this.data = data;
			this.stored = stored;
		}
	}

	@Test
	@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	public void damagedModelFilesLoadOrFailCleanly() throws IOException {
		final long start = System.nanoTime();
		final List<Base> bases = List.of(denoiserBase(), vaeBase(), new Base("divnoising", Files.readAllBytes(new File(
			"src/test/resources/fixtures/divnoising-v1.aemodel").toPath())));
		for (final Base b : bases)
			ModelFile.load(write(b.file, "base-" + b.label)); // the bases themselves are valid
		final File f = new File(dir, "fuzz.aemodel");
		int loaded = 0, rejected = 0, networkRuns = 0, networkRejected = 0;
		final Map<String, Integer> kinds = new TreeMap<>();
		final Map<String, Integer> operators = new TreeMap<>();
		final Map<String, Boolean> distinct = new LinkedHashMap<>();
		final List<String> failures = new ArrayList<>();
		long slowest = 0;
		String slowestWhat = "";
		for (int i = 0; i < VARIANTS; i++) {
			final Base base = bases.get(i % bases.size());
			final String[] what = { "" };
			final byte[] bytes;
			try {
				bytes = mutate(base, what);
			}
			catch (final RuntimeException e) {
				throw new AssertionError("test bug making variant " + i + " (" + what[0] + ")", e);
			}
			final String op = base.label + ":" + what[0].replaceAll("[ (].*", "");
			operators.merge(op, 1, Integer::sum);
			Files.write(f.toPath(), bytes);
			final long t0 = System.nanoTime();
			AutoencoderModel m = null;
			try {
				m = ModelFile.load(f);
				loaded++;
			}
			catch (final BadInputException e) {
				rejected++;
				final String msg = e.getMessage();
				if (msg == null || msg.trim().isEmpty()) failures.add(i + " " + what[0] + ": empty message");
				else if (!msg.contains(f.getName())) failures.add(i + " " + what[0] + ": message does not name the file: " +
					msg);
				else if (!msg.contains("Retrain") && !msg.contains("Update") && !msg.contains("Check")) failures.add(i +
					" " + what[0] + ": message names no fix: " + msg);
				kinds.merge(kind(msg), 1, Integer::sum);
			}
			catch (final Throwable e) {
				failures.add(i + " " + what[0] + ": " + e);
				if (failures.size() == 1) e.printStackTrace();
			}
			final long t = System.nanoTime() - t0;
			if (t > slowest) {
				slowest = t;
				slowestWhat = what[0];
			}
			if (m == null) continue;
			// loadable: describe, save and reload every one; build and run the network of distinct ones
			final String key;
			try {
				ModelDescription.describe(m);
				m.summary();
				final File again = new File(dir, "again.aemodel");
				ModelFile.save(m, again);
				key = ModelJson.toJson(m) + Arrays.hashCode(ModelFile.toBytes(m.weights)) + (m.optimizerState == null ? ""
					: Arrays.hashCode(ModelFile.toBytes(m.optimizerState)));
				ModelFile.load(again, m.kind);
			}
			catch (final Throwable e) {
				failures.add(i + " " + what[0] + ": loaded but cannot be saved and reloaded: " + e);
				continue;
			}
			if (distinct.putIfAbsent(key, true) != null || networkRuns >= MAX_NETWORK_RUNS) continue;
			networkRuns++;
			try {
				use(m);
			}
			catch (final BadInputException e) {
				networkRejected++;
				if (e.getMessage() == null || e.getMessage().trim().isEmpty()) failures.add(i + " " + what[0] +
					": network rejected with an empty message");
			}
			catch (final Throwable e) {
				failures.add(i + " " + what[0] + ": loaded but its network fails: " + e);
			}
		}
		final double seconds = (System.nanoTime() - start) / 1e9;
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format(java.util.Locale.ROOT,
			"ModelFileFuzzTest: %d variants (seed %d) in %.1f s: %d loaded (%d distinct, %d networks run, %d of them " +
				"rejected), %d rejected with BadInputException, %d other outcomes; slowest load %.0f ms (%s); rejections by kind:",
			VARIANTS, SEED, seconds, loaded, distinct.size(), networkRuns, networkRejected, rejected, failures.size(),
			slowest / 1e6, slowestWhat.replaceAll("\\s+", " ")));
		kinds.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> sb.append(" [").append(e
			.getValue()).append("] ").append(e.getKey()).append(';'));
		System.out.println(sb);
		if (Boolean.getBoolean("fuzz.verbose")) System.out.println("operators: " + operators);
		if (!failures.isEmpty()) fail(failures.size() + " variants did not end in a model or a clean BadInputException:\n" +
			String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
		assertEquals(VARIANTS, loaded + rejected);
		assertTrue(loaded > 20 && rejected > VARIANTS / 2, "the mutations should mostly break the files: " + loaded +
			" loaded, " + rejected + " rejected");
		// a bound against a hang, not a speed figure: a shared CI machine at load 18 took 7 s over one nested file
		assertTrue(slowest < TimeUnit.SECONDS.toNanos(30), "slowest load " + slowest / 1e6 + " ms: " + slowestWhat);
	}

	// -- Bases --

	private Base denoiserBase() throws IOException {
		final AutoencoderModel m = TestModels.denoiser(NetworkSpec.unet(1, 2), 3);
		m.optimizerState = TestModels.adamState(m.weights, 4);
		m.noise = "gaussian:5-25";
		m.patchSize = 16;
		m.steps = 40;
		m.learningRate = 1e-3f;
		m.seed = 9;
		m.created = "2024-06-11T10:00:00Z";
		m.trainingSettings = "{\"epochs\":2,\"batchSize\":4}";
		m.history.add(new TrainingHistory.Epoch(1, 20, 0.1, 0.09, 21.5, 1e-3, 0.5));
		m.history.add(new TrainingHistory.Epoch(2, 40, 0.08, Double.NaN, 22.5, 1e-3, 0.5));
		return new Base("denoiser", bytes(m));
	}

	private Base vaeBase() throws IOException {
		final AutoencoderModel m = TestModels.vae(new VaeSpec(10, 9, 2, 2, 2, Likelihood.BERNOULLI, 1), 5);
		m.steps = 7;
		m.learningRate = 1e-3f;
		m.history.add(new TrainingHistory.Epoch(1, 7, 300, 290, 290, 1e-3, 0.2));
		return new Base("vae", bytes(m));
	}

	private byte[] bytes(final AutoencoderModel m) throws IOException {
		final File f = new File(dir, "base.aemodel");
		ModelFile.save(m, f);
		return Files.readAllBytes(f.toPath());
	}

	private File write(final byte[] b, final String name) throws IOException {
		final File f = new File(dir, name + ".aemodel");
		Files.write(f.toPath(), b);
		return f;
	}

	// -- Using a loaded model --

	private static void use(final AutoencoderModel m) {
		if (m.isDenoiser()) {
			try (Denoiser d = new Denoiser(m, 64, 1)) {
				final Plane out = d.denoise(TestImages.blobs(13, 9, 1), PredictionMonitor.NONE);
				assertEquals(13, out.width());
			}
		}
		else {
			try (Vae v = new Vae(m)) {
				final Plane p = TestImages.blobs(m.vae.width(), m.vae.height(), 2);
				v.generate(1, 1, 1);
				v.encode(List.of(p));
				v.negativeElbo(List.of(p), 1);
			}
		}
	}

	// -- Mutations --

	private byte[] mutate(final Base b, final String[] what) throws IOException {
		final int op = rng.nextInt(100);
		if (op < 12) return flipBits(b.file, 1 + rng.nextInt(8), what);
		if (op < 18) return overwriteBytes(b.file, what);
		if (op < 26) return truncate(b.file, what);
		if (op < 30) return insertOrDelete(b.file, what);
		if (op < 34) return hugeDeclaredSize(b, what);
		if (op < 48) return zipStructure(b, what);
		if (op < 56) return arrays(b, what);
		if (op < 90) return specJson(b, what);
		return specText(b, what);
	}

	private byte[] flipBits(final byte[] in, final int n, final String[] what) {
		final byte[] out = in.clone();
		final StringBuilder sb = new StringBuilder("flip bits at");
		for (int k = 0; k < n; k++) {
			final int pos = rng.nextInt(out.length);
			out[pos] ^= 1 << rng.nextInt(8);
			sb.append(' ').append(pos);
		}
		what[0] = sb.toString();
		return out;
	}

	private byte[] overwriteBytes(final byte[] in, final String[] what) {
		final byte[] out = in.clone();
		final int pos = rng.nextInt(out.length), len = 1 + rng.nextInt(Math.min(8, out.length - pos));
		for (int k = 0; k < len; k++)
			out[pos + k] = (byte) rng.nextInt(256);
		what[0] = "overwrite " + len + " bytes at " + pos;
		return out;
	}

	private byte[] truncate(final byte[] in, final String[] what) {
		final int len = rng.nextInt(in.length);
		what[0] = "truncate to " + len + " of " + in.length + " bytes";
		return Arrays.copyOf(in, len);
	}

	private byte[] insertOrDelete(final byte[] in, final String[] what) {
		final int pos = rng.nextInt(in.length);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(in, 0, pos);
		if (rng.nextBoolean()) {
			final int len = 1 + rng.nextInt(64);
			for (int k = 0; k < len; k++)
				out.write(rng.nextInt(256));
			out.write(in, pos, in.length - pos);
			what[0] = "insert " + len + " bytes at " + pos;
		}
		else {
			final int len = 1 + rng.nextInt(Math.min(64, in.length - pos));
			out.write(in, pos + len, in.length - pos - len);
			what[0] = "delete " + len + " bytes at " + pos;
		}
		return out.toByteArray();
	}

	/** A stored (uncompressed) copy whose local headers declare huge sizes, as a zip bomb would. */
	private byte[] hugeDeclaredSize(final Base b, final String[] what) throws IOException {
		final List<Entry> entries = new ArrayList<>();
		b.entries.forEach((n, d) -> entries.add(new Entry(n, d, true)));
		final byte[] z = zip(entries);
		final List<Integer> headers = localHeaders(z);
		final int h = headers.get(rng.nextInt(headers.size()));
		final long[] sizes = { 0xFFFFFFFFL, 0xFFFFFFF0L, 0x7FFFFFFFL, 0x40000001L, 0x01000001L };
		final long size = sizes[rng.nextInt(sizes.length)];
		final ByteBuffer bb = ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN);
		final int field = rng.nextInt(3);
		if (field != 1) bb.putInt(h + 18, (int) size); // compressed size
		if (field != 0) bb.putInt(h + 22, (int) size); // uncompressed size
		what[0] = "huge declared size " + size + " (field " + field + ") at header " + h;
		return z;
	}

	private byte[] zipStructure(final Base b, final String[] what) throws IOException {
		final List<Entry> entries = new ArrayList<>();
		b.entries.forEach((n, d) -> entries.add(new Entry(n, d, false)));
		final String[] names = { "../evil", "../../etc/passwd", "/tmp/spec.json", "spec.json/", "SPEC.JSON",
			"./spec.json", "weights.bin.bak", "dir/", "dir/spec.json", "C:\\evil.dll", "spec.json\u0000", "\u00e9t\u00e9",
			"x".repeat(400), "optimizer.bin ", "META-INF/MANIFEST.MF" };
		final int op = rng.nextInt(7);
		final int i = rng.nextInt(entries.size());
		switch (op) {
			case 0:
				what[0] = "remove entry " + entries.get(i).name;
				entries.remove(i);
				break;
			case 1:
				what[0] = "duplicate entry " + entries.get(i).name;
				entries.add(rng.nextInt(entries.size() + 1), entries.get(i));
				break;
			case 2: {
				final String n = names[rng.nextInt(names.length)];
				what[0] = "rename entry " + entries.get(i).name + " to " + n;
				entries.set(i, new Entry(n, entries.get(i).data, false));
				break;
			}
			case 3: {
				final String n = rng.nextBoolean() ? names[rng.nextInt(names.length)] : entries.get(i).name;
				final byte[] d = new byte[rng.nextInt(100)];
				rng.nextBytes(d);
				what[0] = "add entry " + n;
				entries.add(rng.nextInt(entries.size() + 1), new Entry(n, d, rng.nextBoolean()));
				break;
			}
			case 4:
				what[0] = "shuffle entries";
				Collections.shuffle(entries, rng);
				break;
			case 5:
				what[0] = "store entries uncompressed";
				entries.replaceAll(e -> new Entry(e.name, e.data, true));
				break;
			default:
				what[0] = "empty archive";
				entries.clear();
		}
		return zip(entries);
	}

	/** weights.bin or optimizer.bin of the wrong length, or with non-finite or other values. */
	private byte[] arrays(final Base b, final String[] what) throws IOException {
		final String name = b.entries.containsKey(ModelFile.OPTIMIZER) && rng.nextInt(3) == 0 ? ModelFile.OPTIMIZER
			: ModelFile.WEIGHTS;
		byte[] d = b.entries.get(name).clone();
		switch (rng.nextInt(7)) {
			case 0: {
				final int delta = new int[] { -4, -1, 1, 4, 8, -8 }[rng.nextInt(6)];
				d = Arrays.copyOf(d, Math.max(0, d.length + delta));
				what[0] = "length of " + name + " changed by " + delta;
				break;
			}
			case 1:
				d = new byte[0];
				what[0] = "empty " + name;
				break;
			case 2: {
				final byte[] twice = Arrays.copyOf(d, 2 * d.length);
				System.arraycopy(d, 0, twice, d.length, d.length);
				d = twice;
				what[0] = name + " doubled";
				break;
			}
			case 3: {
				final float[] bad = { Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY };
				final int pos = rng.nextInt(d.length / 4) * 4;
				ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putFloat(pos, bad[rng.nextInt(3)]);
				what[0] = "non-finite value in " + name + " at " + pos;
				break;
			}
			case 4: {
				final int pos = rng.nextInt(d.length / 4) * 4;
				ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN).putFloat(pos, (float) rng.nextGaussian() * 100);
				what[0] = "other finite value in " + name + " at " + pos;
				break;
			}
			case 5:
				d = Arrays.copyOf(d, d.length);
				rng.nextBytes(d);
				what[0] = "random bytes as " + name;
				break;
			default: {
				final int pos = rng.nextInt(d.length);
				d[pos] ^= 1 << rng.nextInt(8);
				what[0] = "bit flip in " + name + " at " + pos;
			}
		}
		return rebuild(b, name, d);
	}

	/** spec.json with one field removed, retyped, set out of range, or other targeted changes. */
	private byte[] specJson(final Base b, final String[] what) throws IOException {
		final JsonObject spec = b.spec();
		final int op = rng.nextInt(10);
		if (op < 5) {
			final List<Object[]> slots = new ArrayList<>();
			collect(spec, "", slots);
			final Object[] s = slots.get(rng.nextInt(slots.size()));
			final String path = (String) s[2];
			if (op == 0) {
				remove(s);
				what[0] = "remove " + path;
			}
			else {
				final JsonElement v = op == 1 ? tweak(get(s)) : randomValue();
				set(s, v);
				what[0] = "set " + path + " to " + abbreviate(String.valueOf(v));
			}
		}
		else if (op == 5) {
			final JsonElement[] versions = { new JsonPrimitive(0), new JsonPrimitive(-1), new JsonPrimitive(2),
				new JsonPrimitive(99), new JsonPrimitive("1"), new JsonPrimitive(1.5), JsonNull.INSTANCE,
				new JsonPrimitive(new BigDecimal("1e400")) };
			final JsonElement v = versions[rng.nextInt(versions.length)];
			spec.add("formatVersion", v);
			what[0] = "formatVersion " + v;
		}
		else if (op == 6) {
			final String[] kinds = { "vae", "denoiser", "VAE", "", "unet", "../evil" };
			final String k = kinds[rng.nextInt(kinds.length)];
			spec.addProperty("kind", k);
			what[0] = "kind " + k;
		}
		else if (op == 7) {
			final String[] formats = { "fiji-autoencoders-model2", "", "FIJI-AUTOENCODERS-MODEL" };
			final String fmt = formats[rng.nextInt(formats.length)];
			spec.addProperty("format", fmt);
			what[0] = "format " + fmt;
		}
		else if (op == 8) {
			final JsonObject target = rng.nextBoolean() ? spec : spec.has("network") ? spec.getAsJsonObject("network")
				: spec.has("divNoising") ? spec.getAsJsonObject("divNoising") : spec.getAsJsonObject("vae");
			target.add("extra" + rng.nextInt(3), randomValue());
			what[0] = "unknown field added";
		}
		else {
			// architecture fields set to other valid or invalid values
			final boolean isVae = spec.has("vae"), isDivNoising = spec.has("divNoising");
			final JsonObject n = spec.getAsJsonObject(isVae ? "vae" : isDivNoising ? "divNoising" : "network");
			final String[][] choices = isDivNoising ? new String[][] { { "filters", "0", "1", "3", "512", "513" }, {
				"latent", "0", "1", "4", "512", "513" }, { "spreadScale", "0", "-1", "0.5", "1e308" } } : isVae ? new String[][] { { "width", "1", "9", "11", "12", "13", "16384", "16385",
				"-5" }, { "height", "1", "8", "10", "12", "0" }, { "latent", "1", "3", "1024", "1025", "0" }, { "depth", "1",
					"3", "4", "5", "6", "0" }, { "filters", "1", "3", "256", "257" }, { "likelihood", "\"gaussian\"",
						"\"poisson\"" }, { "beta", "0", "0.5", "-1", "1e39" } } : new String[][] { { "architecture",
							"\"plain\"", "\"resnet\"" }, { "depth", "0", "2", "3", "4", "5" }, { "filters", "0", "1", "3", "256",
								"257" }, { "residual", "false", "true" }, { "upsampling", "\"bilinear\"", "\"cubic\"" }, {
									"channels", "0", "2", "3" }, { "leakyAlpha", "0", "0.5", "1", "-0.1", "NaN" } };
			final String[] c = choices[rng.nextInt(choices.length)];
			final String v = c[1 + rng.nextInt(c.length - 1)];
			n.add(c[0], JsonParser.parseString(v));
			what[0] = "architecture " + c[0] + " = " + v;
		}
		return rebuild(b, ModelFile.SPEC, spec.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** spec.json damaged as text: bit flips, truncation, deep nesting, huge numbers, bad UTF-8. */
	private byte[] specText(final Base b, final String[] what) throws IOException {
		final byte[] json = b.entries.get(ModelFile.SPEC);
		final String text = new String(json, StandardCharsets.UTF_8);
		final byte[] out;
		switch (rng.nextInt(6)) {
			case 0:
				out = flipBits(json, 1 + rng.nextInt(4), what);
				what[0] = "spec.json " + what[0];
				break;
			case 1:
				out = Arrays.copyOf(json, rng.nextInt(json.length));
				what[0] = "spec.json truncated to " + out.length;
				break;
			case 2: {
				// deep nesting, at the top or inside a field, plainly or behind a lenient single-quoted string
				final int depth = new int[] { 30, 80, 300, 5_000, 200_000, 2_000_000 }[rng.nextInt(6)];
				String nested = "[".repeat(depth) + "]".repeat(depth);
				if (rng.nextBoolean()) nested = "['\"', " + nested + "]";
				final String[] places = { "", "trainingSettings", "history", "shape", "network", "vae", "seed" };
				final String place = places[rng.nextInt(places.length)];
				if (place.isEmpty()) out = nested.getBytes(StandardCharsets.UTF_8);
				else {
					final JsonObject spec = b.spec();
					if (place.equals("shape")) spec.getAsJsonArray("weights").get(0).getAsJsonObject().addProperty("shape",
						"@@NEST@@");
					else spec.addProperty(place, "@@NEST@@");
					out = spec.toString().replace("\"@@NEST@@\"", nested).getBytes(StandardCharsets.UTF_8);
				}
				what[0] = "spec.json nested " + depth + " deep at '" + place + "'";
				break;
			}
			case 3: {
				final String digits = "9".repeat(new int[] { 30, 5_000, 200_000 }[rng.nextInt(3)]);
				final String[] fields = { "\"formatVersion\": 1", "\"patchSize\": 16", "\"steps\": 40", "\"depth\": 1",
					"\"latent\": 2", "\"seed\": 9", "\"seed\": 0" };
				String t = text;
				for (final String fld : fields)
					t = t.replace(fld, fld.substring(0, fld.indexOf(':') + 2) + (rng.nextBoolean() ? digits : "1e" + digits));
				out = t.getBytes(StandardCharsets.UTF_8);
				what[0] = "spec.json numbers " + digits.length() + " digits long";
				break;
			}
			case 4: {
				out = json.clone();
				for (int k = 0; k < 3; k++)
					out[rng.nextInt(out.length)] = (byte) (0x80 + rng.nextInt(0x40)); // lone continuation bytes
				what[0] = "spec.json with invalid UTF-8";
				break;
			}
			default: {
				final int pos = rng.nextInt(text.length());
				final String[] junk = { "{", "}", "[", "]", ",", ":", "\"", "null", "NaN", "//", "\\u0000", "\u0000" };
				out = (text.substring(0, pos) + junk[rng.nextInt(junk.length)] + text.substring(pos)).getBytes(
					StandardCharsets.UTF_8);
				what[0] = "spec.json junk inserted at " + pos;
			}
		}
		return rebuild(b, ModelFile.SPEC, out);
	}

	// -- JSON helpers: a slot is {parent, key or index, path} --

	private static void collect(final JsonElement e, final String path, final List<Object[]> out) {
		if (e.isJsonObject()) {
			for (final String k : e.getAsJsonObject().keySet()) {
				final String p = path.isEmpty() ? k : path + "." + k;
				out.add(new Object[] { e, k, p });
				collect(e.getAsJsonObject().get(k), p, out);
			}
		}
		else if (e.isJsonArray()) {
			final JsonArray a = e.getAsJsonArray();
			for (int i = 0; i < a.size(); i++) {
				final String p = path + "[" + i + "]";
				out.add(new Object[] { e, i, p });
				collect(a.get(i), p, out);
			}
		}
	}

	private static JsonElement get(final Object[] s) {
		return s[0] instanceof JsonObject ? ((JsonObject) s[0]).get((String) s[1]) : ((JsonArray) s[0]).get(
			(Integer) s[1]);
	}

	private static void set(final Object[] s, final JsonElement v) {
		if (s[0] instanceof JsonObject) ((JsonObject) s[0]).add((String) s[1], v);
		else((JsonArray) s[0]).set((Integer) s[1], v);
	}

	private static void remove(final Object[] s) {
		if (s[0] instanceof JsonObject) ((JsonObject) s[0]).remove((String) s[1]);
		else((JsonArray) s[0]).remove((int) (Integer) s[1]);
	}

	/** A nearby value of the same type: numbers off by one, negated, doubled or huge; texts changed. */
	private JsonElement tweak(final JsonElement e) {
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
			final BigDecimal d = e.getAsBigDecimal();
			final BigDecimal[] c = { d.add(BigDecimal.ONE), d.subtract(BigDecimal.ONE), d.negate(), d.multiply(BigDecimal
				.valueOf(2)), BigDecimal.ZERO, new BigDecimal("2147483648"), new BigDecimal("9223372036854775808"),
				new BigDecimal("1e30"), d.add(new BigDecimal("0.5")) };
			return new JsonPrimitive(c[rng.nextInt(c.length)]);
		}
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
			final String s = e.getAsString();
			final String[] c = { s + "x", s.isEmpty() ? "" : s.substring(1), s.toUpperCase(java.util.Locale.ROOT), "" };
			return new JsonPrimitive(c[rng.nextInt(c.length)]);
		}
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) return new JsonPrimitive(!e.getAsBoolean());
		if (e.isJsonArray()) {
			final JsonArray a = e.getAsJsonArray().deepCopy();
			if (a.size() > 0 && rng.nextBoolean()) a.remove(rng.nextInt(a.size()));
			else if (a.size() > 0) a.add(a.get(rng.nextInt(a.size())));
			else a.add(1);
			return a;
		}
		return randomValue();
	}

	private JsonElement randomValue() {
		final Supplier<JsonElement>[] c = values();
		return c[rng.nextInt(c.length)].get();
	}

	@SuppressWarnings("unchecked")
	private static Supplier<JsonElement>[] values() {
		return new Supplier[] { () -> JsonNull.INSTANCE, () -> new JsonPrimitive(true), () -> new JsonPrimitive("x"),
			() -> new JsonPrimitive(""), () -> new JsonPrimitive(-1), () -> new JsonPrimitive(0), () -> new JsonPrimitive(
				1), () -> new JsonPrimitive(1.5), () -> new JsonPrimitive(-1e9), () -> new JsonPrimitive(1e30),
			() -> new JsonPrimitive(new BigDecimal("2147483648")), () -> new JsonPrimitive(new BigDecimal(
				"9223372036854775808")), () -> new JsonPrimitive(new BigDecimal("1e400")), () -> new JsonPrimitive("NaN"),
			() -> new JsonObject(), () -> new JsonArray(), () -> JsonParser.parseString("[1,2]"), () -> new JsonPrimitive(
				"y".repeat(10_000)), () -> new JsonPrimitive("../evil") };
	}

	private static String abbreviate(final String s) {
		return s.length() > 40 ? s.substring(0, 40) + "..." : s;
	}

	// -- Zip helpers --

	private byte[] rebuild(final Base b, final String name, final byte[] data) throws IOException {
		final List<Entry> entries = new ArrayList<>();
		b.entries.forEach((n, d) -> entries.add(new Entry(n, n.equals(name) ? data : d, false)));
		return zip(entries);
	}

	/**
	 * Writes the entries in order. ZipOutputStream refuses duplicate names, so duplicates are written under
	 * placeholder names of the same length that are then patched back in the bytes.
	 */
	private static byte[] zip(final List<Entry> entries) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final Map<String, Integer> count = new LinkedHashMap<>();
		final List<String[]> patches = new ArrayList<>();
		try (ZipOutputStream z = new ZipOutputStream(bytes)) {
			for (final Entry e : entries) {
				final int k = count.merge(e.name, 1, Integer::sum) - 1;
				String n = e.name;
				if (k > 0) {
					n = e.name.substring(0, e.name.length() - 1) + (char) ('\u0001' + k);
					patches.add(new String[] { n, e.name });
				}
				final ZipEntry ze = new ZipEntry(n);
				if (e.stored) {
					final CRC32 crc = new CRC32();
					crc.update(e.data);
					ze.setMethod(ZipEntry.STORED);
					ze.setSize(e.data.length);
					ze.setCompressedSize(e.data.length);
					ze.setCrc(crc.getValue());
				}
				z.putNextEntry(ze);
				z.write(e.data);
				z.closeEntry();
			}
		}
		byte[] out = bytes.toByteArray();
		for (final String[] p : patches)
			out = replaceAll(out, p[0].getBytes(StandardCharsets.UTF_8), p[1].getBytes(StandardCharsets.UTF_8));
		return out;
	}

	private static byte[] replaceAll(final byte[] in, final byte[] from, final byte[] to) {
		final byte[] out = in.clone();
		for (int i = 0; i + from.length <= out.length; i++)
			if (Arrays.equals(out, i, i + from.length, from, 0, from.length)) System.arraycopy(to, 0, out, i, to.length);
		return out;
	}

	private static List<Integer> localHeaders(final byte[] z) {
		final List<Integer> out = new ArrayList<>();
		for (int i = 0; i + 4 <= z.length; i++)
			if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 3 && z[i + 3] == 4) out.add(i);
		return out;
	}

	/** The kind of a rejection: the message's problem with names, numbers and details blanked out. */
	static String kind(final String msg) {
		String s = msg;
		final int a = s.indexOf("model: ");
		if (a >= 0) s = s.substring(a + 7);
		final int r = s.indexOf(". Retrain");
		if (r >= 0) s = s.substring(0, r);
		s = s.replaceAll("'[^']*'", "'…'").replaceAll("\\([^()]*\\)", "(…)").replaceAll("\\[[^\\]]*\\]", "[…]")
			.replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "N").replaceAll("\\bfuzz\\.aemodel\\b", "FILE");
		return s.length() > 90 ? s.substring(0, 90) + "…" : s;
	}
}
