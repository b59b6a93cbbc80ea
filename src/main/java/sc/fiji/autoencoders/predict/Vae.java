package sc.fiji.autoencoders.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderNetwork;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.FrozenParameters;
import sc.fiji.autoencoders.model.Sessions;
import sc.fiji.autoencoders.model.Tensors;
import sc.fiji.autoencoders.model.VaeNetwork;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.model.VaeData;

/**
 * A loaded VAE or feature autoencoder: encode images to latent Gaussians (a VAE) or codes (an autoencoder), decode
 * codes to images, sample (from the VAE's prior or from the Gaussian fitted to the training codes), interpolate, walk,
 * and score images by their negative ELBO (VAE) or the encoder's Jacobian norm (autoencoder). Images go in and come
 * out in the training images' intensity units. Close it to free the native graph and session.
 */
public final class Vae implements AutoCloseable {

	private final AutoencoderModel model;
	private final VaeSpec spec;
	private final Normalization norm;
	private final Graph graph;
	private final Session session;
	private final Placeholder<TFloat32> x, z, eps;
	/** The one-hot classes of a class-conditional VAE, else null. */
	private final Placeholder<TFloat32> y;
	/** For an autoencoder: mu is the code, logvar and nelbo are null, contraction is ||J^T eps||^2 per image. */
	private final Operand<TFloat32> mu, logvar, mean, nelbo, reconstruction, contraction;

