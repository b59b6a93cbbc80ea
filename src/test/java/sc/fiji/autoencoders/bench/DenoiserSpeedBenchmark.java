package sc.fiji.autoencoders.bench;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.InitialWeights;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Precision;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.AdamOptimizer;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingEvent;

/**
 * Speed of the denoiser (issue 2), plugin beside the raw TensorFlow graph of the same network in one run. Modes:
 * {@code train} (patch pixels/s), {@code predict} (megapixels/s), {@code memory SIZE} (peak RSS of one SIZE x SIZE
 * prediction; run it in a fresh JVM). Prints one JSON line per measurement.
 */
public final class DenoiserSpeedBenchmark {

	static final NetworkSpec SPEC = NetworkSpec.unet(2, 32);

	public static void main(final String[] args) throws Exception {
		switch (args.length > 0 ? args[0] : "all") {
			case "train":
				train();
				break;
			case "predict":
				predict();
				break;
			case "memory":
				memory(Integer.parseInt(args[1]));
				break;
			default:
				train();
				predict();
		}
	}

	/**
	 * Training speed in both precisions: float32 (plugin forced to float32 beside the raw float32 graph) and bfloat16
	 * convolutions (the plugin's {@code auto}, bfloat16 on CPUs with native bfloat16, beside the raw graph run the same
	 * way).
	 */
	static void train() {
		final int b = 16, p = 64;
		final boolean mixed = Precision.AUTO.mixed();
		final double raw = rawTrainStep(b, p, false), plugin = pluginTrainStep("float32");
		final double rawAuto = mixed ? rawTrainStep(b, p, true) : raw, pluginAuto = pluginTrainStep("auto");
		final double px = b * p * p;
		System.out.println(String.format(Locale.ROOT,
			"{\"bench\":\"denoiser-train\",\"network\":\"%s\",\"batch\":%d,\"patch\":%d,\"raw_ms_per_step\":%.1f," +
				"\"plugin_ms_per_step\":%.1f,\"raw_patch_pixels_per_s\":%.0f,\"plugin_patch_pixels_per_s\":%.0f," +
				"\"plugin_over_raw\":%.3f,\"auto_precision\":\"%s\",\"raw_auto_ms_per_step\":%.1f," +
				"\"plugin_auto_ms_per_step\":%.1f,\"plugin_auto_patch_pixels_per_s\":%.0f,\"plugin_auto_over_raw_auto\":%.3f," +
				"\"plugin_auto_speedup_over_float32\":%.3f}", SPEC, b, p, raw * 1e3, plugin * 1e3, px / raw, px / plugin,
			raw / plugin, Precision.AUTO.resolved(), rawAuto * 1e3, pluginAuto * 1e3, px / pluginAuto, rawAuto / pluginAuto,
			plugin / pluginAuto));
	}

	private static final int WARM = 5, STEPS = 30;

