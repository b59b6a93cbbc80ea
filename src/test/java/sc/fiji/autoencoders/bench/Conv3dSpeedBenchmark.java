package sc.fiji.autoencoders.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Layers;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.train.AdamOptimizer;

/**
 * Training step time of a 3D denoiser (issue 13) with its 3D convolutions built both ways in one run: 2D convolutions
 * over Z-shifted planes (before) and TensorFlow's Conv3D with the Java-registered gradient (after), in float32 and in
 * bfloat16 (oneDNN auto mixed precision; training uses Conv3D in float32 only, see Precision#mixed(NetworkSpec), but
 * the bfloat16 Conv3D step is timed too). The configurations take turns, in rounds, so that a change of machine load
 * hits all of them alike. Prints one JSON line per configuration and one with the ratios.
 * <p>
 * Usage: {@code Conv3dSpeedBenchmark [DEPTH FILTERS MAX_FILTERS PATCH PLANES BATCH ZPOOL ROUNDS STEPS]}, ZPOOL a string
 * of 0/1 per level (default: the 3D benchmark's first network, depth 3, 16 filters, at most 64, 48x48x16 patches, batch
 * 4, Z pooled at levels 2 and 3).
 */
public final class Conv3dSpeedBenchmark {

	public static void main(final String[] args) {
		final int depth = arg(args, 0, 3), filters = arg(args, 1, 16), maxFilters = arg(args, 2, 64), patch = arg(args,
			3, 48), planes = arg(args, 4, 16), batch = arg(args, 5, 4), rounds = arg(args, 7, 2), steps = arg(args, 8, 8);
		final String zpool = args.length > 6 ? args[6] : "011";
		final boolean[] z = new boolean[depth];
		for (int i = 0; i < depth; i++)
			z[i] = zpool.charAt(i) == '1';
		final NetworkSpec spec = NetworkSpec.unet(depth, filters).withMaxFilters(maxFilters).threeD(z).validate();
		Graphs.loadNative();
		final Map<String, List<Double>> times = new LinkedHashMap<>();
		for (int r = 0; r < rounds; r++)
			for (final boolean bf16 : new boolean[] { false, true })
				for (final Layers.Conv3dOps ops : Layers.Conv3dOps.values())
					times.computeIfAbsent(ops + (bf16 ? " bfloat16" : " float32"), k -> new ArrayList<>()).add(step(spec, ops,
						bf16, batch, planes, patch, steps));
		final Map<String, Double> best = new LinkedHashMap<>();
		// what DenoiserTrainer ran before (shifted planes, bfloat16 where the CPU has it) and runs now (Conv3D, float32:
		// Precision.mixed(NetworkSpec))
		final boolean mixed = sc.fiji.autoencoders.model.Precision.AUTO.mixed();
		final String old = "SHIFTED_PLANES " + (mixed ? "bfloat16" : "float32"), now = "CONV3D float32";
		times.forEach((k, v) -> {
			best.put(k, v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
			System.out.println(String.format(Locale.ROOT,
				"{\"bench\":\"conv3d-train-step\",\"network\":\"%s\",\"batch\":%d,\"patch\":\"%dx%dx%d\",\"config\":\"%s\"," +
					"\"ms_per_step_per_round\":%s,\"best_ms_per_step\":%.1f}", spec, batch, patch, patch, planes, k, v.stream()
						.map(t -> String.format(Locale.ROOT, "%.1f", t * 1e3)).collect(java.util.stream.Collectors.toList()), best.get(k) * 1e3));
		});
		System.out.println(String.format(Locale.ROOT,
			"{\"bench\":\"conv3d-train-step-ratio\",\"planes_over_conv3d_float32\":%.2f," +
				"\"planes_over_conv3d_bfloat16\":%.2f,\"planes_float32_over_conv3d_bfloat16\":%.2f," +
				"\"old_training_over_new\":%.2f,\"old_training\":\"%s\",\"new_training\":\"%s\"}", best.get(
					"SHIFTED_PLANES float32") / best.get("CONV3D float32"), best.get("SHIFTED_PLANES bfloat16") / best.get(
						"CONV3D bfloat16"), best.get("SHIFTED_PLANES float32") / best.get("CONV3D bfloat16"), best.get(old) / best
							.get(now), old, now));
	}

	/** Seconds per Adam step of the bare training graph, fed prepared tensors (after 2 warm-up steps). */
	private static double step(final NetworkSpec spec, final Layers.Conv3dOps ops, final boolean bf16, final int b,
		final int d, final int p, final int steps)
	{
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(DenoiserNetwork.inputShape(spec,
				-1)));
			final Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(DenoiserNetwork.inputShape(spec,
				-1)));
			final TrainableParameters params = new TrainableParameters(tf, null, 1);
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, spec, params, ops);
			final Operand<TFloat32> loss = tf.math.mean(tf.math.squaredDifference(out, y), tf.constant(new int[] { 0, 1, 2,
				3, 4 }));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, null);
			final Random rng = new Random(1);
			final float[] in = new float[b * d * p * p], target = new float[in.length];
			for (int i = 0; i < in.length; i++) {
				target[i] = rng.nextFloat();
				in[i] = target[i] + 0.1f * (float) rng.nextGaussian();
			}
			try (Session s = Sessions.create(g, 0, bf16); var tx = Tensors.of(in, b, d, p, p, 1); var ty = Tensors.of(
				target, b, d, p, p, 1))
			{
				long t0 = 0;
				for (int i = 1; i <= 2 + steps; i++) {
					if (i == 3) t0 = System.nanoTime();
					final List<AutoCloseable> owned = new ArrayList<>();
					final Session.Runner r = s.runner().feed(x, tx).feed(y, ty).fetch(loss);
					adam.feed(r, 1e-3f, i, owned);
					adam.updates().forEach(r::addTarget);
					try (var res = r.run()) {
						// the loss is fetched as the trainer does
					}
					for (final AutoCloseable c : owned)
						((org.tensorflow.Tensor) c).close();
				}
				return (System.nanoTime() - t0) / 1e9 / steps;
			}
		}
	}

	private static int arg(final String[] args, final int i, final int otherwise) {
		return args.length > i ? Integer.parseInt(args[i]) : otherwise;
	}
}
