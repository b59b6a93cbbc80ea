package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.TrainingHistory;

public class ModelFileTest {

	@TempDir
	File dir;

	static AutoencoderModel model() {
		final AutoencoderModel m = new AutoencoderModel();
		m.network = NetworkSpec.unet(2, 4);
		m.weights = sc.fiji.autoencoders.TestModels.randomWeights(m.networkSpec(), 11);
		m.optimizerState = sc.fiji.autoencoders.TestModels.adamState(m.weights, 12);
		m.normalization = Normalization.of(3, 250);
		m.noise = "gaussian:25";
		m.patchSize = 32;
		m.steps = 20;
		m.learningRate = 5e-4f;
		m.history.add(new TrainingHistory.Epoch(1, 20, 0.1, 0.09, 21.5, 1e-3, 3.2));
		return m;
	}

	@Test
	public void roundTripGivesIdenticalPredictions() {
		final AutoencoderModel m = model();
		final File f = new File(dir, "m.aemodel");
		ModelFile.save(m, f);
		final AutoencoderModel back = ModelFile.load(f, ModelKind.DENOISER);
		assertEquals(m.network, back.network);
		assertEquals(m.normalization, back.normalization);
		assertEquals("gaussian:25", back.noise);
		assertEquals(1, back.history.size());
		assertEquals(21.5, back.history.last().validationMetric);
		assertEquals(m.optimizerState.parameterCount(), back.optimizerState.parameterCount());
		final Plane in = TestImages.blobs(96, 80, 1);
		try (Denoiser a = new Denoiser(m); Denoiser b = new Denoiser(back)) {
			assertArrayEquals(a.denoise(in, PredictionMonitor.NONE).pixels(), b.denoise(in, PredictionMonitor.NONE)
				.pixels());
		}
		assertFalse(new File(dir, ".m.aemodel.tmp").exists());
	}

	/** The filter cap is stored; files written before it existed have none and mean 512. */
	@Test
	public void maxFiltersIsStoredAndDefaultsTo512() throws IOException {
		final AutoencoderModel m = model();
		m.network = NetworkSpec.unet(3, 4).withMaxFilters(8);
		m.weights = sc.fiji.autoencoders.TestModels.randomWeights(m.networkSpec(), 11);
		m.optimizerState = null;
		final File f = new File(dir, "capped.aemodel");
		ModelFile.save(m, f);
		assertEquals(m.networkSpec(), ModelFile.load(f).networkSpec());
		assertEquals(8, ModelFile.load(f).networkSpec().maxFilters());
		final File current = new File(dir, "current.aemodel");
		ModelFile.save(model(), current);
		final File old = new File(dir, "old.aemodel");
		try (var in = new java.util.zip.ZipInputStream(new java.io.FileInputStream(current)); var out = new ZipOutputStream(
			new FileOutputStream(old)))
		{
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				byte[] data = in.readAllBytes();
				if (e.getName().equals("spec.json")) {
					final String json = new String(data, java.nio.charset.StandardCharsets.UTF_8);
					final String without = json.replaceAll(",\\s*\"maxFilters\":\\s*512", "");
					assertTrue(json.contains("\"maxFilters\"") && !without.contains("maxFilters"), json);
					data = without.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(data);
				out.closeEntry();
			}
		}
		assertEquals(NetworkSpec.DEFAULT_MAX_FILTERS, ModelFile.load(old).networkSpec().maxFilters());
		assertEquals(model().network, ModelFile.load(old).network);
	}

	@Test
	public void wrongKindIsAClearError() {
		final AutoencoderModel m = model();
		final File f = new File(dir, "d.aemodel");
		ModelFile.save(m, f);
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.load(f, ModelKind.VAE));
		assertTrue(e.getMessage().contains("is a denoiser model"), e.getMessage());
	}

	@Test
	public void damagedFilesAreClearErrors() throws IOException {
		final File f = new File(dir, "m.aemodel");
		ModelFile.save(model(), f);
		final byte[] bytes = Files.readAllBytes(f.toPath());
		final File truncated = new File(dir, "t.aemodel");
		Files.write(truncated.toPath(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertMessage(truncated, "damaged");
		final File text = new File(dir, "x.aemodel");
		Files.write(text.toPath(), "hello".getBytes());
		assertMessage(text, "damaged");
		assertMessage(new File(dir, "missing.aemodel"), "not found");
		final File evil = new File(dir, "evil.aemodel");
		try (ZipOutputStream z = new ZipOutputStream(new FileOutputStream(evil))) {
			z.putNextEntry(new ZipEntry("../../etc/passwd"));
			z.write(1);
			z.closeEntry();
		}
		assertMessage(evil, "unexpected entry");
	}

	@Test
	public void newerFormatVersionAsksForAnUpdate() throws IOException {
		final File f = new File(dir, "v.aemodel");
		try (ZipOutputStream z = new ZipOutputStream(new FileOutputStream(f))) {
			z.putNextEntry(new ZipEntry("spec.json"));
			z.write(("{\"format\":\"fiji-autoencoders-model\",\"formatVersion\":99}").getBytes());
			z.closeEntry();
			z.putNextEntry(new ZipEntry("weights.bin"));
			z.closeEntry();
		}
		assertMessage(f, "Update Fiji Autoencoders");
	}

	@Test
	public void failedSaveKeepsThePreviousFile() throws IOException {
		final File f = new File(dir, "keep.aemodel");
		ModelFile.save(model(), f);
		final byte[] before = Files.readAllBytes(f.toPath());
		final AutoencoderModel broken = model();
		broken.normalization = null; // writing spec.json fails half-way
		assertThrows(RuntimeException.class, () -> ModelFile.save(broken, f));
		assertArrayEquals(before, Files.readAllBytes(f.toPath()));
		assertFalse(new File(dir, ".keep.aemodel.tmp").exists());
	}

	private static void assertMessage(final File f, final String part) {
		final BadInputException e = assertThrows(BadInputException.class, () -> ModelFile.load(f));
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
