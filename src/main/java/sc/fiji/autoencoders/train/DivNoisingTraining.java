package sc.fiji.autoencoders.train;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.DivNoisingNetwork;
import sc.fiji.autoencoders.model.DivNoisingPosterior;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.model.Weights;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.LikelihoodModel;
import sc.fiji.autoencoders.noise.NoiseModelChecks;

/**
 * Trains DivNoising (Prakash, Krull, Jug, ICLR 2021) on noisy single-channel planes alone, on the one
 * {@link TrainingLoop}: the loss is the negative evidence lower bound per pixel, -ln p(x | s) under the camera's noise
 * model (s the decoded signal in image units) plus beta times the latent's KL divergence per pixel. Against posterior
 * collapse, beta rises linearly from 0 to 1 over the first {@link #klWarmup} of the run ({@link TrainingLoop#progress()})
 * and, optionally, each latent channel's KL counts at least {@link #freeBits} nats (free bits, as HDN). Validation is
 * the full -ELBO (beta 1, no free bits) on fixed patches and latent draws. Without a noise model, one is bootstrapped
 * from the same images first ({@link DivNoisingBootstrap}). At the end, the spread of the samples is calibrated on the
 * validation patches ({@link #spreadScale}).
 */
public final class DivNoisingTraining extends AbstractTrainer<DivNoisingTraining> {

	/** Posterior samples per validation patch when the spread is calibrated. */
	static final int CALIBRATION_SAMPLES = 16;

	private final TrainingImages images;
	private final DivNoisingSpec spec;
	private ChannelNoiseModels noiseModel;
	/**
	 * Share of the run over which the KL weight rises from 0 to 1. Measured on 600-step runs (blobs under Poisson-Gaussian
	 * noise, held-out plane, MMSE of 20): warm-up 0.2 21.02 dB, none 21.21 dB, with 0.1 free bits 21.03 / 21.23 dB; no
	 * collapse in either. Kept as the guard for long runs, where collapse is what annealing prevents (not measured here).
	 */
	private double klWarmup = 0.2;
	/** Nats per latent channel (averaged over positions) below which its KL is not penalised; 0: none. */
	private double freeBits = 0;
	/** The learning rate of the bootstrap's Noise2Void training; NaN: the config's. */
	private float bootstrapLearningRate = Float.NaN;
	private final List<TrainingListener> ownListeners = new CopyOnWriteArrayList<>();
	private volatile DivNoisingBootstrap bootstrap;

	/** @param noiseModel the camera's noise model, or null to bootstrap one from the images */
	public DivNoisingTraining(final TrainingImages noisy, final ChannelNoiseModels noiseModel, final DivNoisingSpec spec,
		final TrainingConfig config)
	{
		super(config);
		this.images = noisy;
		this.noiseModel = noiseModel;
		this.spec = spec;
	}

	/** Share of the run (0 to 1) over which the KL weight rises from 0 to 1; 0: full weight from the start. */
	public DivNoisingTraining klWarmup(final double share) {
		klWarmup = share;
		return this;
	}

	/** Free bits: nats per latent channel below which its KL costs nothing (0: none). */
	public DivNoisingTraining freeBits(final double nats) {
		freeBits = nats;
		return this;
	}

	/**
	 * The learning rate of the Noise2Void training that bootstraps the noise model, when it should differ from the
	 * VAE's (the config's): DivNoisingMethod raises the VAE's default rate, not Noise2Void's.
	 */
	public DivNoisingTraining bootstrapLearningRate(final float lr) {
		bootstrapLearningRate = lr;
		return this;
	}

	@Override
	public void addListener(final TrainingListener l) {
		super.addListener(l);
		ownListeners.add(l);
	}

	@Override
	public void cancel() {
		super.cancel();
		final DivNoisingBootstrap b = bootstrap;
		if (b != null) b.cancel();
	}

