package sc.fiji.autoencoders.train;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserMethod;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.Precision;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.model.Weights;

/**
 * Trains a denoiser on noisy planes only by Neighbor2Neighbor (Huang et al., CVPR 2021), the self-supervised successor
 * of Noise2Void for pixel-independent noise: each noisy patch of 2P x 2P pixels is sub-sampled twice
 * ({@link NeighborSubsampler}) into two P x P images of the same scene one pixel apart with independent noise, and the
 * network learns to map the first to the second, with a loss on every pixel (Noise2Void has one on its 1-5% masked
 * pixels), plus the paper's regulariser, which corrects for the one-pixel offset between the two halves:
 *
 * <pre>
 * loss = mean (f(g1(y)) - g2(y))^2 + gamma * mean (f(g1(y)) - g2(y) - (g1(f(y)) - g2(f(y))))^2
 * </pre>
 *
 * where f(y), the network on the whole patch, is computed without gradient (a forward pass before each step), and
 * gamma rises linearly from 0 to {@link #GAMMA} over the run (the loop's {@link TrainingLoop#progress()}: time budget
 * or epochs), as in the paper's code. The
 * network is an ordinary (residual) denoiser without a blind spot, so the model denoises like any other; it is stored
 * as a {@code noisy}-mode model without masking. The validation loss is this loss at the final gamma on fixed
 * validation patches and draws (there is no clean image, no PSNR).
 */
public final class Neighbor2NeighborTrainer extends AbstractTrainer<Neighbor2NeighborTrainer> {

	/** The regulariser's final weight (the paper's 2, with its linear ramp from 0). */
	public static final float GAMMA = 2f;

	private final List<Plane> noisy;
	private final NetworkSpec spec;

	/**
	 * @param noisy the noisy planes; the network trains on sub-images of config.patchSize, cut from patches of twice
	 *          that side (less when a plane is smaller than that, see {@link #subPatch})
	 */
	public Neighbor2NeighborTrainer(final List<Plane> noisy, final NetworkSpec spec, final TrainingConfig config) {
		super(config);
		this.noisy = noisy;
		this.spec = spec;
	}

	@Override
	protected void validate() {
		final NetworkSpec net = DenoiserTrainer.checkedNetwork(config, resume, spec);
		if (net.dims() != 2) throw new BadInputException("Neighbor2Neighbor trains 2D networks: use dims 2.");
		if (noisy == null || noisy.isEmpty()) throw new BadInputException(
			"No training images: give at least one noisy image or stack.");
		if (config.patchSize % net.sizeMultiple() != 0 || config.patchSize < 2 * net.sizeMultiple()) {
			throw new BadInputException("Patch size " + config.patchSize + " does not fit a network of depth " + net
				.depth() + ": use a multiple of " + net.sizeMultiple() + " of at least " + 2 * net.sizeMultiple() +
				" (e.g. --patch 64).");
		}
		// the sub-images are half the size of the noisy patches they come from: smaller planes get smaller patches
		final int p = subPatch(net);
		if (p < 2 * net.sizeMultiple()) {
			final Plane small = smallest();
			throw new BadInputException("Noisy image " + (noisy.indexOf(small) + 1) + " is " + small.width() + "x" + small
				.height() + ": Neighbor2Neighbor cuts patches of twice the network's input, which needs images of at " +
				"least " + 4 * net.sizeMultiple() + "x" + 4 * net.sizeMultiple() + " pixels for depth " + net.depth() +
				": use larger images, a shallower network (--depth), or Noise2Void (--noisy-method noise2void).");
		}
		TrainingData.checkPlanes(noisy, "Noisy image", 2 * p);
		if (resume == null) DenoiserTrainer.checkNotConstant(noisy, "noisy images");
	}

