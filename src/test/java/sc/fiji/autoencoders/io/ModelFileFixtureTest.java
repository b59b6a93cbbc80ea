package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.TrainingHistory;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.predict.Vae;

/**
 * Model files written by an earlier version must keep loading, with every stored value intact. The fixtures in
 * {@code src/test/resources/fixtures/} were written by format version 1 before the model file reader was rewritten
 * (commit 4641746): {@code denoiser-v1.aemodel} by a {@code DenoiserTrainer} run of 2 epochs of 3 steps (residual
 * U-Net of depth 1, 4 filters capped at 6, bilinear upsampling, gaussian:20 noise, blobs from {@code TestImages},
 * float32, seed 7) and {@code vae-v1.aemodel} by a {@code VaeTrainer} run of 2 epochs (12x10 blobs, latent 2, depth 1,
 * 2 filters, gaussian likelihood, beta 0.5, the plateau schedule, seed 8). The values below were read from those files
 * with Python's zipfile, zlib and struct, not with this code.
 */
public class ModelFileFixtureTest {

	@TempDir
	File dir;

	@Test
	public void denoiserOfFormatVersion1Loads() throws IOException {
		final File f = fixture("denoiser-v1.aemodel");
		final AutoencoderModel m = ModelFile.load(f);
		assertEquals("denoiser", String.valueOf(m.kind));
		assertTrue(m.isDenoiser());
		assertNull(m.vae);
		assertEquals("unet", String.valueOf(m.networkSpec().architecture()));
		assertEquals(1, m.networkSpec().depth());
		assertEquals(4, m.networkSpec().filters());
		assertTrue(m.networkSpec().residual());
		assertEquals("bilinear", String.valueOf(m.networkSpec().upsampling()));
		assertEquals(1, m.networkSpec().channels());
		assertEquals(0.1f, m.networkSpec().leakyAlpha());
		assertEquals(6, m.networkSpec().maxFilters());
		// fields added later read as what those files were: trained on clean images, max pooling, every skip
		assertEquals("max", String.valueOf(m.networkSpec().pooling()));
		assertTrue(m.networkSpec().topSkip());
		assertEquals("clean", String.valueOf(m.mode));
		assertNull(m.masking);
		assertNull(m.data);
		assertEquals(20.0, m.normalization.low());
		assertEquals(229.2097930908203, m.normalization.high());
		// joint channels came later: these files are single-channel networks, one normalization for their one channel
		assertNull(m.channelNormalizations);
		assertEquals(m.normalization, m.normalization(0));
		// measured receptive fields came later: these files have none, and their tiles keep the worst-case bound
		assertNull(m.receptiveField);
		assertEquals(Denoiser.receptiveRadius(m.networkSpec()), Denoiser.marginRadius(m));
		try (Denoiser d = new Denoiser(m)) {
			assertEquals(1, d.channels());
			assertEquals(List.of(sc.fiji.autoencoders.image.Axis.X, sc.fiji.autoencoders.image.Axis.Y), d.axes());
		}
		assertEquals("gaussian:20", m.noise);
		assertEquals(16, m.patchSize);
		assertEquals(6, m.steps);
		assertEquals(0.001f, m.learningRate);
		assertEquals(7, m.seed);
		assertEquals("2026-11-26T11:54:20.429253851Z", m.created);
		assertEquals(JsonParser.parseString("{\"epochs\":2,\"stepsPerEpoch\":3,\"batchSize\":2,\"patchSize\":16," +
			"\"minutes\":0.0,\"learningRate\":0.001,\"validationFraction\":0.1,\"validationPatches\":4," +
			"\"plateauPatience\":4,\"plateauFactor\":0.5,\"minLearningRate\":1.0E-5,\"earlyStopPatience\":0," +
			"\"anneal\":true,\"warmupSteps\":0,\"seed\":7,\"threads\":1,\"precision\":\"float32\"}"), JsonParser
				.parseString(m.trainingSettings));
		assertEquals(2, m.history.size());
		assertEpoch(m.history.epochs().get(0), 1, 3, 0.009109290316700935, 0.009098057860801978, 20.410513055202305,
			5.000000237487257E-4, 0.124808158);
		assertEpoch(m.history.epochs().get(1), 2, 6, 0.009281844832003117, 0.009099820040487414, 20.409671962718825,
			9.999999747378752E-6, 0.145661112);
		final List<String> arrays = List.of("enc0a.kernel [3, 3, 1, 4]", "enc0a.bias [4]", "enc0b.kernel [3, 3, 4, 4]",
			"enc0b.bias [4]", "bottom_a.kernel [3, 3, 4, 6]", "bottom_a.bias [6]", "bottom_b.kernel [3, 3, 6, 6]",
			"bottom_b.bias [6]", "up0.kernel [3, 3, 6, 4]", "up0.bias [4]", "dec0a.kernel [3, 3, 8, 4]", "dec0a.bias [4]",
			"dec0b.kernel [3, 3, 4, 4]", "dec0b.bias [4]", "output.kernel [1, 1, 4, 1]", "output.bias [1]");
		assertEquals(arrays, shapes(m.weights));
		assertArrays(m.weights, 1405, 0xb33fed9eL, 0x3ecc544f, 0x39c3d840);
		assertEquals(adam(arrays), shapes(m.optimizerState));
		assertArrays(m.optimizerState, 2810, 0xaffc4988L, 0xb4f2b418, 0x342ed214);
		try (Denoiser d = new Denoiser(m)) {
			assertEquals(24, d.denoise(TestImages.blobs(24, 20, 1), PredictionMonitor.NONE).width());
		}
		assertRewrittenUnchanged(f, m);
	}

