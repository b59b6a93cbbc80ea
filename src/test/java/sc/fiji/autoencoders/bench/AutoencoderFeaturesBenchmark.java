package sc.fiji.autoencoders.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.model.Regularizer;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Vae;
import sc.fiji.autoencoders.train.Corruption;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.VaeTrainer;

/**
 * Issue 15's feature benchmarks on Fashion-MNIST: trains one autoencoder (or VAE) on the 60,000 training images and
 * writes, for bench/autoencoder_features.py, the codes of the first 6,000 training and of the 10,000 test images
 * (CSV), and one line of measures: test squared error per image ([0, 1] units, the training loss), fraction of code
 * values near zero (|c| below 1 % of the largest |c| of its unit over the test images), mean Frobenius norm of the
 * encoder's Jacobian on 500 test images, and, for linear, the decoder's columns (decode(e_j) - decode(0)).
 *
 * <p>
 * Arguments: DATA_DIR OUT_DIR NAME KIND(none|sparse|contractive|linear|vae) WEIGHT(or beta) CODE EPOCHS MINUTES
 * [LEARNING_RATE [CORRUPTION [SEED]]] (CORRUPTION as {@code train-autoencoder --corruption}: none, mask:F, pixels:F,
 * noise:S; SEED 42 unless given)
 */
public final class AutoencoderFeaturesBenchmark {

	public static void main(final String[] args) throws IOException {
		final File data = new File(args[0]), out = new File(args[1]);
		final String name = args[2], kind = args[3];
		final float weight = Float.parseFloat(args[4]);
		final int code = Integer.parseInt(args[5]), epochs = Integer.parseInt(args[6]);
		final double minutes = Double.parseDouble(args[7]);
		out.mkdirs();
		final List<Plane> train = ImagePlanes.planes(ImageFiles.openAll(List.of(new File(data,
			"train-images-idx3-ubyte.gz"))).get(0));
		final List<Plane> test = ImagePlanes.planes(ImageFiles.openAll(List.of(new File(data,
			"t10k-images-idx3-ubyte.gz"))).get(0));
		final TrainingConfig c = TrainingConfig.vae();
		c.epochs = epochs;
		c.minutes = minutes;
		c.earlyStopPatience = 0;
		c.seed = args.length > 10 ? Long.parseLong(args[10]) : 42;
		if (args.length > 8) c.learningRate = Float.parseFloat(args[8]);
		final VaeSpec spec = kind.equals("vae") ? new VaeSpec(28, 28, code, 2, 32, Likelihood.BERNOULLI, weight)
			: VaeSpec.autoencoder(28, 28, code, 2, 32, Regularizer.parse(kind), weight);
		final long t0 = System.nanoTime();
		final Corruption corruption = Corruption.parse(args.length > 9 ? args[9] : "none");
		final AutoencoderModel m = new VaeTrainer(TrainingImages.planes(train), spec, c, 0).corruption(corruption)
			.process();
		final double seconds = (System.nanoTime() - t0) / 1e9;
		ModelFile.save(m, new File(out, name + ".aemodel"));
		try (Vae ae = new Vae(m)) {
			final float[] trainCodes = encode(ae, train.subList(0, 6000)), testCodes = encode(ae, test);
			write(new File(out, name + "-train6000.csv"), trainCodes, code);
			write(new File(out, name + "-test.csv"), testCodes, code);
			double se = 0;
			for (int start = 0; start < test.size(); start += 1000) {
				final List<Plane> chunk = test.subList(start, start + 1000);
				final List<Plane> rec = ae.reconstruct(chunk);
				for (int i = 0; i < chunk.size(); i++) {
					final float[] a = chunk.get(i).pixels(), b = rec.get(i).pixels();
					for (int k = 0; k < a.length; k++) {
						final double d = (a[k] - b[k]) / 255.0;
						se += d * d;
					}
				}
			}
			se /= test.size();
			final double near = nearZero(testCodes, code);
			double jac = Double.NaN;
			if (!ae.isVae()) {
				jac = 0;
				for (final double v : ae.jacobianNorms(test.subList(0, 500)))
					jac += v;
				jac /= 500;
			}
			if (kind.equals("linear")) {
				final float[] e = new float[(code + 1) * code];
				for (int j = 0; j < code; j++)
					e[(j + 1) * code + j] = 1;
				final List<Plane> d = ae.decode(e);
				final float[] cols = new float[code * 784];
				for (int j = 0; j < code; j++)
					for (int k = 0; k < 784; k++)
						cols[j * 784 + k] = (d.get(j + 1).pixels()[k] - d.get(0).pixels()[k]) / 255f;
				write(new File(out, name + "-decoder.csv"), cols, 784);
			}
			final String line = String.format(Locale.ROOT,
				"%s kind=%s weight=%g code=%d corruption=%s seed=%d lr=%g epochs=%d steps=%d seconds=%.0f test_squared_error=%.3f near_zero=%.3f " +
					"jacobian_norm=%.3f", name, kind, weight, code, corruption, c.seed, c.learningRate, m.history.size(), m.steps, seconds, se, near, jac);
			System.out.println(line);
			try (PrintWriter w = new PrintWriter(new java.io.FileWriter(new File(out, "measures.txt"), StandardCharsets.UTF_8,
				true)))
			{
				w.println(line);
			}
		}
	}

	private static float[] encode(final Vae ae, final List<Plane> images) {
		final List<float[]> parts = new ArrayList<>();
		for (int start = 0; start < images.size(); start += 1000)
			parts.add(ae.encode(images.subList(start, Math.min(images.size(), start + 1000)))[0]);
		int n = 0;
		for (final float[] p : parts)
			n += p.length;
		final float[] all = new float[n];
		int at = 0;
		for (final float[] p : parts) {
			System.arraycopy(p, 0, all, at, p.length);
			at += p.length;
		}
		return all;
	}

	/** Fraction of values below 1 % of their unit's largest magnitude (scale-free: a unit shrunk as a whole does not count). */
	static double nearZero(final float[] codes, final int k) {
		final int n = codes.length / k;
		final double[] max = new double[k];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < k; j++)
				max[j] = Math.max(max[j], Math.abs(codes[i * k + j]));
		long near = 0;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < k; j++)
				if (Math.abs(codes[i * k + j]) <= 0.01 * max[j]) near++;
		return near / (double) codes.length;
	}

	private static void write(final File f, final float[] rows, final int k) throws IOException {
		try (PrintWriter w = new PrintWriter(f, StandardCharsets.UTF_8)) {
			for (int i = 0; i < rows.length / k; i++) {
				final StringBuilder sb = new StringBuilder();
				for (int j = 0; j < k; j++)
					sb.append(j == 0 ? "" : ",").append(rows[i * k + j]);
				w.println(sb);
			}
		}
	}
}