	/** Seconds per step of the bare graph fed prepared tensors. */
	private static double rawTrainStep(final int b, final int p, final boolean bfloat16) {
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			final Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
			final TrainableParameters params = new TrainableParameters(tf, null, 1);
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, SPEC, params);
			final Operand<TFloat32> loss = tf.math.mean(tf.math.squaredDifference(out, y), tf.constant(new int[] { 0, 1, 2,
				3 }));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, null);
			final float[] data = random(b * p * p, 1);
			try (Session s = Sessions.create(g, 0, bfloat16); var tx = Tensors.of(data, b, p, p, 1); var ty = Tensors.of(
				data, b, p, p, 1))
			{
				long t0 = 0;
				for (int i = 1; i <= WARM + STEPS; i++) {
					if (i == WARM + 1) t0 = System.nanoTime();
					final List<AutoCloseable> owned = new ArrayList<>();
					final Session.Runner r = s.runner().feed(x, tx).feed(y, ty).fetch(loss);
					adam.feed(r, 1e-3f, i, owned);
					adam.updates().forEach(r::addTarget);
					try (var res = r.run()) {
						// loss fetched as the trainer does
					}
					for (final AutoCloseable c : owned)
						((org.tensorflow.Tensor) c).close();
				}
				return (System.nanoTime() - t0) / 1e9 / STEPS;
			}
		}
	}

	/** Seconds per step of DenoiserTrainer on Train400-like data (patch sampling, noise, normalization, prefetch). */
	private static double pluginTrainStep(final String precision) {
		final List<Plane> planes = new ArrayList<>();
		for (int i = 0; i < 20; i++)
			planes.add(new Plane(180, 180, random(180 * 180, i)));
		for (final Plane pl : planes)
			for (int i = 0; i < pl.pixels().length; i++)
				pl.pixels()[i] *= 255;
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 1;
		c.stepsPerEpoch = WARM + STEPS;
		c.precision = precision;
		final long[] times = new long[WARM + STEPS + 1];
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.planes(planes), NoiseModels.parse("gaussian:25"),
			SPEC, c);
		t.addListener(e -> {
			if (e.type == TrainingEvent.Type.STEP) times[e.step] = System.nanoTime();
		});
		t.process();
		return (times[WARM + STEPS] - times[WARM]) / 1e9 / STEPS;
	}

	static void predict() {
		final AutoencoderModel m = model();
		final int size = 1024, reps = 3;
		double raw;
		try (Graph g = new Graph()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 1)));
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, SPEC, new FrozenParameters(tf, m.weights));
			try (Session s = Sessions.create(g, 0); var t = Tensors.of(random(size * size, 2), 1, size, size, 1)) {
				try (var r = s.runner().feed(x, t).fetch(out).run()) {
					// warm-up
				}
				final long t0 = System.nanoTime();
				for (int i = 0; i < reps; i++)
					try (var r = s.runner().feed(x, t).fetch(out).run()) {
						// timed: graph only, input tensor prepared once, output left in native memory
					}
				raw = (System.nanoTime() - t0) / 1e9 / reps;
			}
		}
		try (Denoiser d = new Denoiser(m)) {
			final Plane small = new Plane(size, size, random(size * size, 3));
			d.denoise(small, PredictionMonitor.NONE);
			long t0 = System.nanoTime();
			for (int i = 0; i < reps; i++)
				d.denoise(small, PredictionMonitor.NONE);
			final double plugin1k = (System.nanoTime() - t0) / 1e9 / reps;
			final int big = 4096;
			final Plane large = new Plane(big, big, random(big * big, 4));
			t0 = System.nanoTime();
			d.denoise(large, PredictionMonitor.NONE);
			final double plugin4k = (System.nanoTime() - t0) / 1e9;
			System.out.println(String.format(Locale.ROOT,
				"{\"bench\":\"denoiser-predict\",\"network\":\"%s\",\"raw_1024_s\":%.3f,\"raw_mp_per_s\":%.3f," +
					"\"plugin_1024_s\":%.3f,\"plugin_1024_mp_per_s\":%.3f,\"plugin_4096_s\":%.2f,\"plugin_4096_mp_per_s\":%.3f," +
					"\"plugin_4096_over_raw\":%.3f,\"tile\":%d,\"margin\":%d}", SPEC, raw, size * size / 1e6 / raw, plugin1k,
				size * size / 1e6 / plugin1k, plugin4k, big * (double) big / 1e6 / plugin4k, raw / (size * (double) size) /
					(plugin4k / (big * (double) big)), d.tiler().tileSize(), d.tiler().margin()));
		}
	}

	static void memory(final int size) throws Exception {
		final Plane in = new Plane(size, size, random(size * size, 5));
		try (Denoiser d = new Denoiser(model())) {
			final long t0 = System.nanoTime();
			d.denoise(in, PredictionMonitor.NONE);
			final double s = (System.nanoTime() - t0) / 1e9;
			System.out.println(String.format(Locale.ROOT,
				"{\"bench\":\"denoiser-memory\",\"size\":%d,\"seconds\":%.2f,\"peak_rss_mib\":%.0f,\"max_heap_mib\":%d}", size,
				s, peakRssKib() / 1024.0, Runtime.getRuntime().maxMemory() >> 20));
		}
	}

	// -- Helper methods --

	static AutoencoderModel model() {
		final AutoencoderModel m = new AutoencoderModel();
		m.network = SPEC;
		m.weights = InitialWeights.of(SPEC, 1);
		m.normalization = Normalization.of(0, 1);
		return m;
	}

	static float[] random(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = r.nextFloat();
		return v;
	}

	static long peakRssKib() throws Exception {
		for (final String line : Files.readAllLines(new File("/proc/self/status").toPath()))
			if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
		return -1;
	}
}