	@Override
	protected void validate() {
		if (config == null) throw new BadInputException("No training settings given: pass a TrainingConfig.");
		config.validate();
		if (resume != null && resume.divNoising() == null) throw new BadInputException("Can only resume DivNoising from a " +
			"DivNoising model: choose a model trained with noisy method divnoising, or train without resuming.");
		(resume != null ? resume.divNoising() : spec).validate();
		TrainingData.checkPresent(images, "No training images: give at least one noisy image or stack.");
		if (images.dims() != 2 || images.channels() != 1) throw new BadInputException("DivNoising trains 2D networks " +
			"of one channel: give it the planes of one channel (a Z stack is trained on plane by plane with dims 2), or " +
			"choose noisy method " + DenoiserMethods.NOISE2VOID + " for 3D networks and channels trained jointly.");
		final int p = config.patchSize;
		if (p % DivNoisingSpec.SIZE_MULTIPLE != 0 || p < 2 * DivNoisingSpec.SIZE_MULTIPLE) throw new BadInputException(
			"Patch size " + p + " does not fit DivNoising's network: use a multiple of " + DivNoisingSpec.SIZE_MULTIPLE +
				" of at least " + 2 * DivNoisingSpec.SIZE_MULTIPLE + " (e.g. --patch 64).");
		if (!(klWarmup >= 0 && klWarmup <= 1)) throw new BadInputException("The KL warm-up must be a share of the run " +
			"from 0 to 1, not " + klWarmup + ".");
		if (!(freeBits >= 0) || Double.isInfinite(freeBits)) throw new BadInputException("Free bits must be 0 or " +
			"positive, not " + freeBits + ".");
		images.checkFits("Noisy image", p, 1);
		if (resume == null) images.checkAllNotConstant("noisy images");
		final ChannelNoiseModels nm = resume != null && noiseModel == null ? resume.noiseModel : noiseModel;
		if (nm != null) checkNoiseModel(nm, images.channel(0));
	}

	/**
	 * One noise model for the one channel, fitted on signals that cover the images' range: the signals the noisy data
	 * imply, each end's 1 % quantile moved in by 2.33 noise standard deviations at its signal (a fixed point), since the
	 * noise itself spreads observations beyond the signals.
	 */
	static void checkNoiseModel(final ChannelNoiseModels nm,
		final List<RandomAccessibleInterval<? extends RealType<?>>> images)
	{
		NoiseModelChecks.requireChannels(nm, 1);
		final Normalization q = Normalization.fromImages(images, 1, 99, false);
		final LikelihoodModel l = nm.model(0);
		double lo = q.low(), hi = q.high();
		for (int i = 0; i < 50; i++) {
			lo = Math.min(q.high(), q.low() + Z_01 * l.std(lo));
			hi = Math.max(q.low(), q.high() - Z_01 * l.std(hi));
		}
		NoiseModelChecks.requireCovers(l, Math.min(lo, hi), Math.max(lo, hi));
	}

	/** The standard normal's 99 % quantile. */
	private static final double Z_01 = 2.326;