	@Test
	public void vaeOfFormatVersion1Loads() throws IOException {
		final File f = fixture("vae-v1.aemodel");
		final AutoencoderModel m = ModelFile.load(f);
		assertNull(m.codes, "written before the code fit: it has none");
		try (Vae v = new Vae(m)) {
			final String message = org.junit.jupiter.api.Assertions.assertThrows(sc.fiji.autoencoders.base.BadInputException.class,
				() -> v.generate(2, 1, 1, sc.fiji.autoencoders.predict.Sampling.FIT)).getMessage();
			assertTrue(message.contains("has no Gaussian fitted to its training codes"), message);
		}
		assertEquals("vae", String.valueOf(m.kind));
		assertTrue(m.isVae());
		assertNull(m.network);
		assertEquals(12, m.vae.width());
		assertEquals(10, m.vae.height());
		assertEquals(2, m.vae.latent());
		assertEquals(1, m.vae.depth());
		assertEquals(2, m.vae.filters());
		assertEquals("gaussian", String.valueOf(m.vae.likelihood()));
		assertEquals(0.5f, m.vae.beta());
		assertEquals(45.0, m.normalization.low());
		assertEquals(223.5522003173828, m.normalization.high());
		assertEquals("none", m.noise);
		assertEquals(0, m.patchSize);
		assertEquals(4, m.steps);
		assertEquals(0.003f, m.learningRate);
		assertEquals(8, m.seed);
		assertEquals("2026-11-26T11:54:20.755531143Z", m.created);
		assertEquals(JsonParser.parseString("{\"epochs\":2,\"stepsPerEpoch\":100,\"batchSize\":4,\"patchSize\":64," +
			"\"minutes\":0.0,\"learningRate\":0.003,\"validationFraction\":0.25,\"validationPatches\":64," +
			"\"plateauPatience\":4,\"plateauFactor\":0.5,\"minLearningRate\":1.0E-5,\"earlyStopPatience\":0," +
			"\"anneal\":false,\"warmupSteps\":0,\"seed\":8,\"threads\":1,\"precision\":\"auto\"}"), JsonParser
				.parseString(m.trainingSettings));
		assertEquals(2, m.history.size());
		assertEpoch(m.history.epochs().get(0), 1, 2, 332.5723114013672, 331.68044026692706, 331.68044026692706,
			0.003000000026077032, 0.124473892);
		assertEpoch(m.history.epochs().get(1), 2, 4, 608.9552459716797, 282.96840413411456, 282.96840413411456,
			0.003000000026077032, 0.128459752);
		final List<String> arrays = List.of("vae_enc0.kernel [3, 3, 1, 2]", "vae_enc0.bias [2]", "vae_mu.kernel [60, 2]",
			"vae_mu.bias [2]", "vae_logvar.kernel [60, 2]", "vae_logvar.bias [2]", "vae_dec_dense.kernel [2, 60]",
			"vae_dec_dense.bias [60]", "vae_dec0.kernel [3, 3, 1, 2]", "vae_dec0.bias [1]");
		assertEquals(arrays, shapes(m.weights));
		assertArrays(m.weights, 463, 0x4bcff805L, 0x3f39357c, 0xbb3024da);
		assertEquals(adam(arrays), shapes(m.optimizerState));
		assertArrays(m.optimizerState, 926, 0x3be89d02L, 0xc1095eea, 0x42fb9697);
		try (Vae v = new Vae(m)) {
			assertEquals(12, v.generate(1, 1, 1).get(0).width());
		}
		assertRewrittenUnchanged(f, m);
	}

