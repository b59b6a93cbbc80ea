package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.noise.NoiseModel;

import sc.fiji.autoencoders.model.TrainingHistory;

import sc.fiji.autoencoders.model.Normalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.DenoiserNetwork;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Precision;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.Weights;

/**
 * Trains a denoising network on clean planes, corrupting random patches on the fly with a {@link NoiseModel}. Follows
 * the engine pattern: configure, {@link #checkInput()}, {@link #process()}, and {@link #cancel()} from another thread
 * (the best model so far is returned).
 * <p>
 * A headless script is three lines:
 *
 * <pre>
 * DenoiserTrainer t = new DenoiserTrainer(planes, NoiseModels.parse("gaussian:25"), NetworkSpec.unet(2, 32), config);
 * AutoencoderModel m = t.process();
 * ModelFile.save(m, new File("denoiser.aemodel"));
 * </pre>
 */
public final class DenoiserTrainer extends AbstractTrainer<DenoiserTrainer> {

	private final List<Plane> clean;
	private final NoiseModel noise;
	private final NetworkSpec spec;
	/** 3D: the clean Z stacks (then {@link #clean} holds all their planes), or null for a 2D network. */
	private final List<Volume> volumes;

	public DenoiserTrainer(final List<Plane> clean, final NoiseModel noise, final NetworkSpec spec,
		final TrainingConfig config)
	{
		this(clean, null, noise, spec, config);
	}

	private DenoiserTrainer(final List<Plane> clean, final List<Volume> volumes, final NoiseModel noise,
		final NetworkSpec spec, final TrainingConfig config)
	{
		super(config);
		this.clean = clean;
		this.volumes = volumes;
		this.noise = noise;
		this.spec = spec;
	}

	/**
	 * Trains a 3D network ({@code spec.dims()} 3) on clean Z stacks with noise added on the fly, from patches of
	 * {@code config.patchDepth} x {@code config.patchSize} x {@code config.patchSize} voxels.
	 */
	public static DenoiserTrainer volumes(final List<Volume> clean, final NoiseModel noise, final NetworkSpec spec,
		final TrainingConfig config)
	{
		final List<Plane> planes = new ArrayList<>();
		if (clean != null) clean.forEach(v -> planes.addAll(v.planes()));
		return new DenoiserTrainer(planes, clean == null ? List.of() : clean, noise, spec, config);
	}

