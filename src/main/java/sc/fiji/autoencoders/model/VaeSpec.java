package sc.fiji.autoencoders.model;

import java.util.Objects;

import sc.fiji.autoencoders.BadInputException;

/**
 * Immutable description of a convolutional VAE: image size, latent size, encoder depth (stride-2 convolutions) and base
 * filters, likelihood and KL weight.
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

	public VaeSpec(final int width, final int height, final int latent, final int depth, final int filters,
		final Likelihood likelihood, final float beta)
	{
		this.width = width;
		this.height = height;
		this.latent = latent;
		this.depth = depth;
		this.filters = filters;
		this.likelihood = likelihood;
		this.beta = beta;
	}

	public VaeSpec withLatent(final int l) {
		return new VaeSpec(width, height, l, depth, filters, likelihood, beta);
	}

	public VaeSpec withDepth(final int d) {
		return new VaeSpec(width, height, latent, d, filters, likelihood, beta);
	}

	public VaeSpec withFilters(final int f) {
		return new VaeSpec(width, height, latent, depth, f, likelihood, beta);
	}

	public VaeSpec withLikelihood(final Likelihood l) {
		return new VaeSpec(width, height, latent, depth, filters, l, beta);
	}

	public VaeSpec withBeta(final float b) {
		return new VaeSpec(width, height, latent, depth, filters, likelihood, b);
	}

	public VaeSpec validate() {
		if (latent < 1 || latent > 1024) throw new BadInputException("Latent size " + latent +
			" is out of range: use 1 to 1024 (16 is a good start).");
		if (depth < 1 || depth > 5) throw new BadInputException("VAE depth " + depth + " is out of range: use 1 to 5.");
		if (filters < 1 || filters > 256) throw new BadInputException("VAE filters " + filters +
			" is out of range: use 1 to 256.");
		if (likelihood == null) throw new BadInputException("No likelihood given: use " + Choice.ids(Likelihood.class) +
			".");
		if (!(beta >= 0) || Float.isInfinite(beta)) throw new BadInputException("Beta must be 0 or positive (got " + beta +
			").");
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
			s.likelihood == likelihood && s.beta == beta;
	}

	@Override
	public int hashCode() {
		return Objects.hash(width, height, latent, depth, filters, likelihood, beta);
	}

	@Override
	public String toString() {
		return "VAE " + width + "x" + height + ", latent " + latent + ", depth " + depth + ", " + filters + " filters, " +
			likelihood + " likelihood, beta " + beta;
	}
}