	// -- Helper methods --

	private static File fixture(final String name) {
		return new File("src/test/resources/fixtures/" + name);
	}

	private static void assertEpoch(final TrainingHistory.Epoch e, final int epoch, final long step,
		final double trainLoss, final double validationLoss, final double validationMetric, final double learningRate,
		final double seconds)
	{
		assertEquals(epoch, e.epoch);
		assertEquals(step, e.step);
		assertEquals(trainLoss, e.trainLoss);
		assertEquals(validationLoss, e.validationLoss);
		assertEquals(validationMetric, e.validationMetric);
		assertEquals(learningRate, e.learningRate);
		assertEquals(seconds, e.seconds);
	}

	private static List<String> shapes(final Weights w) {
		final List<String> out = new ArrayList<>();
		for (final Map.Entry<String, Weights.Entry> e : w.entries().entrySet())
			out.add(e.getKey() + " " + Arrays.toString(e.getValue().shape()));
		return out;
	}

	/** The optimizer's arrays: two moments per parameter array, in the parameters' order. */
	private static List<String> adam(final List<String> arrays) {
		final List<String> out = new ArrayList<>();
		for (final String a : arrays) {
			final int space = a.indexOf(' ');
			out.add(a.substring(0, space) + ".adam_m" + a.substring(space));
			out.add(a.substring(0, space) + ".adam_v" + a.substring(space));
		}
		return out;
	}

	/** Count, CRC-32 of all values as little-endian float32, and the bits of the first and last values. */
	private static void assertArrays(final Weights w, final int count, final long crc, final int firstBits,
		final int lastBits)
	{
		assertEquals(count, w.parameterCount());
		final CRC32 c = new CRC32();
		c.update(ModelFile.toBytes(w));
		assertEquals(crc, c.getValue());
		final List<Weights.Entry> entries = new ArrayList<>(w.entries().values());
		final float[] first = entries.get(0).values(), last = entries.get(entries.size() - 1).values();
		assertEquals(firstBits, Float.floatToRawIntBits(first[0]));
		assertEquals(lastBits, Float.floatToRawIntBits(last[last.length - 1]));
	}

	/**
	 * The first feature autoencoder file ({@code autoencoder-v1.aemodel}: a {@code VaeTrainer} run of 2 epochs on 16
	 * 12x10 blobs, code 2, depth 1, 2 filters, contractive with weight 0.1, seed 9, written when the kind was added):
	 * the values below were read from its spec.json with unzip.
	 */
	@Test
	public void autoencoderOfFirstLayoutLoads() throws IOException {
		final File f = fixture("autoencoder-v1.aemodel");
		final AutoencoderModel m = ModelFile.load(f);
		assertEquals("autoencoder", String.valueOf(m.kind));
		assertTrue(m.isAutoencoder() && m.hasCodes());
		assertEquals(12, m.vae.width());
		assertEquals(10, m.vae.height());
		assertEquals(2, m.vae.latent());
		assertEquals("contractive", String.valueOf(m.vae.regularizer()));
		assertEquals(0.1f, m.vae.weight());
		assertEquals(228.13050842285156, m.normalization.high());
		assertArrayEquals(new double[] { -2.4649407863616943, -0.696547239087522 }, m.codes.mean());
		assertArrayEquals(new double[] { 0.5926884392372187, 0.22447729806048008, 0.22447729806048008,
			0.12773561242882472 }, m.codes.covariance());
		assertEquals(6, m.steps);
		assertEquals(List.of("ae_enc0.kernel", "ae_enc0.bias", "ae_code.kernel", "ae_code.bias", "ae_dec_dense.kernel",
			"ae_dec_dense.bias", "ae_dec0.kernel", "ae_dec0.bias"), new ArrayList<>(m.weights.entries().keySet()));
		try (Vae v = new Vae(m)) {
			assertEquals(2, v.encode(List.of(TestImages.blobs(12, 10, 1)))[0].length);
			assertEquals(3, v.generate(3, 1, 1, sc.fiji.autoencoders.predict.Sampling.FIT).size());
		}
		assertRewrittenUnchanged(f, m);
	}

