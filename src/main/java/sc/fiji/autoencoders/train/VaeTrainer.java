package sc.fiji.autoencoders.train;

import sc.fiji.autoencoders.model.VaeData;

import sc.fiji.autoencoders.model.Normalization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.Dimensions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.AutoencoderNetwork;
import sc.fiji.autoencoders.model.CodeDistribution;
import sc.fiji.autoencoders.model.Likelihood;
import sc.fiji.autoencoders.model.ModelKind;
import sc.fiji.autoencoders.model.Regularizer;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.TrainableParameters;
import sc.fiji.autoencoders.model.VaeNetwork;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.model.Weights;

/**
 * Trains a convolutional VAE, or a feature autoencoder (a spec with a {@link Regularizer}), on same-size 2D images
 * of one channel, of any real type (every image is a sample). An epoch is one pass over the training images in a
 * seeded random order; each batch is copied from the images when it is needed, so that a large set is not held a
 * second time as floats. For a VAE the validation loss and metric are the negative ELBO per image in nats on the
 * held-out images, and the KL term can be warmed up linearly over the first epochs; for an autoencoder the loss is
 * the squared error per image (in [0, 1] units) plus the weighted penalty, and the metric the squared error alone. At
 * the end, a Gaussian is fitted to the codes of all the images under the best weights
 * ({@link AutoencoderModel#codes}). Same engine pattern as {@link DenoiserTrainer}.
 */
public final class VaeTrainer extends AbstractTrainer<VaeTrainer> {

	/** Largest number of validation images, to keep validation cheap on big sets. */
	static final int MAX_VALIDATION = 5000;

	private final TrainingImages images;
	private final VaeSpec spec;
	private final int klWarmupEpochs;
	/** The class of each image (an index into the spec's classes) for a class-conditional VAE, else null. */
	private int[] labels;
	/** What a feature autoencoder's encoder sees while training (the loss is against the clean image). */
	private Corruption corruption = Corruption.NONE;

	/**
	 * @param spec architecture; its width and height must be the images' size (see {@link #spec})
	 * @param klWarmupEpochs epochs over which the KL weight rises from 0 to beta (0: none)
	 */
	public VaeTrainer(final TrainingImages images, final VaeSpec spec, final TrainingConfig config,
		final int klWarmupEpochs)
	{
		super(config);
		this.images = images;
		this.spec = spec;
		this.klWarmupEpochs = klWarmupEpochs;
	}

	/**
	 * Trains a class-conditional VAE: {@code classes[i]} is the index, in the spec's {@link VaeSpec#classes}, of the
	 * class of image i.
	 */
	public VaeTrainer labels(final int[] classes) {
		this.labels = classes == null ? null : classes.clone();
		return this;
	}

	/**
	 * Trains a feature autoencoder on corrupted inputs (a denoising or masked autoencoder): the encoder sees the
	 * training images corrupted, the loss compares the decoding with the clean image. Validation and the codes use
	 * clean images.
	 */
	public VaeTrainer corruption(final Corruption c) {
		this.corruption = c == null ? Corruption.NONE : c;
		return this;
	}

	/** A spec for images like {@code first}. */
	public static VaeSpec spec(final Dimensions first, final int latent, final int depth, final int filters,
		final Likelihood likelihood, final float beta)
	{
		return new VaeSpec(width(first), height(first), latent, depth, filters, likelihood, beta);
	}

	/**
	 * As above with the likelihood as typed by a user ({@code bernoulli} or {@code gaussian}).
	 *
	 * @throws BadInputException naming the valid ids if {@code likelihood} is none of them
	 */
	public static VaeSpec spec(final Dimensions first, final int latent, final int depth, final int filters,
		final String likelihood, final float beta)
	{
		return spec(first, latent, depth, filters, Likelihood.parse(likelihood), beta);
	}