	@Override
	public AutoencoderModel process() {
		validate();
		if (noiseModel == null && resume != null) noiseModel = resume.noiseModel;
		if (noiseModel == null) {
			final DivNoisingBootstrap b = new DivNoisingBootstrap(ownListeners);
			bootstrap = b;
			final TrainingConfig c = config.copy();
			if (!Float.isNaN(bootstrapLearningRate)) c.learningRate = bootstrapLearningRate;
			noiseModel = b.fit(images.channel(0), c);
			checkNoiseModel(noiseModel, images.channel(0));
		}
		final DivNoisingSpec net = resume != null ? resume.divNoising() : spec;
		final Normalization norm = resume != null ? resume.normalization : standardization(images.channel(0));
		final LikelihoodModel likelihood = noiseModel.model(0);
		final int p = config.patchSize, lp = p / DivNoisingSpec.SIZE_MULTIPLE, z = net.latent();
		final TrainingImages[] split = images.split(config.validationFraction, p, config.seed);
		final TrainingImages.Sampler sampler = split[0].sampler(p, 1, config.seed, true);
		final float[] validation = split[1].sampler(p, 1, config.seed + 1, true).fixed(config.validationPatches,
			config.seed + 2)[0];
		final float[] validationEps = gaussians(new Random(config.seed + 3), validation.length / (p * p) * lp * lp * z);
		final Random epsRng = new Random(config.seed ^ 0x5DEECE66DL);
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.withName("noisy").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
				p, p, 1)));
			final Placeholder<TFloat32> eps = tf.withName("eps").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
				lp, lp, z)));
			final Placeholder<TFloat32> beta = tf.withName("beta").placeholder(TFloat32.class, Placeholder.shape(Shape
				.scalar()));
			final Placeholder<TFloat32> bits = tf.withName("free_bits").placeholder(TFloat32.class, Placeholder.shape(Shape
				.scalar()));
			final TrainableParameters params = new TrainableParameters(tf, resume != null ? resume.weights : null,
				config.seed);
			final DivNoisingNetwork network = new DivNoisingNetwork(tf, params, net);
			final float low = (float) norm.low(), scale = (float) norm.scale();
			final Operand<TFloat32>[] q = network.encode(tf.math.div(tf.math.sub(x, tf.constant(low)), tf.constant(scale)));
			final Operand<TFloat32> s = tf.math.add(tf.math.mul(network.decode(network.sample(q[0], q[1], eps)), tf
				.constant(scale)), tf.constant(low));
			final Operand<TInt32> all = tf.constant(new int[] { 0, 1, 2, 3 });
			final Operand<TFloat32> nll = tf.math.neg(tf.math.mean(likelihood.logLikelihood(tf, x, s), all));
			// KL per latent element, averaged per channel over batch and positions, floored by the free bits, summed over
			// the channels: nats per latent position, 1/16 of which fall on each pixel
			final Operand<TFloat32> klElements = tf.math.mul(tf.constant(-0.5f), tf.math.sub(tf.math.sub(tf.math.add(tf
				.constant(1f), q[1]), tf.math.square(q[0])), tf.math.exp(q[1])));
			final Operand<TFloat32> perChannel = tf.math.maximum(tf.math.mean(klElements, tf.constant(new int[] { 0, 1,
				2 })), bits);
			final Operand<TFloat32> klPerPixel = tf.math.div(tf.sum(perChannel, tf.constant(new int[] { 0 })), tf.constant(
				(float) (DivNoisingSpec.SIZE_MULTIPLE * DivNoisingSpec.SIZE_MULTIPLE)));
			final Operand<TFloat32> loss = tf.math.add(nll, tf.math.mul(beta, klPerPixel));
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, resume != null ? resume.optimizerState : null);
			try (Session session = Sessions.create(g, config.threads); BatchPrefetcher batches = new BatchPrefetcher(
				() -> sampler.next(config.batchSize)))
			{
				final TrainingLoop loop = newLoop(config, DenoiserMethods.of(DivNoisingSpec.METHOD).validationLabel(), null,
					o -> model(net, norm, o, adam.state(session)), h -> true);
				final float[] epsBatch = new float[config.batchSize * lp * lp * z];
				final TrainingLoop.Problem problem = new TrainingLoop.Problem() {

					@Override
					public double step(final long globalStep, final float lr) {
						final float[] raw = batches.next()[0];
						final int n = raw.length / (p * p);
						for (int i = 0; i < n * lp * lp * z; i++)
							epsBatch[i] = (float) epsRng.nextGaussian();
						final float w = klWarmup > 0 ? (float) Math.min(1, loop.progress() / klWarmup) : 1f;
						try (var tx = Tensors.of(raw, n, p, p, 1); var te = Tensors.of(java.util.Arrays.copyOf(epsBatch, n * lp *
							lp * z), n, lp, lp, z); var tb = Tensors.scalar(w); var tf0 = Tensors.scalar((float) freeBits))
						{
							return adam.step(session.runner().feed(x, tx).feed(eps, te).feed(beta, tb).feed(bits, tf0).fetch(loss),
								lr, globalStep);
						}
					}

					@Override
					public double[] validate() {
						final int count = validation.length / (p * p), b = config.batchSize;
						double sum = 0;
						for (int start = 0; start < count; start += b) {
							final int n = Math.min(b, count - start);
							final float[] xs = java.util.Arrays.copyOfRange(validation, start * p * p, (start + n) * p * p);
							final float[] es = java.util.Arrays.copyOfRange(validationEps, start * lp * lp * z, (start + n) * lp *
								lp * z);
							try (var tx = Tensors.of(xs, n, p, p, 1); var te = Tensors.of(es, n, lp, lp, z); var tb = Tensors
								.scalar(1f); var tf0 = Tensors.scalar(0f); var r = session.runner().feed(x, tx).feed(eps, te).feed(
									beta, tb).feed(bits, tf0).fetch(loss).run())
							{
								sum += Tensors.scalarValue(r.get(0)) * n;
							}
						}
						final double l = sum / count;
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
				final AutoencoderModel m = model(net, norm, o, adam.state(session));
				m.network = net.withSpreadScale(spreadScale(m, validation, p, likelihood, config.seed + 4));
				return m;
			}
		}
	}

	/**
	 * The factor that calibrates the samples' spread, fitted on the validation patches (there is no clean truth: the
	 * noise model separates the noise from the MMSE's error). For an unbiased noise model, E[(x - mmse)^2] =
	 * E[noise variance at the signal] + E[(s - mmse)^2]; the second term is the error the spread should predict, so the
	 * scale c solves mean (x - mmse)^2 - mean var_noise(mmse) = c^2 * mean spread^2. 1 when it cannot be fitted (no
	 * spread, or noise that explains all the residual).
	 */
	static double spreadScale(final AutoencoderModel m, final float[] patches, final int p,
		final LikelihoodModel likelihood, final long seed)
	{
		final Normalization norm = m.normalization;
		final int count = patches.length / (p * p), k = CALIBRATION_SAMPLES;
		double residual = 0, noise = 0, spread = 0;
		final Random rng = new Random(seed);
		try (DivNoisingPosterior post = new DivNoisingPosterior(m.divNoising(), m.weights, 0)) {
			final float[] block = new float[p * p];
			for (int i = 0; i < count; i++) {
				for (int j = 0; j < p * p; j++)
					block[j] = norm.normalize(patches[i * p * p + j]);
				final float[] samples = post.samples(block, p, p, k, rng);
				for (int j = 0; j < p * p; j++) {
					double sum = 0, sum2 = 0;
					for (int t = 0; t < k; t++) {
						final double v = norm.denormalize(samples[t * p * p + j]);
						sum += v;
						sum2 += v * v;
					}
					final double mean = sum / k, var = Math.max(0, sum2 / k - mean * mean) * k / (k - 1);
					final double d = patches[i * p * p + j] - mean, sd = likelihood.std(mean);
					residual += d * d;
					noise += sd * sd;
					spread += var;
				}
			}
		}
		final double error = residual - noise;
		if (!(error > 0 && spread > 0)) return 1;
		return Math.max(1e-3, Math.min(1e3, Math.sqrt(error / spread)));
	}

	/**
	 * Mean to 0 and one standard deviation to 1: the decoder's output then starts at the data's scale (a percentile range
	 * of a few standard deviations made the short runs of the tests lose about 2 dB of PSNR).
	 */
	static Normalization standardization(final List<RandomAccessibleInterval<? extends RealType<?>>> images) {
		double sum = 0, sum2 = 0;
		long n = 0;
		for (final RandomAccessibleInterval<? extends RealType<?>> image : images)
			for (final RealType<?> t : Views.flatIterable(image)) { // the order of the sums fixes their rounding
				final float v = t.getRealFloat();
				if (Float.isFinite(v)) {
					sum += v;
					sum2 += (double) v * v;
					n++;
				}
			}
		final double mean = sum / n, std = Math.sqrt(Math.max(sum2 / n - mean * mean, 1e-12));
		return Normalization.of(mean, mean + std);
	}

	private static float[] gaussians(final Random rng, final int n) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) rng.nextGaussian();
		return v;
	}

	private AutoencoderModel model(final DivNoisingSpec net, final Normalization norm, final TrainingLoop.Outcome o,
		final Weights optimizerState)
	{
		final AutoencoderModel m = new AutoencoderModel();
		m.kind = ModelKind.DENOISER;
		m.network = net;
		m.noiseModel = noiseModel;
		m.normalization = norm;
		m.mode = TrainingMode.NOISY;
		m.method = DivNoisingSpec.METHOD;
		m.data = "DivNoising on " + images.count() + " noisy planes (no clean image), 2D";
		m.patchSize = config.patchSize;
		m.history = o.history;
		m.weights = o.best;
		m.optimizerState = optimizerState;
		m.steps = o.steps;
		m.learningRate = o.learningRate;
		m.seed = config.seed;
		m.trainingSettings = config.copy().toJson();
		m.created = Instant.now().toString();
		return m;
	}
}
