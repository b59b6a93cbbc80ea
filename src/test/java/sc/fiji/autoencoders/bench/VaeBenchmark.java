package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.IdxFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.VaeNetwork;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.predict.Montage;
import sc.fiji.autoencoders.predict.Vae;
import sc.fiji.autoencoders.predict.VaeScores;
import sc.fiji.autoencoders.train.AdamOptimizer;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.VaeTrainer;

/**
 * VAE benchmark (issue 3): full Fashion-MNIST, latent 16, conv 32/64 stride 2 with a mirrored decoder. Prints the
 * test negative ELBO after 3 and after the last epoch, the plugin's training throughput beside the raw graph's, and
 * writes a grid of 64 samples. Usage: VaeBenchmark DATA_DIR EPOCHS OUT_PNG [raw-only]
 */
public final class VaeBenchmark {

	public static void main(final String[] args) throws Exception {
		final File data = new File(args[0]);
		final int epochs = Integer.parseInt(args[1]);
		final VaeSpec spec = new VaeSpec(28, 28, 16, 2, 32, Likelihood.BERNOULLI, 1);
		final int batch = Integer.getInteger("batch", TrainingConfig.VAE_BATCH);
		final double raw = rawImagesPerSecond(spec, batch);
		System.out.println(String.format(Locale.ROOT, "{\"bench\":\"vae-raw-graph\",\"batch\":%d,\"images_per_s\":%.0f}",
			batch, raw));
		if (args.length > 3) return;
		final List<Plane> train = IdxFiles.readIdx(new File(data, "train-images-idx3-ubyte.gz"));
		final List<Plane> test = IdxFiles.readIdx(new File(data, "t10k-images-idx3-ubyte.gz"));
		final TrainingConfig c = TrainingConfig.vae(); // the defaults users get
		c.epochs = epochs;
		c.batchSize = Integer.getInteger("batch", c.batchSize);
		c.learningRate = Float.parseFloat(System.getProperty("lr", String.valueOf(c.learningRate)));
		c.earlyStopPatience = 0;
		c.validationFraction = 1.0 / 60;
		final VaeTrainer t = new VaeTrainer(TrainingImages.planes(train), spec, c, 0);
		final long[] stepNanos = { 0 };
		final long[] last = { 0 };
		final int[] steps = { 0 };
		t.addListener(e -> {
			final long now = System.nanoTime();
			if (e.type == TrainingEvent.Type.STEP) {
				// time steps only (not validation), skipping each epoch's first step
				if (e.step > 1) {
					stepNanos[0] += now - last[0];
					steps[0]++;
				}
			}
			else System.out.println(e.message);
			last[0] = now;
		});
		final List<String> results = new ArrayList<>();
		t.setCheckpoint(m -> {
			if (m.history.size() == 3 || m.history.size() == epochs) {
				final double nelbo = VaeScores.of(m, test, 1).negativeElbo;
				results.add(String.format(Locale.ROOT, "\"test_nelbo_epoch_%d\":%.2f", m.history.size(), nelbo));
				System.out.println("test negative ELBO after epoch " + m.history.size() + ": " + nelbo);
			}
		});
		final long t0 = System.nanoTime();
		final var model = t.process();
		final double wall = (System.nanoTime() - t0) / 1e9;
		final double ips = steps[0] * (double) c.batchSize / (stepNanos[0] / 1e9);
		ModelFile.save(model, new File("bench/out/fashion-vae.aemodel"));
		try (Vae vae = new Vae(model)) {
			final var imp = ImagePlanes.toImagePlus("samples", List.of(Montage.grid(vae.generate(64, 1, 1), 8)), 1, 1, 1);
			imp.setProcessor(imp.getProcessor().convertToByte(true));
			ImageOutputs.writePng(imp, new File(args[2]));
		}
		System.out.println(String.format(Locale.ROOT,
			"{\"bench\":\"vae-fashion-mnist\",\"lr\":%g,\"batch\":%d,\"epochs\":%d,%s,\"best_validation_nelbo\":%.2f,\"plugin_images_per_s\":%.0f," +
				"\"raw_images_per_s\":%.0f,\"plugin_over_raw\":%.3f,\"wall_s\":%.0f}", c.learningRate, c.batchSize, epochs, String.join(",", results),
			model.history.best().validationMetric, ips, raw, ips / raw, wall));
	}

	/** The same graph trained with prepared tensors only: the ceiling for the plugin's throughput. */
	static double rawImagesPerSecond(final VaeSpec spec, final int b) {
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
			final Placeholder<TFloat32> eps = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16)));
			final TrainableParameters params = new TrainableParameters(tf, null, 1);
			final VaeNetwork net = new VaeNetwork(tf, spec, params);
			final Operand<TFloat32>[] q = net.encode(x);
			final Operand<TFloat32> loss = tf.math.mean(tf.math.add(net.reconstructionNll(x, net.decodeLogits(net.sample(
				q[0], q[1], eps))), net.kl(q[0], q[1])), tf.constant(0));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, null);
			try (Session s = Sessions.create(g, 0); var tx = Tensors.of(DenoiserSpeedBenchmark.random(b * 784, 1), b, 28,
				28, 1); var te = Tensors.of(new float[b * 16], b, 16))
			{
				final int warm = 20, steps = 200;
				long t0 = 0;
				for (int i = 1; i <= warm + steps; i++) {
					if (i == warm + 1) t0 = System.nanoTime();
					final List<AutoCloseable> owned = new ArrayList<>();
					final Session.Runner r = s.runner().feed(x, tx).feed(eps, te).fetch(loss);
					adam.feed(r, 1e-3f, i, owned);
					adam.updates().forEach(r::addTarget);
					try (var res = r.run()) {
						// loss fetched as the trainer does
					}
					for (final AutoCloseable c : owned)
						((org.tensorflow.Tensor) c).close();
				}
				return steps * (double) b / ((System.nanoTime() - t0) / 1e9);
			}
		}
	}
}