	@Override
	public AutoencoderModel process() {
		validate();
		final NetworkSpec net = resume != null ? resume.network : spec;
		final Normalization norm = resume != null ? resume.normalization : Normalization.fromPlanes(clean);
		final int p = config.patchSize;
		final IntFunction<float[]> sampler;
		final float[] validationClean;
		if (volumes == null) {
			final PatchSampler.Split split = PatchSampler.split(clean, config.validationFraction, p, config.seed);
			sampler = new PatchSampler(split.training(), p, config.seed)::nextBatch;
			validationClean = new PatchSampler(split.validation(), p, config.seed + 1).fixedBatch(config.validationPatches,
				config.seed + 2);
		}
		else {
			final VolumePatchSampler.Split split = VolumePatchSampler.split(volumes, config.validationFraction, p,
				config.seed);
			sampler = new VolumePatchSampler(split.training(), p, config.patchDepth, config.seed)::nextBatch;
			validationClean = new VolumePatchSampler(split.validation(), p, config.patchDepth, config.seed + 1)
				.fixedBatch(config.validationPatches, config.seed + 2);
		}
		final float[][] validation = corrupt(validationClean, norm, new Random(config.seed + 3));
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.withName("noisy").placeholder(TFloat32.class, Placeholder.shape(
				DenoiserNetwork.inputShape(net, -1)));
			final Placeholder<TFloat32> y = tf.withName("clean").placeholder(TFloat32.class, Placeholder.shape(
				DenoiserNetwork.inputShape(net, -1)));
			final TrainableParameters params = new TrainableParameters(tf, resume != null ? resume.weights : null,
				config.seed);
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, net, params);
			final Operand<TFloat32> loss = tf.math.mean(tf.math.squaredDifference(out, y), tf.constant(net.dims() == 3
				? new int[] { 0, 1, 2, 3, 4 } : new int[] { 0, 1, 2, 3 }));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, resume != null ? resume.optimizerState : null);
			final Random noiseRng = new Random(config.seed ^ 0x5DEECE66DL);
			try (Session session = Sessions.create(g, config.threads, Precision.parse(config.precision).mixed());
				BatchPrefetcher batches = new BatchPrefetcher(() -> corrupt(sampler.apply(config.batchSize), norm,
					noiseRng)))
			{
				final double noisyMse = noisyMse(validation);
				final TrainingLoop.Problem problem = new TrainingLoop.Problem() {

					@Override
					public double step(final long globalStep, final float lr) {
						final float[][] pair = batches.next();
						final List<AutoCloseable> owned = new ArrayList<>();
						try (var tx = Tensors.of(pair[0], batchShape(config.batchSize));
							var ty = Tensors.of(pair[1], batchShape(config.batchSize)))
						{
							final Session.Runner r = session.runner().feed(x, tx).feed(y, ty).fetch(loss);
							adam.feed(r, lr, globalStep, owned);
							adam.updates().forEach(r::addTarget);
							try (var result = r.run()) {
								return Tensors.scalarValue(result.get(0));
							}
						}
						finally {
							closeAll(owned);
						}
					}

					@Override
					public double[] validate() {
						final double mse = validationMse(session, x, out, validation);
						return new double[] { mse, 10 * Math.log10(1 / mse) };
					}

					@Override
					public Weights snapshot() {
						return read(session, params);
					}

					@Override
					public void restore(final Weights weights, final long stepsDone) {
						adam.restart(session, weights, stepsDone);
					}

					@Override
					public double divergenceLimit() {
						return net.residual() ? identityLossLimit(noisyMse) : Double.POSITIVE_INFINITY;
					}
				};
				final TrainingLoop.Outcome o = run(newLoop(config, "validation PSNR %.2f dB", c -> model(net, norm, c, adam
					.state(session)), h -> !net.residual() || !diverged(h, noisyMse)), problem);
				if (net.residual()) checkNotDiverged(o.history, noisyMse);
				return model(net, norm, o, adam.state(session));
			}
		}
	}

	// -- Helper methods --

	@Override
	protected void validate() {
		if (config == null) throw new BadInputException("No training settings given: pass a TrainingConfig.");
		config.validate();
		if (resume != null && !resume.isDenoiser()) throw new BadInputException(
			"Can only resume from a denoiser model, not a " + resume.kind + " model: choose a denoiser model to resume, " +
				"or train without resuming.");
		final NetworkSpec net = resume != null ? resume.network : spec;
		if (net == null) throw new BadInputException("No network given: pass a NetworkSpec such as " +
			"NetworkSpec.unet(2, 32).");
		net.validate();
		if (noise == null) throw new BadInputException("No noise model given: give a noise spec such as gaussian:25.");
		if (clean == null || clean.isEmpty()) throw new BadInputException(
			"No training images: give at least one clean image or stack.");
		if (volumes != null || net.dims() == 3) validate3d(net);
		if (config.patchSize % net.sizeMultiple() != 0 || config.patchSize < 2 * net.sizeMultiple()) {
			throw new BadInputException("Patch size " + config.patchSize + " does not fit a network of depth " + net
				.depth() + ": use a multiple of " + net.sizeMultiple() + " of at least " + 2 * net.sizeMultiple() +
				" (e.g. --patch 64).");
		}
		for (int i = 0; i < clean.size(); i++) {
			final Plane pl = clean.get(i);
			if (pl.width() < config.patchSize || pl.height() < config.patchSize) {
				throw new BadInputException("Training image " + (i + 1) + " is " + pl.width() + "x" + pl.height() +
					", smaller than the patch size " + config.patchSize + ": use a smaller patch (--patch) or larger images.");
			}
			for (final float v : pl.pixels())
				if (!Float.isFinite(v)) throw new BadInputException("Training image " + (i + 1) +
					" contains NaN or infinite pixels: replace them first (Process > Math > Remove NaNs...).");
		}
		if (resume == null) checkNotConstant(clean, "training images");
	}

	/**
	 * Throws if every pixel of the (finite) planes has one value: nothing can be learned from them, and the
	 * normalization would divide by zero. Checked here so that {@link #checkInput()} reports it before training.
	 */
	static void checkNotConstant(final List<Plane> planes, final String what) {
		final float first = planes.get(0).pixels()[0];
		for (final Plane p : planes)
			for (final float v : p.pixels())
				if (v != first) return;
		throw new BadInputException("The " + what + " are constant (every pixel is " + first + "): training needs " +
			"images with intensity variation; check that the right images were chosen.");
	}

	/**
	 * A residual network starts as the identity, so a best validation loss of twice the noisy input's (or NaN) means the
	 * run blew up (seen at depth 4 with batches of 4 at learning rate 1e-3): say so instead of saving a model that makes
	 * images worse.
	 */
	static void checkNotDiverged(final TrainingHistory history, final double noisyMse) {
		if (!diverged(history, noisyMse)) return;
		final double loss = history.best() == null ? Double.NaN : history.best().validationLoss;
		throw new BadInputException(String.format(java.util.Locale.ROOT, "Training diverged: the best validation loss " +
			"(%.4g) is worse than the noisy input's (%.4g). Train again with a lower learning rate (e.g. " +
			"--learning-rate 0.0003) or a larger batch (e.g. --batch 16).", loss, noisyMse));
	}

	/** True when the best validation loss is NaN or more than twice the noisy input's (residual networks only). */
	private static boolean diverged(final TrainingHistory history, final double noisyMse) {
		final TrainingHistory.Epoch best = history.best();
		return !(best != null && best.validationLoss < identityLossLimit(noisyMse));
	}

	/** A residual network starts as the identity, so twice the noisy input's loss means it blew up. */
	private static double identityLossLimit(final double noisyMse) {
		return 2 * noisyMse;
	}

	/** Mean squared difference between the noisy and the clean validation patches: the identity's loss. */
	private static double noisyMse(final float[][] pairs) {
		double sum = 0;
		for (int i = 0; i < pairs[0].length; i++) {
			final double d = pairs[0][i] - pairs[1][i];
			sum += d * d;
		}
		return sum / pairs[0].length;
	}

	/** Noisy and clean normalized copies of raw clean patches; noise is drawn per patch (blind models vary sigma). */
	private float[][] corrupt(final float[] cleanRaw, final Normalization norm, final Random rng) {
		final int n = patchPixels();
		final float[] noisy = cleanRaw.clone();
		final float[] patch = new float[n];
		for (int off = 0; off + n <= noisy.length; off += n) {
			System.arraycopy(noisy, off, patch, 0, n);
			noise.apply(patch, norm.high(), rng);
			System.arraycopy(patch, 0, noisy, off, n);
		}
		final float[] c = cleanRaw.clone();
		norm.normalize(noisy);
		norm.normalize(c);
		return new float[][] { noisy, c };
	}

	private double validationMse(final Session s, final Placeholder<TFloat32> x, final Operand<TFloat32> out,
		final float[][] pairs)
	{
		final int n = patchPixels();
		final int count = pairs[0].length / n;
		double sum = 0;
		for (int start = 0; start < count; start += config.batchSize) {
			final int b = Math.min(config.batchSize, count - start);
			final float[] in = new float[b * n];
			System.arraycopy(pairs[0], start * n, in, 0, b * n);
			try (var t = Tensors.of(in, batchShape(b)); var result = s.runner().feed(x, t).fetch(out).run()) {
				final float[] o = Tensors.values(result.get(0));
				for (int i = 0; i < o.length; i++) {
					final double d = o[i] - pairs[1][start * n + i];
					sum += d * d;
				}
			}
		}
		return Math.max(sum / ((double) count * n), 1e-12);
	}

	// -- 3D networks: patches in Z too --

	/** True when training a 3D network on Z stacks. */
	private boolean threeD() {
		return volumes != null;
	}

	/** Values of one patch: P*P, or D*P*P in 3D. */
	private int patchPixels() {
		return config.patchSize * config.patchSize * (threeD() ? config.patchDepth : 1);
	}

	/** The network input shape of {@code b} patches: [b, P, P, 1], or [b, D, P, P, 1] in 3D. */
	private long[] batchShape(final int b) {
		final long p = config.patchSize;
		return threeD() ? new long[] { b, config.patchDepth, p, p, 1 } : new long[] { b, p, p, 1 };
	}

	/** The 3D checks: a 3D network, Z stacks of at least a patch, a patch depth that fits the Z pooling. */
	private void validate3d(final NetworkSpec net) {
		if (volumes == null) throw new BadInputException("A 3D network trains on Z stacks: train with " +
			"DenoiserTrainer.volumes, or use a 2D network.");
		if (net.dims() != 3) throw new BadInputException("Z stacks were given for a 2D network" + (resume != null
			? " (the model to resume is 2D)" : "") + ": train a 3D network (--dims 3), or train on the planes.");
		if (volumes.isEmpty()) throw new BadInputException("No training stacks: give at least one clean Z stack.");
		final int pz = config.patchDepth, mz = net.zSizeMultiple();
		if (pz % mz != 0) throw new BadInputException("Patch depth " + pz + " does not fit a network that halves Z " +
			net.zLevels() + " time" + (net.zLevels() == 1 ? "" : "s") + ": use a multiple of " + mz + " (e.g. " +
			"--patch-depth " + Math.max(mz, pz / mz * mz) + "), or less Z pooling (--z-pooling none).");
		for (int i = 0; i < volumes.size(); i++)
			VolumePatchSampler.checkFits(volumes.get(i), i, config.patchSize, pz);
	}

	static Weights read(final Session s, final TrainableParameters params) {
		final Session.Runner r = s.runner();
		params.variables().forEach(r::fetch);
		final Weights w = new Weights();
		try (var result = r.run()) {
			for (int i = 0; i < params.names().size(); i++) {
				final String name = params.names().get(i);
				w.put(name, params.shape(name), Tensors.values(result.get(i)));
			}
		}
		return w;
	}

	private AutoencoderModel model(final NetworkSpec net, final Normalization norm, final TrainingLoop.Outcome o,
		final Weights optimizerState)
	{
		final AutoencoderModel m = new AutoencoderModel();
		m.kind = ModelKind.DENOISER;
		m.network = net;
		m.normalization = norm;
		m.noise = noise.spec();
		m.patchSize = config.patchSize;
		m.history = o.history;
		m.weights = o.best;
		m.optimizerState = optimizerState;
		m.steps = o.steps;
		m.learningRate = o.learningRate;
		m.seed = config.seed;
		final TrainingConfig settings = config.copy();
		settings.precision = Precision.parse(config.precision).resolved(); // what ran, not "auto"
		m.trainingSettings = settings.toJson();
		m.created = Instant.now().toString();
		return m;
	}

	static void closeAll(final List<AutoCloseable> owned) {
		for (final AutoCloseable c : owned) {
			try {
				c.close();
			}
			catch (final Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