	public Vae(final AutoencoderModel model) {
		if (!model.hasCodes()) throw new BadInputException("This is a " + model.kind + " model; this needs a VAE or " +
			"feature autoencoder model (train one with Train Variational Autoencoder or Train Autoencoder for " +
			"Features).");
		this.model = model;
		this.spec = model.vae;
		this.norm = model.normalization;
		graph = Graphs.create();
		try {
			final Ops tf = Ops.create(graph);
			x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.paddedHeight(), spec
				.paddedWidth(), 1)));
			z = tf.withName("z").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.latent())));
			eps = tf.withName("eps").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.latent())));
			y = spec.isConditional() ? tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec
				.classes().size()))) : null;
			if (model.isAutoencoder()) {
				final AutoencoderNetwork net = new AutoencoderNetwork(tf, spec, new FrozenParameters(tf, model.weights));
				mu = net.encode(x);
				logvar = null;
				nelbo = null;
				contraction = net.contraction(eps);
				mean = net.decode(z);
				reconstruction = net.decode(mu);
			}
			else {
				final VaeNetwork net = new VaeNetwork(tf, spec, new FrozenParameters(tf, model.weights));
				final Operand<TFloat32>[] q = net.encode(x, y);
				mu = q[0];
				logvar = q[1];
				mean = net.decodeMean(z, y);
				final Operand<TFloat32> logits = net.decodeLogits(net.sample(mu, logvar, eps), y);
				nelbo = tf.math.add(net.reconstructionNll(x, logits), net.kl(mu, logvar));
				reconstruction = net.decodeMean(mu, y);
				contraction = null;
			}
			session = Sessions.create(graph, 0);
		}
		catch (final RuntimeException e) {
			graph.close();
			throw e;
		}
	}

	public VaeSpec spec() {
		return spec;
	}

	public AutoencoderModel model() {
		return model;
	}

	/**
	 * Latent means and log-variances: {mu, logvar}, each {@code images.size() x latent} row-major; for an autoencoder
	 * {codes, null}.
	 */
	public float[][] encode(final List<Plane> images) {
		return encode(images, null);
	}

	/**
	 * As above; a class-conditional VAE encodes each image given its class, {@code labels.get(i)} (one of
	 * {@link #classes}); other models ignore the labels, which may be null.
	 */
	public float[][] encode(final List<Plane> images, final List<String> labels) {
		final float[] data = VaeData.pack(images, norm, spec);
		try (var t = Tensors.of(data, images.size(), spec.paddedHeight(), spec.paddedWidth(), 1); var ty = condition(
			"Encoding", labels, images.size()))
		{
			final Session.Runner runner = withCondition(session.runner().feed(x, t), ty).fetch(mu);
			if (logvar == null) try (var r = runner.run()) {
				return new float[][] { Tensors.values(r.get(0)), null };
			}
			try (var r = runner.fetch(logvar).run()) {
				return new float[][] { Tensors.values(r.get(0)), Tensors.values(r.get(1)) };
			}
		}
	}

	/** True for a VAE, false for a feature autoencoder. */
	public boolean isVae() {
		return model.isVae();
	}

	/**
	 * The Frobenius norm of the encoder's Jacobian (code with respect to the image, both in normalized units) for each
	 * image, exactly: the sum over the code's unit vectors e_j of ||J^T e_j||^2, one backward pass each.
	 */
	public double[] jacobianNorms(final List<Plane> images) {
		if (contraction == null) throw new BadInputException("Jacobian norms are measured for feature autoencoders, " +
			"not for a " + model.kind + " model.");
		final float[] data = VaeData.pack(images, norm, spec);
		final int n = images.size(), l = spec.latent();
		final double[] sum = new double[n];
		try (var t = Tensors.of(data, n, spec.paddedHeight(), spec.paddedWidth(), 1)) {
			for (int j = 0; j < l; j++) {
				final float[] e = new float[n * l];
				for (int i = 0; i < n; i++)
					e[i * l + j] = 1;
				try (var te = Tensors.of(e, n, l); var r = session.runner().feed(x, t).feed(eps, te).fetch(contraction)
					.run())
				{
					final float[] v = Tensors.values(r.get(0));
					for (int i = 0; i < n; i++)
						sum[i] += v[i];
				}
			}
		}
		for (int i = 0; i < n; i++)
			sum[i] = Math.sqrt(sum[i]);
		return sum;
	}

	/** Decoded mean images for {@code codes.length / latent} latent codes. */
	public List<Plane> decode(final float[] codes) {
		return decode(codes, (List<String>) null);
	}

	/** As above, a class-conditional VAE decoding code i as class {@code labels.get(i)}; others ignore the labels. */
	public List<Plane> decode(final float[] codes, final List<String> labels) {
		final int n = codes.length / spec.latent();
		try (var ty = condition("Decoding", labels, n)) {
			return decode(codes, ty);
		}
	}

	/** As above, all of class {@code cls} (an index into the classes of a class-conditional VAE; -1 for none). */
	private List<Plane> decode(final float[] codes, final int cls) {
		final int n = codes.length / spec.latent(), c = spec.classes().size();
		final float[] onehot = new float[n * Math.max(1, c)];
		if (cls >= 0) for (int i = 0; i < n; i++)
			onehot[i * c + cls] = 1;
		try (var ty = Tensors.of(onehot, n, Math.max(1, c))) {
			return decode(codes, ty);
		}
	}

	/** Decodes the codes given the condition {@code ty} (n x classes rows, mixtures of classes allowed; unfed if none). */
	private List<Plane> decode(final float[] codes, final TFloat32 ty) {
		final int n = codes.length / spec.latent();
		try (var t = Tensors.of(codes, n, spec.latent()); var r = withCondition(session.runner().feed(z, t), ty).fetch(
			mean).run())
		{
			return planes(Tensors.values(r.get(0)), n);
		}
	}

	/** The class names of a class-conditional VAE (empty otherwise). */
	public List<String> classes() {
		return spec.classes();
	}

	/** {@code count} new images from z ~ N(0, temperature^2 I), reproducible with the seed. */
	public List<Plane> generate(final int count, final long seed, final double temperature) {
		return generate(count, seed, temperature, Sampling.AUTO);
	}

	/**
	 * {@code count} new images, reproducible with the seed: codes drawn from the VAE's prior N(0, temperature^2 I), or
	 * from the Gaussian fitted to the training codes with its covariance scaled by temperature^2 (the only choice for an
	 * autoencoder, which has no prior); {@link Sampling#AUTO} is the prior for a VAE and the fit otherwise.
	 */
	public List<Plane> generate(final int count, final long seed, final double temperature, final Sampling sampling) {
		return generate(count, seed, temperature, sampling, "");
	}

	/**
	 * As above; a class-conditional VAE generates images of class {@code label} (one of {@link #classes}), which an
	 * unconditional model must not be given (empty).
	 */
	public List<Plane> generate(final int count, final long seed, final double temperature, final Sampling sampling,
		final String label)
	{
		final int cls = chosenClass(label, "generate");
		if (count < 1) throw new BadInputException("Count must be at least 1 (got " + count + ").");
		if (!(temperature >= 0)) throw new BadInputException("Temperature must be 0 or positive (got " + temperature + ").");
		final Random rng = new Random(seed);
		final boolean fit = sampling == Sampling.FIT || sampling == Sampling.AUTO && !model.isVae();
		if (!fit && !model.isVae()) throw new BadInputException("A feature autoencoder has no prior to sample from: " +
			"choose sampling 'fit' (or 'auto'), which samples the Gaussian fitted to its training codes.");
		if (fit && model.codes == null) throw new BadInputException("This model file has no Gaussian fitted to its " +
			"training codes (it was trained by an earlier version): sample from the prior (sampling 'prior'), or train " +
			"the model again (or resume it for an epoch) to store the fit.");
		if (fit) return decode(model.codes.sample(count, rng, temperature), cls);
		final float[] codes = new float[count * spec.latent()];
		for (int i = 0; i < codes.length; i++)
			codes[i] = (float) (rng.nextGaussian() * temperature);
		return decode(codes, cls);
	}

	/**
	 * The index of {@code label} among the classes of a class-conditional VAE, or -1 for an unconditional model given
	 * none; a message for a missing or unknown class, or a class given to an unconditional model.
	 */
	private int chosenClass(final String label, final String what) {
		final String l = label == null ? "" : label.trim();
		final int cls = spec.classes().indexOf(l);
		if (spec.isConditional() && cls < 0) throw new BadInputException((l.isEmpty() ? "No class given" : "Unknown " +
			"class '" + l + "'") + ": this class-conditional VAE " + what + "s images of the classes " + spec.classes() +
			"; choose one (label).");
		if (!spec.isConditional() && !l.isEmpty()) throw new BadInputException("This model was trained without labels, " +
			"so it cannot " + what + " a class ('" + l + "'): leave the label empty, or train a VAE with labels.");
		return cls;
	}

	/** Decodes (1-a) f(a) + a f(b) for {@code steps} values of a from 0 to 1, f being the latent mean. */
	public List<Plane> interpolate(final Plane a, final Plane b, final int steps) {
		return interpolate(a, null, b, null, steps);
	}

	/**
	 * As above; a class-conditional VAE encodes a as class {@code labelA} and b as {@code labelB} and moves the one-hot
	 * condition along with the code, decoding (1-t) f(a) + t f(b) as the mixture (1-t) onehot(labelA) + t
	 * onehot(labelB): the ends are the reconstructions of a and b in their classes, and with one label for both the
	 * strip stays within that class. Other models must not be given labels (null or empty).
	 */
	public List<Plane> interpolate(final Plane a, final String labelA, final Plane b, final String labelB,
		final int steps)
	{
		if (steps < 2) throw new BadInputException("Interpolation needs at least 2 steps (got " + steps + ").");
		final List<String> labels = Arrays.asList(labelA, labelB);
		if (!spec.isConditional()) {
			for (final String l : labels)
				if (l != null && !l.trim().isEmpty()) throw new BadInputException("This model was trained without " +
					"labels, so it cannot interpolate as class '" + l.trim() + "': leave from_label and to_label empty, " +
					"or train a VAE with labels.");
		}
		final float[] m = encode(List.of(a, b), spec.isConditional() ? labels : null)[0];
		final int l = spec.latent(), c = Math.max(1, spec.classes().size());
		final float[] codes = new float[steps * l], mix = new float[steps * c];
		final int ca = spec.isConditional() ? classIndex(labelA) : -1, cb = spec.isConditional() ? classIndex(labelB) : -1;
		for (int s = 0; s < steps; s++) {
			final float t = s / (float) (steps - 1);
			for (int i = 0; i < l; i++)
				codes[s * l + i] = (1 - t) * m[i] + t * m[l + i];
			if (ca >= 0) {
				mix[s * c + ca] += 1 - t;
				mix[s * c + cb] += t;
			}
		}
		try (var ty = Tensors.of(mix, steps, c)) {
			return decode(codes, ty);
		}
	}

	/**
	 * A grid x grid sweep of latent dimensions {@code dimI} (down the rows) and {@code dimJ} (across the columns) from
	 * -range to range, the other dimensions at 0; images in row-major order.
	 */
	public List<Plane> walk(final int dimI, final int dimJ, final double range, final int grid) {
		return walk(dimI, dimJ, range, grid, "");
	}

	/**
	 * As above; a class-conditional VAE decodes the whole grid as class {@code label} (one of {@link #classes}), which
	 * an unconditional model must not be given (empty).
	 */
	public List<Plane> walk(final int dimI, final int dimJ, final double range, final int grid, final String label) {
		final int cls = chosenClass(label, "walk");
		final int l = spec.latent();
		if (dimI < 0 || dimI >= l || dimJ < 0 || dimJ >= l) throw new BadInputException("Latent dimensions must be " +
			"between 0 and " + (l - 1) + " for this model (got " + dimI + "," + dimJ + ").");
		if (grid < 2) throw new BadInputException("The walk grid must be at least 2 (got " + grid + ").");
		if (!(range > 0)) throw new BadInputException("The walk range must be positive (got " + range + ").");
		final float[] codes = new float[grid * grid * l];
		for (int r = 0; r < grid; r++)
			for (int c = 0; c < grid; c++) {
				final int k = (r * grid + c) * l;
				codes[k + dimI] += (float) (-range + 2 * range * r / (grid - 1));
				codes[k + dimJ] += (float) (-range + 2 * range * c / (grid - 1));
			}
		return decode(codes, cls);
	}

	/**
	 * Latent arithmetic: decodes code(a) + strength (mean code(b) - mean code(c)) for every image a, the codes being the
	 * latent means of a VAE or the codes of an autoencoder; e.g. b cells with a phenotype and c cells without it add
	 * the phenotype to each a. With b = c (or strength 0) this is the reconstruction of a.
	 */
	public List<Plane> arithmetic(final List<Plane> a, final List<Plane> b, final List<Plane> c,
		final double strength)
	{
		return arithmetic(a, null, b, null, c, null, strength);
	}

	/**
	 * As above; a class-conditional VAE encodes every image given its class (the labels of each set, one per image) and
	 * decodes each changed code in the class of its image a, so the class stays and the added difference is one of the
	 * codes the classes share (e.g. pose or size). Other models ignore the labels, which may be null.
	 */
	public List<Plane> arithmetic(final List<Plane> a, final List<String> labelsA, final List<Plane> b,
		final List<String> labelsB, final List<Plane> c, final List<String> labelsC, final double strength)
	{
		for (final List<Plane> set : List.of(a, b, c))
			if (set.isEmpty()) throw new BadInputException("Latent arithmetic needs at least one image in each of the " +
				"three sets (the images to change, the set to add, the set to subtract).");
		final int l = spec.latent();
		final float[] codes = encode(a, labelsA)[0];
		final double[] mb = meanCode(b, labelsB), mc = meanCode(c, labelsC);
		for (int i = 0; i < a.size(); i++)
			for (int j = 0; j < l; j++)
				codes[i * l + j] += (float) (strength * (mb[j] - mc[j]));
		return decode(codes, labelsA);
	}

	private double[] meanCode(final List<Plane> images, final List<String> labels) {
		final int l = spec.latent();
		final double[] m = new double[l];
		for (int start = 0; start < images.size(); start += 1000) {
			final int end = Math.min(images.size(), start + 1000);
			final float[] codes = encode(images.subList(start, end), labels == null ? null : labels.subList(start,
				end))[0];
			for (int i = 0; i < codes.length; i++)
				m[i % l] += codes[i];
		}
		for (int j = 0; j < l; j++)
			m[j] /= images.size();
		return m;
	}

	/** Reconstructions (decoded latent means), in image units. */
	public List<Plane> reconstruct(final List<Plane> images) {
		return reconstruct(images, null);
	}

	/** As above; a class-conditional VAE encodes and decodes image i as class {@code labels.get(i)}. */
	public List<Plane> reconstruct(final List<Plane> images, final List<String> labels) {
		final float[] data = VaeData.pack(images, norm, spec);
		try (var t = Tensors.of(data, images.size(), spec.paddedHeight(), spec.paddedWidth(), 1); var ty = condition(
			"Reconstructing", labels, images.size()); var r = withCondition(session.runner().feed(x, t), ty).fetch(
				reconstruction).run())
		{
			return planes(Tensors.values(r.get(0)), images.size());
		}
	}

	/** Negative ELBO per image in nats (one posterior sample each, drawn from the seed); a VAE's only. */
	public float[] negativeElbo(final List<Plane> images, final long seed) {
		return negativeElbo(images, null, seed);
	}

	/** As above; a class-conditional VAE scores image i as class {@code labels.get(i)}: -log p(x | y) bound. */
	public float[] negativeElbo(final List<Plane> images, final List<String> labels, final long seed) {
		if (nelbo == null) throw new BadInputException("A feature autoencoder has no ELBO: score it by its " +
			"reconstruction error.");
		final float[] data = VaeData.pack(images, norm, spec);
		final float[] e = new float[images.size() * spec.latent()];
		final Random rng = new Random(seed);
		for (int i = 0; i < e.length; i++)
			e[i] = (float) rng.nextGaussian();
		try (var t = Tensors.of(data, images.size(), spec.paddedHeight(), spec.paddedWidth(), 1); var te = Tensors.of(e,
			images.size(), spec.latent()); var ty = condition("Scoring", labels, images.size()); var r = withCondition(
				session.runner().feed(x, t).feed(eps, te), ty).fetch(nelbo).run())
		{
			return Tensors.values(r.get(0));
		}
	}

	@Override
	public void close() {
		session.close();
		graph.close();
	}

	// -- Helper methods --

	/**
	 * The one-hot rows of the classes of n images for a class-conditional VAE, else null (nothing to feed).
	 *
	 * @throws BadInputException if a class-conditional VAE is given no labels, or a label that is not one of its classes
	 */
	private TFloat32 condition(final String what, final List<String> labels, final int n) {
		if (!spec.isConditional()) return null;
		if (labels == null) throw new BadInputException(what + " images with a class-conditional VAE needs the " +
			"class of each image (one of " + spec.classes() + "): give labels (slice labels, a folder of class " +
			"subfolders or a labels file) to encode, latent-plot and anomaly, slice labels to arithmetic, from_label " +
			"and to_label to interpolate.");
		if (labels.size() != n) throw new IllegalArgumentException(labels.size() + " labels for " + n + " images");
		final int c = spec.classes().size();
		final float[] onehot = new float[n * c];
		for (int i = 0; i < n; i++)
			onehot[i * c + classIndex(labels.get(i))] = 1;
		return Tensors.of(onehot, n, c);
	}

	/** The index of a class of this class-conditional VAE, or a message naming its classes. */
	private int classIndex(final String label) {
		final String l = label == null ? "" : label.trim();
		final int i = spec.classes().indexOf(l);
		if (i < 0) throw new BadInputException((l.isEmpty() ? "No class given" : "Unknown class '" + l + "'") +
			": this class-conditional VAE knows the classes " + spec.classes() + "; give each image one of them.");
		return i;
	}

	/** Feeds the condition, if there is one (a class-conditional VAE). */
	private Session.Runner withCondition(final Session.Runner runner, final TFloat32 ty) {
		return ty != null && y != null ? runner.feed(y, ty) : runner;
	}

	private List<Plane> planes(final float[] data, final int n) {
		final List<Plane> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++)
			out.add(VaeData.unpack(data, i, norm, spec));
		return out;
	}
}