	@Override
	public AutoencoderModel process() {
		validate();
		final NetworkSpec net = resume != null ? resume.network : spec;
		final Normalization norm = resume != null ? resume.normalization : Normalization.fromPlanes(noisy);
		final int p = subPatch(net), full = 2 * p;
		final PatchSampler.Split split = PatchSampler.split(noisy, config.validationFraction, full, config.seed);
		final PatchSampler sampler = new PatchSampler(split.training(), full, config.seed);
		final NeighborSubsampler sub = new NeighborSubsampler(full);
		final Random drawRng = new Random(config.seed ^ 0x5DEECE66DL);
		final float[] valPatches = new PatchSampler(split.validation(), full, config.seed + 1).fixedBatch(
			config.validationPatches, config.seed + 2);
		norm.normalize(valPatches);
		final NeighborSubsampler.Draw valDraw = sub.draw(valPatches, new Random(config.seed + 3));
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.withName("noisy").placeholder(TFloat32.class, Placeholder.shape(
				DenoiserNetwork.inputShape(net, -1)));
			final Placeholder<TFloat32> y = tf.withName("target").placeholder(TFloat32.class);
			final Placeholder<TFloat32> expDiff = tf.withName("exp_diff").placeholder(TFloat32.class);
			final Placeholder<TFloat32> gamma = tf.withName("gamma").placeholder(TFloat32.class);
			final TrainableParameters params = new TrainableParameters(tf, resume != null ? resume.weights : null,
				config.seed);
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, net, params);
			final Operand<TInt32> all = tf.constant(new int[] { 0, 1, 2, 3 });
			final Operand<TFloat32> diff = tf.math.sub(out, y);
			final Operand<TFloat32> loss = tf.math.add(tf.math.mean(tf.math.square(diff), all), tf.math.mul(gamma, tf.math
				.mean(tf.math.square(tf.math.sub(diff, expDiff)), all)));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, resume != null ? resume.optimizerState : null);
			try (Session session = Sessions.create(g, config.threads, Precision.parse(config.precision).mixed());
				BatchPrefetcher batches = new BatchPrefetcher(() -> {
					final float[] patches = sampler.nextBatch(config.batchSize);
					norm.normalize(patches);
					final NeighborSubsampler.Draw d = sub.draw(patches, drawRng);
					// the draw's indices travel as floats (exact: a batch has far fewer than 2^24 pixels)
					return new float[][] { patches, toFloats(d.first), toFloats(d.second) };
				}))
			{
				if ((long) config.batchSize * full * full >= 1 << 24) throw new BadInputException("Batch " + config
					.batchSize + " of " + full + "x" + full + " patches is too large for Neighbor2Neighbor: use a smaller " +
					"batch or patch.");
				final DenoiserMethod method = DenoiserMethods.of(DenoiserMethods.NEIGHBOR2NEIGHBOR);
				final TrainingLoop loop = newLoop(config, method.validationLabel(), method.metricLabel(), c -> model(net,
					norm, c, adam.state(session)), h -> true);
				final TrainingLoop.Problem problem = new TrainingLoop.Problem() {

					@Override
					public double step(final long globalStep, final float lr) {
						final float[][] b = batches.next();
						final int[] first = toInts(b[1]), second = toInts(b[2]);
						final float[] g1 = NeighborSubsampler.Draw.pick(b[0], first);
						final float[] g2 = NeighborSubsampler.Draw.pick(b[0], second);
						final float[] fy = forward(session, x, out, b[0], full);
						final float[] exp = new float[first.length];
						for (int i = 0; i < exp.length; i++)
							exp[i] = fy[first[i]] - fy[second[i]];
						// the loop's clock: gamma reaches its final value as the run ends, by time or by epochs
						final double progress = loop.progress();
						final long[] shape = { config.batchSize, p, p, 1 };
						try (var tx = Tensors.of(g1, shape); var ty = Tensors.of(g2, shape); var te = Tensors.of(exp, shape);
							var tg = Tensors.scalar((float) (GAMMA * progress)))
						{
							final Session.Runner r = session.runner().feed(x, tx).feed(y, ty).feed(expDiff, te).feed(gamma, tg)
								.fetch(loss);
							return adam.step(r, lr, globalStep);
						}
					}

					@Override
					public double[] validate() {
						final double l = validationLoss(session, x, out, valPatches, valDraw, full);
						return new double[] { l, l };
					}

					@Override
					public Weights snapshot() {
						return DenoiserTrainer.read(session, params);
					}

					@Override
					public void restore(final Weights weights, final long stepsDone) {
						adam.restart(session, weights, stepsDone);
					}
				};
				final TrainingLoop.Outcome o = run(loop, problem);
				return model(net, norm, o, adam.state(session));
			}
		}
	}

	/**
	 * The side of the sub-images the network trains on: the configured patch size, or, when the smallest plane is less
	 * than twice that, the largest multiple of the network's size multiple that fits in half of it.
	 */
	int subPatch(final NetworkSpec net) {
		final Plane small = smallest();
		final int m = net.sizeMultiple();
		return Math.min(config.patchSize, Math.min(small.width(), small.height()) / 2 / m * m);
	}

	private Plane smallest() {
		Plane small = noisy.get(0);
		for (final Plane pl : noisy)
			if (Math.min(pl.width(), pl.height()) < Math.min(small.width(), small.height())) small = pl;
		return small;
	}

	/**
	 * The validation loss at the final gamma: {@code mean (f(g1) - g2)^2 + GAMMA * mean (f(g1) - g2 - (g1(f(y)) -
	 * g2(f(y))))^2} over the fixed validation patches and draw.
	 */
	private double validationLoss(final Session s, final Placeholder<TFloat32> x, final Operand<TFloat32> out,
		final float[] patches, final NeighborSubsampler.Draw draw, final int full)
	{
		final float[] fy = forward(s, x, out, patches, full);
		final float[] g1 = NeighborSubsampler.Draw.pick(patches, draw.first);
		final float[] f1 = forward(s, x, out, g1, full / 2);
		double rec = 0, reg = 0;
		for (int i = 0; i < g1.length; i++) {
			final double d = f1[i] - patches[draw.second[i]];
			final double e = d - (fy[draw.first[i]] - fy[draw.second[i]]);
			rec += d * d;
			reg += e * e;
		}
		return (rec + GAMMA * reg) / g1.length;
	}

	/** The network's output on square patches of side {@code side}, in batches of the configured size. */
	private float[] forward(final Session s, final Placeholder<TFloat32> x, final Operand<TFloat32> out,
		final float[] patches, final int side)
	{
		final int n = side * side, count = patches.length / n;
		final float[] result = new float[patches.length];
		for (int start = 0; start < count; start += config.batchSize) {
			final int b = Math.min(config.batchSize, count - start);
			final float[] in = new float[b * n];
			System.arraycopy(patches, start * n, in, 0, b * n);
			try (var t = Tensors.of(in, b, side, side, 1); var r = s.runner().feed(x, t).fetch(out).run()) {
				Tensors.copy(r.get(0), in);
			}
			System.arraycopy(in, 0, result, start * n, b * n);
		}
		return result;
	}

	private AutoencoderModel model(final NetworkSpec net, final Normalization norm, final TrainingLoop.Outcome o,
		final Weights optimizerState)
	{
		final AutoencoderModel m = new AutoencoderModel();
		m.kind = ModelKind.DENOISER;
		m.network = net;
		m.normalization = norm;
		m.noise = "none";
		m.mode = TrainingMode.NOISY;
		m.method = DenoiserMethods.NEIGHBOR2NEIGHBOR;
		m.data = "Neighbor2Neighbor on " + noisy.size() + " noisy planes (no clean image), 2D";
		m.patchSize = subPatch(net);
		m.history = o.history;
		m.weights = o.best;
		m.optimizerState = optimizerState;
		m.steps = o.steps;
		m.learningRate = o.learningRate;
		m.seed = config.seed;
		final TrainingConfig settings = config.copy();
		settings.precision = Precision.parse(config.precision).resolved();
		m.trainingSettings = settings.toJson();
		m.created = Instant.now().toString();
		return m;
	}

	private static float[] toFloats(final int[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++)
			f[i] = v[i];
		return f;
	}

	private static int[] toInts(final float[] v) {
		final int[] a = new int[v.length];
		for (int i = 0; i < v.length; i++)
			a[i] = (int) v[i];
		return a;
	}
}
