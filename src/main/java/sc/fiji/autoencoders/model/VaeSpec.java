package sc.fiji.autoencoders.model;

import java.util.List;
import java.util.Objects;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Immutable description of a convolutional VAE: image size, latent size, encoder depth (stride-2 convolutions) and base
 * filters, likelihood and KL weight. With a {@link #regularizer()} it describes a feature autoencoder
 * ({@link ModelKind#AUTOENCODER}, {@link AutoencoderNetwork}) of the same shape instead: the latent size is its code
 * size, the likelihood and beta are unused, and {@link #weight()} weighs the regularizer's penalty.
 */
public final class VaeSpec {

	/** {@link Likelihood#BERNOULLI}'s id, a compile-time constant for dialogs' choice lists. */
	public static final String BERNOULLI = "bernoulli";
	/** {@link Likelihood#GAUSSIAN}'s id. */
	public static final String GAUSSIAN = "gaussian";
	/** Largest image side: far beyond what a VAE can be trained on, it keeps all sizes within int range. */
	public static final int MAX_SIDE = 1 << 14;

	private final int width;
	private final int height;
	private final int latent;
	private final int depth;
	private final int filters;
	private final Likelihood likelihood;
	private final float beta;
	/** Null for a VAE; the regularizer of a feature autoencoder. */
	private final Regularizer regularizer;
	private final float weight;
	/** The code's activation of a sparse autoencoder, null otherwise. */
	private final SparseCode sparseCode;
	/** Class names of a class-conditional VAE, in one-hot order; empty for an unconditional one. */
	private final List<String> classes;

	public VaeSpec(final int width, final int height, final int latent, final int depth, final int filters,
		final Likelihood likelihood, final float beta)
	{
		this(width, height, latent, depth, filters, likelihood, beta, null, 0, null, List.of());
	}

	private VaeSpec(final int width, final int height, final int latent, final int depth, final int filters,
		final Likelihood likelihood, final float beta, final Regularizer regularizer, final float weight,
		final SparseCode sparseCode, final List<String> classes)
	{
		this.sparseCode = regularizer == Regularizer.SPARSE ? sparseCode : null;
		this.classes = List.copyOf(classes);
		this.width = width;
		this.height = height;
		this.latent = latent;
		this.depth = depth;
		this.filters = filters;
		this.likelihood = likelihood;
		this.beta = beta;
		this.regularizer = regularizer;
		this.weight = weight;
	}

	/**
	 * A feature autoencoder's spec: code size {@code code}, its regularizer and the penalty's weight (ignored, and stored
	 * as 0, for none and linear). A sparse code is a {@link SparseCode#SHRINKAGE soft threshold}.
	 */
	public static VaeSpec autoencoder(final int width, final int height, final int code, final int depth,
		final int filters, final Regularizer regularizer, final float weight)
	{
		final boolean penalized = regularizer == Regularizer.SPARSE || regularizer == Regularizer.CONTRACTIVE;
		return new VaeSpec(width, height, code, depth, filters, Likelihood.GAUSSIAN, 0, regularizer, penalized ? weight
			: 0, SparseCode.SHRINKAGE, List.of());
	}

	/** A sparse autoencoder's spec with the code activation {@code c} (files written before soft thresholds: RELU). */
	public VaeSpec withSparseCode(final SparseCode c) {
		if (regularizer != Regularizer.SPARSE) throw new IllegalStateException("not a sparse autoencoder: " + this);
		return new VaeSpec(width, height, latent, depth, filters, likelihood, beta, regularizer, weight, c, classes);
	}

	/** The code activation of a sparse autoencoder, null for any other spec. */
	public SparseCode sparseCode() {
		return sparseCode;
	}

	public VaeSpec withLatent(final int l) {
		return new VaeSpec(width, height, l, depth, filters, likelihood, beta, regularizer, weight, sparseCode, classes);
	}

	public VaeSpec withDepth(final int d) {
		return new VaeSpec(width, height, latent, d, filters, likelihood, beta, regularizer, weight, sparseCode, classes);
	}

	public VaeSpec withFilters(final int f) {
		return new VaeSpec(width, height, latent, depth, f, likelihood, beta, regularizer, weight, sparseCode, classes);
	}

	public VaeSpec withLikelihood(final Likelihood l) {
		return new VaeSpec(width, height, latent, depth, filters, l, beta, regularizer, weight, sparseCode, classes);
	}

	public VaeSpec withBeta(final float b) {
		return new VaeSpec(width, height, latent, depth, filters, likelihood, b, regularizer, weight, sparseCode, classes);
	}

	/** A class-conditional VAE's spec: encoder and decoder also get the one-hot class of {@code classes}. */
	public VaeSpec withClasses(final List<String> names) {
		return new VaeSpec(width, height, latent, depth, filters, likelihood, beta, regularizer, weight, sparseCode, names);
	}

	/** The class names of a class-conditional VAE, in one-hot order; empty for an unconditional one. */
	public List<String> classes() {
		return classes;
	}

	/** True for a class-conditional VAE. */
	public boolean isConditional() {
		return !classes.isEmpty();
	}

	/** True for a feature autoencoder's spec, false for a VAE's. */
	public boolean isAutoencoder() {
		return regularizer != null;
	}

	/** The feature autoencoder's regularizer, null for a VAE. */
	public Regularizer regularizer() {
		return regularizer;
	}

	/** Weight of the regularizer's penalty (0 for a VAE and for none and linear). */
	public float weight() {
		return weight;
	}

	public VaeSpec validate() {
		if ((regularizer == Regularizer.SPARSE) != (sparseCode != null)) throw new BadInputException("A sparse " +
			"autoencoder needs a sparse code (" + Choice.ids(SparseCode.class) + "), and only it has one.");
		if (latent < 1 || latent > 1024) throw new BadInputException("Latent size " + latent +
			" is out of range: use 1 to 1024 (16 is a good start).");
		if (depth < 1 || depth > 5) throw new BadInputException("VAE depth " + depth + " is out of range: use 1 to 5.");
		if (filters < 1 || filters > 256) throw new BadInputException("VAE filters " + filters +
			" is out of range: use 1 to 256.");
		if (likelihood == null) throw new BadInputException("No likelihood given: use " + Choice.ids(Likelihood.class) +
			".");
		if (!(beta >= 0) || Float.isInfinite(beta)) throw new BadInputException("Beta must be 0 or positive (got " + beta +
			").");
		if (isConditional() && isAutoencoder()) throw new BadInputException("Feature autoencoders are not " +
			"class-conditional: train them without labels.");
		if (classes.size() == 1 || classes.size() > 1000) throw new BadInputException("A class-conditional VAE needs 2 " +
			"to 1000 classes (got " + classes.size() + "): check the labels.");
		if (classes.stream().anyMatch(c -> c == null || c.trim().isEmpty()) || classes.stream().distinct().count() < classes
			.size()) throw new BadInputException("Class names must be distinct and not empty (got " + classes + ").");
		if (!(weight >= 0) || Float.isInfinite(weight)) throw new BadInputException("The regularizer's weight must be " +
			"0 or positive (got " + weight + ").");
		if (width < 1 || height < 1) throw new BadInputException("Image size must be positive (got " + width + "x" +
			height + ").");
		if (width > MAX_SIDE || height > MAX_SIDE) throw new BadInputException("Images of " + width + "x" + height +
			" are too large for a VAE: crop or scale them to at most " + MAX_SIDE + " pixels a side.");
		return this;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int latent() {
		return latent;
	}

	public int depth() {
		return depth;
	}

	public int filters() {
		return filters;
	}

	public Likelihood likelihood() {
		return likelihood;
	}

	public float beta() {
		return beta;
	}

	/** Padded width and height: the image size rounded up to a multiple of 2^depth. */
	public int paddedWidth() {
		return roundUp(width, 1 << depth);
	}

	public int paddedHeight() {
		return roundUp(height, 1 << depth);
	}

	private static int roundUp(final int v, final int m) {
		return (v + m - 1) / m * m;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof VaeSpec)) return false;
		final VaeSpec s = (VaeSpec) o;
		return s.width == width && s.height == height && s.latent == latent && s.depth == depth && s.filters == filters &&
			s.likelihood == likelihood && s.beta == beta && s.regularizer == regularizer && s.weight == weight &&
			s.sparseCode == sparseCode && s.classes.equals(classes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(width, height, latent, depth, filters, likelihood, beta, regularizer, weight, sparseCode,
			classes);
	}

	@Override
	public String toString() {
		if (isAutoencoder()) return "autoencoder " + width + "x" + height + ", code " + latent + ", depth " + depth +
			", " + filters + " filters, regularizer " + regularizer + (weight > 0 ? " (weight " + weight + ")" : "") +
			(sparseCode == null ? "" : sparseCode == SparseCode.RELU ? ", ReLU code" : ", soft-threshold code");
		return "VAE " + width + "x" + height + ", latent " + latent + ", depth " + depth + ", " + filters + " filters, " +
			likelihood + " likelihood, beta " + beta + (isConditional() ? ", conditional on " + classes.size() +
				" classes " + classes : "");
	}
}
