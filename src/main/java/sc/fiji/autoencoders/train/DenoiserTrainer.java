package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.noise.NoiseModel;

import sc.fiji.autoencoders.model.TrainingHistory;

import sc.fiji.autoencoders.model.Normalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.Masking;
import sc.fiji.autoencoders.model.TrainingMode;
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
 * Trains a denoising network by one of the {@link TrainingMethod}s, each its own {@link TrainingData} and
 * {@link Objective} on the one {@link TrainingLoop}: on clean planes corrupted on the fly with a {@link NoiseModel}
 * (the constructor, {@link #clean}), on noisy planes alone by blind-spot masking ({@link #noise2Void}) or by
 * sub-sampling ({@link #neighbor2Neighbor}), or on registered input/target pairs ({@link #pairs}). Every method makes
 * the same kind of model, which denoises the same way.
 * Follows the engine pattern: configure, {@link #checkInput()}, {@link #process()}, and {@link #cancel()} from another
 * thread (the best model so far is returned).
 * <p>
 * A headless script is three lines:
 *
 * <pre>
 * DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.of(2, List.of(images)), NoiseModels.parse("gaussian:25"),
 *   NetworkSpec.unet(2, 32), config);
 * AutoencoderModel m = t.process();
 * ModelFile.save(m, new File("denoiser.aemodel"));
 * </pre>
 */
public final class DenoiserTrainer extends AbstractTrainer<DenoiserTrainer> {

	private final TrainingData data;
	private final NetworkSpec spec;

	/**
	 * Trains on clean images (planes or Z stacks, one channel or several jointly) with {@code noise} added on the fly;
	 * the network's {@code dims} and {@code channels} must be the images'.
	 */
	public static DenoiserTrainer clean(final TrainingImages clean, final NoiseModel noise, final NetworkSpec spec,
		final TrainingConfig config)
	{
		return new DenoiserTrainer(new TrainingData.CleanWithNoise(clean, noise), spec, config);
	}

	private DenoiserTrainer(final TrainingData data, final NetworkSpec spec, final TrainingConfig config) {
		super(config);
		this.data = data;
		this.spec = spec;
	}

	/**
	 * Noise2Void: trains on noisy planes or Z stacks only (there is no parameter for a clean image), by blind-spot
	 * masking (3D: the blind spot's replacement comes from the voxel's 3D neighbourhood), of one channel or several
	 * jointly (each channel masked on its own); the validation loss is the masked loss on held-out noisy patches. The
	 * network must not be residual: with the identity path, the output at a pixel would add that pixel's own noisy
	 * value back at prediction time, which is exactly what the blind spot keeps from the network; use e.g.
	 * {@code NetworkSpec.unet(2, 32).withResidual(false).n2v2()}.
	 */
	public static DenoiserTrainer noise2Void(final TrainingImages noisy, final Masking masking, final NetworkSpec spec,
		final TrainingConfig config)
	{
		return new DenoiserTrainer(new TrainingData.Noise2Void(noisy, masking), spec, config);
	}

	/**
	 * Trains on registered pairs (CARE: noisy input, clean target; Noise2Noise: two noisy acquisitions of one scene) of
	 * planes or Z stacks, of one channel or several jointly: image i of the inputs and of the targets must have one
	 * size; patches are cut at the same places. The loss is the plain squared error; each target is fitted to its input
	 * by a gain and offset (TrainingData.Pairs#fitted), then both are normalized with the inputs' normalization, so the
	 * output is in the inputs' units.
	 */
	public static DenoiserTrainer pairs(final TrainingImages inputs, final TrainingImages targets,
		final NetworkSpec spec, final TrainingConfig config)
	{
		return new DenoiserTrainer(new TrainingData.Pairs(inputs, targets), spec, config);
	}

	/**
	 * Neighbor2Neighbor: trains on noisy single-channel planes only, by sub-sampling each patch twice (see
	 * {@link Neighbor2NeighborData}); the network is an ordinary (residual) denoiser. As for {@link #noise2Void}, there
	 * is no parameter for a clean image. Planes smaller than twice {@code config.patchSize} train on smaller patches.
	 */
	public static DenoiserTrainer neighbor2Neighbor(final TrainingImages noisy, final NetworkSpec spec,
		final TrainingConfig config)
	{
		return new DenoiserTrainer(new Neighbor2NeighborData(noisy), spec, config);
	}

	/** What this trainer learns from. */
	public TrainingMode mode() {
		return data.mode();
	}

	@Override
	public AutoencoderModel process() {
		validate();
		final NetworkSpec net = resume != null ? resume.networkSpec() : spec;
		final Normalization[] norms = normalizations(net);
		data.start(config, norms, net);
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Shape shape = DenoiserNetwork.inputShape(net, -1);
			final Placeholder<TFloat32> x = tf.withName("noisy").placeholder(TFloat32.class, Placeholder.shape(shape));
			final Objective objective = data.objective(tf, x, config);
			final TrainableParameters params = new TrainableParameters(tf, resume != null ? resume.weights : null,
				config.seed);
			final Operand<TFloat32> out = DenoiserNetwork.build(tf, x, net, params);
			objective.build(tf, out);
			final AdamOptimizer adam = new AdamOptimizer(tf, objective.loss(), params, resume != null ? resume.optimizerState
				: null);
			try (Session session = Sessions.create(g, config.threads, Precision.parse(config.precision).mixed(net));
				BatchPrefetcher batches = new BatchPrefetcher(() -> data.nextArrays(config.batchSize)))
			{
				final Forward network = new Forward(session, x, out, config.batchSize);
				// a residual network starts as the identity: a run ending far above the identity's loss blew up
				final double identity = net.residual() ? objective.identityLoss() : Double.NaN;
				final TrainingLoop loop = newLoop(config, data.validationLabel(), data.metricLabel(), c -> model(net, norms,
					c, adam.state(session)), h -> Double.isNaN(identity) || !diverged(h, identity));
				final TrainingLoop.Problem problem = new TrainingLoop.Problem() {

					@Override
					public double step(final long globalStep, final float lr) {
						final List<Tensor> owned = new ArrayList<>();
						try {
							final Session.Runner r = session.runner().fetch(objective.loss());
							objective.feed(r, batches.next(), network, loop.progress(), owned);
							return adam.step(r, lr, globalStep);
						}
						finally {
							owned.forEach(Tensor::close);
						}
					}

					@Override
					public double[] validate() {
						return objective.validate(network);
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
						return Double.isNaN(identity) ? Double.POSITIVE_INFINITY : identityLossLimit(identity);
					}
				};
				final TrainingLoop.Outcome o = run(loop, problem);
				if (!Double.isNaN(identity)) checkNotDiverged(o.history, identity);
				return model(net, norms, o, adam.state(session));
			}
		}
	}

	// -- Helper methods --

	/**
	 * The network a denoiser trainer trains (the resumed model's, or {@code spec}), after checking the settings, that a
	 * resumed model is a denoiser, and the network: the checks every denoiser trainer starts with.
	 */
	static NetworkSpec checkedNetwork(final TrainingConfig config, final AutoencoderModel resume,
		final NetworkSpec spec)
	{
		if (config == null) throw new BadInputException("No training settings given: pass a TrainingConfig.");
		config.validate();
		if (resume != null && !resume.isDenoiser()) throw new BadInputException(
			"Can only resume from a denoiser model, not a " + resume.kind + " model: choose a denoiser model to resume, " +
				"or train without resuming.");
		final NetworkSpec net = resume != null ? resume.networkSpec() : spec;
		if (net == null) throw new BadInputException("No network given: pass a NetworkSpec such as " +
			"NetworkSpec.unet(2, 32).");
		return net.validate();
	}

	@Override
	protected void validate() {
		final NetworkSpec net = checkedNetwork(config, resume, spec);
		data.checkPresent();
		if (threeD() || net.dims() == 3) validate3d(net);
		if (net.channels() != data.images.channels()) throw new BadInputException("The network has " + net
			.channels() + " input channel" + (net.channels() == 1 ? "" : "s") + " but the images give " + data.images
				.channels() + (resume != null ? " (the model to resume was trained on " + net.channels() + ")" : "") +
			": train on as many channels as the network has (channels joint for all of an image's channels, pooled " +
			"or one channel for a single-channel network).");
		if (data.masked() && net.residual()) throw new BadInputException("Noise2Void needs a " +
			"network without the residual connection (its identity path would hand each pixel's own noise to the " +
			"output): train a new model, or resume from a Noise2Void model.");
		if (config.patchSize % net.sizeMultiple() != 0 || config.patchSize < 2 * net.sizeMultiple()) {
			throw new BadInputException("Patch size " + config.patchSize + " does not fit a network of depth " + net
				.depth() + ": use a multiple of " + net.sizeMultiple() + " of at least " + 2 * net.sizeMultiple() +
				" (e.g. --patch 64).");
		}
		data.checkPlanes(config, net, resume != null);
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

	// -- 3D networks: patches in Z too --

	/** True when training a 3D network on Z stacks. */
	private boolean threeD() {
		return data.images != null && data.images.dims() == 3;
	}

	/**
	 * One normalization per input channel: each channel's own percentiles (channels of one image may differ by orders
	 * of magnitude), or those of the model to resume.
	 */
	private Normalization[] normalizations(final NetworkSpec net) {
		final Normalization[] n = new Normalization[net.channels()];
		for (int c = 0; c < n.length; c++)
			n[c] = resume != null ? resume.normalization(c) : Normalization.fromImages(data.images.channel(c), data.images
				.isLazy());
		return n;
	}

	/** The 3D checks: a 3D network, Z stacks of at least a patch, a patch depth that fits the Z pooling. */
	private void validate3d(final NetworkSpec net) {
		if (!threeD()) throw new BadInputException("A 3D network trains on Z stacks, not planes: give it Z stacks " +
			"(DenoiserTrainer.volumes, TrainingImages.volumes), or use a 2D network.");
		if (net.dims() != 3) throw new BadInputException("Z stacks were given for a 2D network" + (resume != null
			? " (the model to resume is 2D)" : "") + ": train a 3D network (--dims 3), or train on the planes.");
		final int pz = config.patchDepth, mz = net.zSizeMultiple();
		if (pz % mz != 0) throw new BadInputException("Patch depth " + pz + " does not fit a network that halves Z " +
			net.zLevels() + " time" + (net.zLevels() == 1 ? "" : "s") + ": use a multiple of " + mz + " (e.g. " +
			"--patch-depth " + Math.max(mz, pz / mz * mz) + "), or less Z pooling (--z-pooling none).");
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

	private AutoencoderModel model(final NetworkSpec net, final Normalization[] norms, final TrainingLoop.Outcome o,
		final Weights optimizerState)
	{
		final AutoencoderModel m = new AutoencoderModel();
		m.kind = ModelKind.DENOISER;
		m.network = net;
		m.normalization = norms[0];
		m.channelNormalizations = norms.length > 1 ? java.util.List.of(norms) : null;
		m.noise = data.noise();
		m.mode = data.mode();
		m.method = data.method();
		m.masking = data.masking();
		m.data = data.describe();
		m.patchSize = data.patchSize(config);
		m.history = o.history;
		m.weights = o.best;
		m.optimizerState = optimizerState;
		m.steps = o.steps;
		m.learningRate = o.learningRate;
		m.seed = config.seed;
		final TrainingConfig settings = config.copy();
		settings.precision = Precision.parse(config.precision).resolved(net.dims()); // what ran, not "auto"
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