	/**
	 * A sparse feature autoencoder written before the soft-threshold code ({@code autoencoder-sparse-relu-v1.aemodel}: a
	 * {@code VaeTrainer} run of 2 epochs on 16 12x10 blobs of seeds 100-115, code 3, depth 1, 2 filters, sparse with
	 * weight 0.01, batch 4, validation fraction 0.25, one thread, seed 9): its spec has no {@code sparseCode}, so it has
	 * the ReLU code, and it encodes exactly as when it was written (the codes below were printed then, bit for bit).
	 */
	@Test
	public void sparseAutoencoderWithReluCodeLoadsAndEncodesAsBefore() throws IOException {
		final File f = fixture("autoencoder-sparse-relu-v1.aemodel");
		final AutoencoderModel m = ModelFile.load(f);
		assertEquals("sparse", String.valueOf(m.vae.regularizer()));
		assertEquals(sc.fiji.autoencoders.model.SparseCode.RELU, m.vae.sparseCode());
		assertEquals(0.01f, m.vae.weight());
		assertEquals(3, m.vae.latent());
		assertEquals(List.of("ae_enc0.kernel", "ae_enc0.bias", "ae_code.kernel", "ae_code.bias", "ae_dec_dense.kernel",
			"ae_dec_dense.bias", "ae_dec0.kernel", "ae_dec0.bias"), new ArrayList<>(m.weights.entries().keySet()));
		try (Vae v = new Vae(m)) {
			final float[][] expected = { { 0f, 0f, 0f }, { Float.intBitsToFloat(0x3e3dc064), Float.intBitsToFloat(
				0x3eb5f1e1), Float.intBitsToFloat(0x3cb5dd68) }, { 0f, Float.intBitsToFloat(0x3e02f1b9), 0f } };
			// the same codes up to float rounding: oneDNN's kernels differ between CPUs (AVX-512 against AVX2) in the
			// last bits (0.18530422 against 0.18530428), so equality to the bit holds only on the CPU that wrote these
			for (int s = 1; s <= 3; s++)
				assertArrayEquals(expected[s - 1], v.encode(List.of(TestImages.blobs(12, 10, s)))[0], 1e-6f,
					"blobs of seed " + s);
		}
		assertRewrittenUnchanged(f, m);
	}

	/** Saved again, the file has the same spec.json (as JSON) and the same arrays: the layout did not change. */
	private void assertRewrittenUnchanged(final File original, final AutoencoderModel m) throws IOException {
		final File again = new File(dir, original.getName());
		ModelFile.save(m, again);
		try (ZipFile a = new ZipFile(original); ZipFile b = new ZipFile(again)) {
			for (final String entry : List.of(ModelFile.SPEC, ModelFile.WEIGHTS, ModelFile.OPTIMIZER)) {
				final byte[] x = a.getInputStream(a.getEntry(entry)).readAllBytes();
				final byte[] y = b.getInputStream(b.getEntry(entry)).readAllBytes();
				if (entry.equals(ModelFile.SPEC)) assertEquals(JsonParser.parseString(new String(x,
					StandardCharsets.UTF_8)), JsonParser.parseString(new String(y, StandardCharsets.UTF_8)));
				else assertArrayEquals(x, y, entry);
			}
		}
	}
}
