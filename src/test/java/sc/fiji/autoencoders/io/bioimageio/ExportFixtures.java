package sc.fiji.autoencoders.io.bioimageio;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.yaml.snakeyaml.Yaml;

import sc.fiji.autoencoders.TestModels;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.StructMask;
import sc.fiji.autoencoders.model.TrainingHistory;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.model.Upsampling;

/**
 * Denoisers of every kind the export handles (random non-zero weights, so the network is far from the identity and
 * every op runs): 2D clean-mode residual U-Net, 2D Noise2Void N2V2 with structN2V (blur pooling, no top skip), 2D pairs
 * (plain autoencoder, bilinear upsampling), 3D with Z pooled at the second level only; and helpers to read packages.
 */
final class ExportFixtures {

	private ExportFixtures() {}

	/** Name -> model, in a fixed order. */
	static Map<String, AutoencoderModel> models() {
		final Map<String, AutoencoderModel> m = new LinkedHashMap<>();
		final AutoencoderModel clean = model(NetworkSpec.unet(2, 8), 1);
		clean.noise = "gaussian:25";
		m.put("clean2d", clean);
		final AutoencoderModel n2v = model(NetworkSpec.unet(2, 8).withResidual(false).n2v2(), 2);
		n2v.mode = TrainingMode.NOISY;
		n2v.masking = Masking.n2v2(1).withStruct(StructMask.X);
		n2v.data = "12 noisy planes, 2D";
		m.put("n2v2d", n2v);
		final AutoencoderModel pairs = model(NetworkSpec.unet(2, 8).withArchitecture("plain").withUpsampling(
			Upsampling.BILINEAR), 3);
		pairs.mode = TrainingMode.PAIRS;
		pairs.normalization = Normalization.of(100, 4100); // 16-bit-like units: scale far from 1
		m.put("pairs2d", pairs);
		final AutoencoderModel three = model(NetworkSpec.unet(2, 4).threeD(false, true), 4);
		three.noise = "gaussian:25";
		m.put("clean3d", three);
		return m;
	}

	private static AutoencoderModel model(final NetworkSpec spec, final long seed) {
		final AutoencoderModel m = TestModels.denoiser(spec.validate(), seed);
		m.patchSize = 64;
		m.steps = 200;
		m.seed = seed;
		m.learningRate = 4e-4f;
		m.created = "2026-11-26T12:00:00Z";
		m.history.add(new TrainingHistory.Epoch(1, 100, 0.02, 0.018, 27.5, 4e-4, 12.5));
		m.history.add(new TrainingHistory.Epoch(2, 200, 0.015, 0.016, 28.1, 4e-4, 12.4));
		return m;
	}

	/** Saves the model as an .aemodel in {@code dir}. */
	static File save(final AutoencoderModel m, final File dir, final String name) {
		final File f = new File(dir, name + ModelFile.EXTENSION);
		ModelFile.save(m, f);
		return f;
	}

	/** Unzips {@code zip} into {@code dir}; returns the entry names in order. */
	static List<String> unzip(final File zip, final Path dir) throws IOException {
		final List<String> names = new java.util.ArrayList<>();
		try (InputStream in = Files.newInputStream(zip.toPath()); ZipInputStream z = new ZipInputStream(in)) {
			ZipEntry e;
			while ((e = z.getNextEntry()) != null) {
				names.add(e.getName());
				final Path p = dir.resolve(e.getName()).normalize();
				if (!p.startsWith(dir)) throw new IOException("entry outside: " + e.getName());
				if (e.isDirectory()) Files.createDirectories(p);
				else {
					Files.createDirectories(p.getParent());
					Files.copy(z, p);
				}
			}
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> rdf(final Path dir) throws IOException {
		return (Map<String, Object>) new Yaml().load(Files.readString(dir.resolve(BioImageIoExport.RDF)));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> get(final Object map, final String... path) {
		Object o = map;
		for (final String k : path)
			o = o instanceof List ? ((List<Object>) o).get(Integer.parseInt(k)) : ((Map<String, Object>) o).get(k);
		return (Map<String, Object>) o;
	}

	/** The kwargs of the first pre- or postprocessing step of the first input or output: gain, offset. */
	@SuppressWarnings("unchecked")
	static double[] scale(final Map<String, Object> rdf, final String tensors, final String steps) {
		final Map<String, Object> t = (Map<String, Object>) ((List<Object>) rdf.get(tensors)).get(0);
		final Map<String, Object> op = (Map<String, Object>) ((List<Object>) t.get(steps)).get(0);
		final Map<String, Object> kw = (Map<String, Object>) op.get("kwargs");
		return new double[] { ((Number) kw.get("gain")).doubleValue(), ((Number) kw.get("offset")).doubleValue() };
	}
}