	/**
	 * A feature autoencoder's spec for images like {@code first}, the regularizer as typed by a user.
	 *
	 * @throws BadInputException naming the valid ids if {@code regularizer} is none of them
	 */
	public static VaeSpec autoencoderSpec(final Dimensions first, final int code, final int depth,
		final int filters, final String regularizer, final float weight)
	{
		return VaeSpec.autoencoder(width(first), height(first), code, depth, filters, Regularizer.parse(regularizer),
			weight);
	}

	@Override
	public AutoencoderModel process() {
		validate();
		final VaeSpec s = resume != null ? resume.vae : spec;
		final List<RandomAccessibleInterval<? extends RealType<?>>> all = images.channel(0);
		final Normalization norm = resume != null ? resume.normalization : Normalization.fromImages(all, 0, 100, false);
		// the same permutation as shuffling the images themselves, so that labels follow their images
		final List<Integer> order0 = new ArrayList<>();
		for (int i = 0; i < all.size(); i++)
			order0.add(i);
		java.util.Collections.shuffle(order0, new Random(config.seed));
		final List<RandomAccessibleInterval<? extends RealType<?>>> shuffled = new ArrayList<>();
		order0.forEach(i -> shuffled.add(all.get(i)));
		final int nVal = Math.min(MAX_VALIDATION, Math.max(1, (int) Math.round(config.validationFraction * all
			.size())));
		final VaeData val = VaeData.of(shuffled.subList(0, nVal), norm, s);
		final VaeData train = VaeData.of(shuffled.subList(nVal, shuffled.size()), norm, s);
		final int n = s.paddedWidth() * s.paddedHeight(), nTrain = shuffled.size() - nVal, b = config.batchSize;
		final int classes = s.classes().size();
		final float[] yVal = oneHot(order0.subList(0, nVal), classes), yTrain = oneHot(order0.subList(nVal, order0
			.size()), classes);
		final TrainingConfig cfg = config.copy();
		cfg.stepsPerEpoch = Math.max(1, nTrain / b);
		try (Graph g = Graphs.create()) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s
				.paddedHeight(), s.paddedWidth(), 1)));
			final Placeholder<TFloat32> eps = tf.withName("eps").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1,
				s.latent())));
			final Placeholder<TFloat32> klWeight = tf.withName("kl_weight").placeholder(TFloat32.class, Placeholder.shape(
				Shape.scalar()));
			final Placeholder<TFloat32> y = classes == 0 ? null : tf.withName("y").placeholder(TFloat32.class, Placeholder
				.shape(Shape.of(-1, classes)));
			final TrainableParameters params = new TrainableParameters(tf, resume != null ? resume.weights : null,
				config.seed);
			// per image: what is minimized (score) and what is reported (metric); code: what the Gaussian is fitted to
			final Operand<TFloat32> loss, score, metric, code;
			// the encoder's input: x itself, or (fed while training) x corrupted; validation and codes leave it unfed
			final Operand<TFloat32> xIn = corruption.isNone() ? x : tf.withName("x_in").placeholderWithDefault(x, Shape
				.of(-1, s.paddedHeight(), s.paddedWidth(), 1));
			if (s.isAutoencoder()) {
				final AutoencoderNetwork net = new AutoencoderNetwork(tf, s, params);
				code = net.encode(xIn);
				metric = net.squaredError(x, net.decode(code));
				final Regularizer r = s.regularizer();
				score = r == Regularizer.SPARSE ? tf.math.add(metric, tf.math.mul(tf.constant(s.weight()), net.l1(code)))
					: r == Regularizer.CONTRACTIVE ? tf.math.add(metric, tf.math.mul(tf.constant(s.weight()), net.contraction(
						eps))) : metric;
				loss = tf.math.mean(score, tf.constant(0));
			}
			else {
				final VaeNetwork net = new VaeNetwork(tf, s, params);
				final Operand<TFloat32>[] q = net.encode(x, y);
				code = q[0];
				final Operand<TFloat32> rec = net.reconstructionNll(x, net.decodeLogits(net.sample(q[0], q[1], eps), y));
				final Operand<TFloat32> kl = net.kl(q[0], q[1]);
				loss = tf.math.mean(tf.math.add(rec, tf.math.mul(klWeight, kl)), tf.constant(0));
				score = tf.math.add(rec, kl);
				metric = score;
			}
			final AdamOptimizer adam = new AdamOptimizer(tf, loss, params, resume != null ? resume.optimizerState : null);
			final Random order = new Random(config.seed + 1), noise = new Random(config.seed + 2), corrupt = new Random(
				config.seed + 4);
			final int[] perm = identity(nTrain);
			final int[] cursor = { nTrain };
			try (Session session = Sessions.create(g, config.threads); BatchPrefetcher batches = new BatchPrefetcher(() -> {
				final float[] bx = new float[b * n], by = new float[b * Math.max(1, classes)]; // zeros, unfed, if unconditional
				for (int i = 0; i < b; i++) {
					if (cursor[0] >= nTrain) {
						shuffle(perm, order);
						cursor[0] = 0;
					}
					System.arraycopy(yTrain, perm[cursor[0]] * classes, by, i * classes, classes);
					train.copy(perm[cursor[0]++], bx, i);
				}
				return new float[][] { bx, gaussian(b * s.latent(), noise), by, corruption.isNone() ? null : corruption.apply(
					bx, b, s.paddedHeight(), s.paddedWidth(), 1 << s.depth(), corrupt) };
			}))
			{
				final long startStep = resume != null ? resume.steps : 0;
				final int startEpochs = resume != null ? resume.history.size() : 0;
				final TrainingLoop.Problem problem = new TrainingLoop.Problem() {

					@Override
					public double step(final long globalStep, final float lr) {
						final float[][] batch = batches.next();
						final double epoch = startEpochs + (double) (globalStep - startStep) / cfg.stepsPerEpoch;
						final float w = s.beta() * (klWarmupEpochs > 0 ? (float) Math.min(1, epoch / klWarmupEpochs) : 1);
						try (var tx = Tensors.of(batch[0], b, s.paddedHeight(), s.paddedWidth(), 1);
							var te = Tensors.of(batch[1], b, s.latent()); var tw = Tensors.scalar(w); var ty = Tensors.of(batch[2],
								b, Math.max(1, classes)))
						{
							final Session.Runner r = session.runner().feed(x, tx).feed(eps, te).feed(klWeight, tw).fetch(loss);
							if (y != null) r.feed(y, ty);
							if (batch[3] == null) return adam.step(r, lr, globalStep);
							try (var tc = Tensors.of(batch[3], b, s.paddedHeight(), s.paddedWidth(), 1)) {
								return adam.step(r.feed(xIn, tc), lr, globalStep);
							}
						}
					}

					@Override
					public double[] validate() {
						final double v = meanNelbo(session, x, eps, y, score, val, yVal, s, config.seed + 3);
						return new double[] { v, metric == score ? v : meanNelbo(session, x, eps, y, metric, val, yVal, s,
							config.seed + 3) };
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
				final TrainingLoop.Outcome o = run(newLoop(cfg, s.isAutoencoder() ? "squared error %.3f per image"
					: "negative ELBO %.2f nats", c -> model(s, norm, c, adam.state(session))), problem);
				final AutoencoderModel m = model(s, norm, o, adam.state(session));
				adam.restart(session, o.best, o.steps); // the codes of the weights kept, not of the last step
				m.codes = CodeDistribution.fit(concat(codes(session, x, y, code, train, yTrain, s), codes(session, x, y, code,
					val, yVal, s)), s.latent());
				return m;
			}
		}
	}

	/**
	 * Mean negative ELBO (nats per image) of the images, one posterior sample each drawn from {@code seed}; {@code y}
	 * and {@code classes} (one-hot, packed) for a class-conditional VAE, else null.
	 */
	static double meanNelbo(final Session session, final Operand<TFloat32> x, final Operand<TFloat32> eps,
		final Operand<TFloat32> y, final Operand<TFloat32> nelbo, final VaeData data, final float[] classes,
		final VaeSpec s, final long seed)
	{
		final int count = data.count(), chunk = 500;
		final Random rng = new Random(seed);
		double sum = 0;
		for (int start = 0; start < count; start += chunk) {
			final int m = Math.min(chunk, count - start);
			final float[] bx = data.chunk(start, m);
			try (var tx = Tensors.of(bx, m, s.paddedHeight(), s.paddedWidth(), 1); var te = Tensors.of(gaussian(m * s
				.latent(), rng), m, s.latent()); var ty = oneHotChunk(classes, s, start, m); var r = feedClasses(session
					.runner().feed(x, tx).feed(eps, te), y, ty).fetch(nelbo).run())
			{
				for (final float v : Tensors.values(r.get(0)))
					sum += v;
			}
		}
		return sum / count;
	}

	/** The codes of the images, row-major, computed in chunks ({@code y}, {@code classes} as for meanNelbo). */
	static float[] codes(final Session session, final Operand<TFloat32> x, final Operand<TFloat32> y,
		final Operand<TFloat32> code, final VaeData data, final float[] classes, final VaeSpec s)
	{
		final int count = data.count(), chunk = 500;
		final float[] out = new float[count * s.latent()];
		for (int start = 0; start < count; start += chunk) {
			final int m = Math.min(chunk, count - start);
			final float[] bx = data.chunk(start, m);
			try (var tx = Tensors.of(bx, m, s.paddedHeight(), s.paddedWidth(), 1); var ty = oneHotChunk(classes, s, start,
				m); var r = feedClasses(session.runner().feed(x, tx), y, ty).fetch(code).run())
			{
				System.arraycopy(Tensors.values(r.get(0)), 0, out, start * s.latent(), m * s.latent());
			}
		}
		return out;
	}

	// -- Helper methods --

	/** One-hot rows of the classes of the images {@code indices} (empty for an unconditional VAE). */
	private float[] oneHot(final List<Integer> indices, final int classes) {
		final float[] out = new float[indices.size() * classes];
		if (classes > 0) for (int i = 0; i < indices.size(); i++)
			out[i * classes + labels[indices.get(i)]] = 1;
		return out;
	}

	/** Rows start..start+m of packed one-hot classes as a tensor ([m, 1] of zeros when there are no classes). */
	private static org.tensorflow.types.TFloat32 oneHotChunk(final float[] classes, final VaeSpec s, final int start,
		final int m)
	{
		final int c = s.classes().size();
		if (c == 0) return Tensors.of(new float[m], m, 1);
		final float[] out = new float[m * c];
		System.arraycopy(classes, start * c, out, 0, m * c);
		return Tensors.of(out, m, c);
	}

	private static Session.Runner feedClasses(final Session.Runner r, final Operand<TFloat32> y,
		final org.tensorflow.types.TFloat32 ty)
	{
		return y == null ? r : r.feed(y, ty);
	}

	private static float[] concat(final float[] a, final float[] b) {
		final float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	@Override
	protected void validate() {
		if (config == null) throw new BadInputException("No training settings given: pass a TrainingConfig.");
		config.validate();
		if (images != null && (images.channels() > 1 || images.dims() != 2)) throw new BadInputException("A VAE " +
			"trains on 2D images of one channel, not " + (images.dims() != 2 ? images.unit() : images.channels() +
				" channels jointly") + ": give every plane as an image of its own.");
		final List<RandomAccessibleInterval<? extends RealType<?>>> all = images == null || images.channels() == 0
			? null : images.channel(0);
		VaeData.check(all);
		final long w = all.get(0).dimension(0), h = all.get(0).dimension(1);
		if (resume != null) {
			final ModelKind kind = spec != null && spec.isAutoencoder() ? ModelKind.AUTOENCODER : ModelKind.VAE;
			if (resume.kind != kind) throw new BadInputException("Can only resume a " + kind + " from a " + kind +
				" model, not a " + resume.kind + " model: choose a " + kind + " model to resume, or train without " +
				"resuming.");
			if (spec != null && !resume.vae.classes().equals(spec.classes())) throw new BadInputException("The model to " +
				"resume has the classes " + resume.vae.classes() + " but the labels give " + spec.classes() + ": resume " +
				"with labels of the same classes, or train a new model.");
			if (resume.vae.width() != w || resume.vae.height() != h) {
				throw new BadInputException("The model was trained on " + resume.vae.width() + "x" + resume.vae.height() +
					" images but these are " + w + "x" + h +
					": resume with images of the model's size, or train a new model without resuming.");
			}
		}
		else {
			if (spec == null) throw new BadInputException("No VAE spec given: make one from the images with " +
				"VaeTrainer.spec(images.get(0), ...).");
			spec.validate();
			if (spec.width() != w || spec.height() != h) {
				throw new BadInputException("The VAE spec is for " + spec.width() + "x" + spec.height() +
					" images but the images are " + w + "x" + h +
					": make the spec from the images (VaeTrainer.spec(images.get(0), ...)).");
			}
			final int minSide = Math.min(spec.width(), spec.height());
			if (minSide >> spec.depth() < 1) throw new BadInputException("Images of " + spec.width() + "x" + spec
				.height() + " are too small for depth " + spec.depth() + ": use a depth of at most " + (31 - Integer
					.numberOfLeadingZeros(minSide)) + ".");
		}
		if (!corruption.isNone() && !(resume != null ? resume.vae : spec).isAutoencoder()) throw new BadInputException(
			"Corrupted inputs (" + corruption + ") are for feature autoencoders: train the VAE without corruption.");
		if (all.size() < 2) throw new BadInputException("A VAE needs at least 2 images (one is held out for " +
			"validation); give a stack with many slices.");
		final VaeSpec s = resume != null ? resume.vae : spec;
		if (s.isConditional() != (labels != null)) throw new BadInputException(s.isConditional() ? "This VAE is " +
			"class-conditional: give the class of every training image (labels)." : "Labels were given but the VAE " +
				"is not class-conditional: make its spec with the classes (VaeSpec.withClasses).");
		if (labels != null) {
			if (labels.length != all.size()) throw new BadInputException("There are " + all.size() + " images but " +
				labels.length + " labels: give one label per image.");
			for (final int l : labels)
				if (l < 0 || l >= s.classes().size()) throw new BadInputException("Label index " + l + " is not one of " +
					"the " + s.classes().size() + " classes.");
		}
		if (resume == null) images.checkNotConstant("training images");
	}

	private AutoencoderModel model(final VaeSpec s, final Normalization norm, final TrainingLoop.Outcome o,
		final Weights optimizerState)
	{
		final AutoencoderModel m = new AutoencoderModel();
		m.kind = s.isAutoencoder() ? ModelKind.AUTOENCODER : ModelKind.VAE;
		m.vae = s;
		m.normalization = norm;
		m.noise = "none";
		m.history = o.history;
		m.weights = o.best;
		m.optimizerState = optimizerState;
		m.steps = o.steps;
		m.learningRate = o.learningRate;
		m.seed = config.seed;
		m.trainingSettings = corruption.isNone() ? config.toJson() : config.toJson("corruption", corruption.toString());
		m.created = Instant.now().toString();
		return m;
	}

	private static int width(final Dimensions image) {
		return (int) image.dimension(0);
	}

	private static int height(final Dimensions image) {
		return (int) image.dimension(1);
	}

	static float[] gaussian(final int n, final Random rng) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) rng.nextGaussian();
		return v;
	}

	private static int[] identity(final int n) {
		final int[] p = new int[n];
		for (int i = 0; i < n; i++)
			p[i] = i;
		return p;
	}

	private static void shuffle(final int[] p, final Random rng) {
		for (int i = p.length - 1; i > 0; i--) {
			final int j = rng.nextInt(i + 1), t = p[i];
			p[i] = p[j];
			p[j] = t;
		}
	}
}
