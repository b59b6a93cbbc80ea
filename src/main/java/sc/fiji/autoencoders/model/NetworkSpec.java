package sc.fiji.autoencoders.model;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Immutable description of a denoising network, stored in the model file as JSON so that the graph can be rebuilt in
 * Java on load (a model file is data, never code).
 * <p>
 * Architectures:
 * <ul>
 * <li>{@link Architecture#UNET}: encoder of {@code depth} levels (two 3x3 convolutions with LeakyReLU, then 2x2 max
 * pooling), a bottleneck block, and a decoder that upsamples ({@link Upsampling}), convolves, concatenates the encoder's
 * skip and applies two more convolutions;</li>
 * <li>{@link Architecture#PLAIN}: the same encoder and decoder without skip connections (the classic bottleneck
 * autoencoder).</li>
 * </ul>
 * With {@code residual} the network predicts the correction that is added to its input, which makes denoisers train
 * much faster because the identity is free.
 * <p>
 * {@link #dims()} 3 makes a 3D network for Z stacks: 3x3x3 convolutions on NDHWC blocks, pooling that halves X and Y at
 * every level and Z only at the levels of {@link #zPooling()} (anisotropic voxels, see {@link ZPooling}), and nearest
 * upsampling undoing it. Files written before 3D networks existed are 2D.
 * <p>
 * The N2V2 options (Höck et al. 2022), used for Noise2Void: {@link Pooling#BLUR} instead of max pooling, and no
 * top-level skip connection ({@code topSkip} false: the finest decoder level sees only upsampled features), which
 * together remove the checkerboard artefacts of blind-spot networks. Files written before they existed are max-pooling
 * networks with every skip.
 */
public final class NetworkSpec implements DenoiserSpec {

	/** {@link Architecture#UNET}'s id, a compile-time constant for dialogs' choice lists. */
	public static final String UNET = "unet";
	/** {@link Architecture#PLAIN}'s id. */
	public static final String PLAIN = "plain";
	/** {@link Upsampling#NEAREST}'s id. */
	public static final String NEAREST = "nearest";
	/** {@link Upsampling#BILINEAR}'s id. */
	public static final String BILINEAR = "bilinear";
	/** The filter cap of models written before {@link #maxFilters()} existed, and the default. */
	public static final int DEFAULT_MAX_FILTERS = 512;
	/** Most input (and output) channels of a network trained on channels jointly. */
	public static final int MAX_CHANNELS = 16;

	private final Architecture architecture;
	private final int depth;
	private final int filters;
	private final boolean residual;
	private final Upsampling upsampling;
	private final int channels;
	private final float leakyAlpha;
	private final int maxFilters;
	// 3D networks: 2 or 3, and for 3D the levels whose pooling also halves Z (length depth; all false in 2D)
	private final int dims;
	private final boolean[] zPooling;
	private final Pooling pooling;
	private final boolean topSkip;

	public NetworkSpec(final Architecture architecture, final int depth, final int filters, final boolean residual,
		final Upsampling upsampling, final int channels, final float leakyAlpha)
	{
		this(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, DEFAULT_MAX_FILTERS);
	}

	/** @param maxFilters the cap on the filters, which double at each level down */
	public NetworkSpec(final Architecture architecture, final int depth, final int filters, final boolean residual,
		final Upsampling upsampling, final int channels, final float leakyAlpha, final int maxFilters)
	{
		this(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, maxFilters, 2, null, Pooling.MAX,
			true);
	}

	/**
	 * @param dims 2 for a 2D network, 3 for a 3D network (Z stacks)
	 * @param zPooling for 3D, whether each level (0 first, {@code depth} of them) also halves Z; null: none
	 * @param pooling how the encoder halves the size
	 * @param topSkip whether a U-Net has the skip connection of its finest level (N2V2 drops it)
	 */
	public NetworkSpec(final Architecture architecture, final int depth, final int filters, final boolean residual,
		final Upsampling upsampling, final int channels, final float leakyAlpha, final int maxFilters, final int dims,
		final boolean[] zPooling, final Pooling pooling, final boolean topSkip)
	{
		this.pooling = pooling;
		this.topSkip = topSkip;
		this.dims = dims;
		this.zPooling = zPooling == null ? new boolean[Math.max(0, depth)] : zPooling.clone();
		this.maxFilters = maxFilters;
		this.architecture = architecture;
		this.depth = depth;
		this.filters = filters;
		this.residual = residual;
		this.upsampling = upsampling;
		this.channels = channels;
		this.leakyAlpha = leakyAlpha;
	}

	/**
	 * As above with the architecture and upsampling as typed by a user (ids such as {@code unet} and {@code nearest}).
	 *
	 * @throws BadInputException naming the valid ids if one is unknown
	 */
	public NetworkSpec(final String architecture, final int depth, final int filters, final boolean residual,
		final String upsampling, final int channels, final float leakyAlpha, final int maxFilters)
	{
		this(Architecture.parse(architecture), depth, filters, residual, Upsampling.parse(upsampling), channels,
			leakyAlpha, maxFilters);
	}

	/** The default denoiser: a residual U-Net with nearest upsampling. */
	public static NetworkSpec unet(final int depth, final int filters) {
		return new NetworkSpec(Architecture.UNET, depth, filters, true, Upsampling.NEAREST, 1, 0.1f);
	}

	public NetworkSpec withArchitecture(final Architecture a) {
		return new NetworkSpec(a, depth, filters, residual, upsampling, channels, leakyAlpha, maxFilters, dims, zPooling, pooling, topSkip);
	}

	/**
	 * With the architecture as chosen in a dialog ({@code unet} or {@code plain}).
	 *
	 * @throws BadInputException naming the valid ids if {@code a} is none of them
	 */
	public NetworkSpec withArchitecture(final String a) {
		return withArchitecture(Architecture.parse(a));
	}

	public NetworkSpec withResidual(final boolean r) {
		return new NetworkSpec(architecture, depth, filters, r, upsampling, channels, leakyAlpha, maxFilters, dims, zPooling, pooling, topSkip);
	}

	public NetworkSpec withUpsampling(final Upsampling u) {
		return new NetworkSpec(architecture, depth, filters, residual, u, channels, leakyAlpha, maxFilters, dims, zPooling, pooling, topSkip);
	}

	/** Caps the filters of the deeper levels: fewer parameters and less arithmetic at the coarse scales. */
	public NetworkSpec withMaxFilters(final int m) {
		return new NetworkSpec(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, m, dims, zPooling, pooling, topSkip);
	}

	/**
	 * With {@code c} input and output channels: the channels of a multichannel image denoised jointly, each output
	 * channel seeing every input channel. 1 for a network of single-channel planes or stacks.
	 */
	public NetworkSpec withChannels(final int c) {
		return new NetworkSpec(architecture, depth, filters, residual, upsampling, c, leakyAlpha, maxFilters, dims,
			zPooling, pooling, topSkip);
	}

	/** A 3D network (Z stacks) pooling Z at the given levels (0 first, one per level; none if null). */
	public NetworkSpec threeD(final boolean... zPoolingLevels) {
		return new NetworkSpec(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, maxFilters, 3,
			zPoolingLevels == null || zPoolingLevels.length == 0 ? null : zPoolingLevels, pooling, topSkip);
	}

	public NetworkSpec withPooling(final Pooling p) {
		return new NetworkSpec(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, maxFilters, dims,
			zPooling, p, topSkip);
	}

	public NetworkSpec withTopSkip(final boolean t) {
		return new NetworkSpec(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, maxFilters, dims,
			zPooling, pooling, t);
	}

	/** With the N2V2 changes: blur pooling and no top-level skip connection. */
	public NetworkSpec n2v2() {
		return withPooling(Pooling.BLUR).withTopSkip(false);
	}

	/** Throws {@link BadInputException} naming the bad field and its valid range. */
	public NetworkSpec validate() {
		if (architecture == null) throw new BadInputException("No architecture given: use " + Choice.ids(
			Architecture.class) + ".");
		if (depth < 1 || depth > 4) throw new BadInputException("Network depth " + depth + " is out of range: use 1 to 4.");
		if (filters < 1 || filters > 256) {
			throw new BadInputException("Base filters " + filters + " is out of range: use 1 to 256 (32 is a good start).");
		}
		if (maxFilters < filters || maxFilters > DEFAULT_MAX_FILTERS) throw new BadInputException("Maximum filters " +
			maxFilters + " is out of range: use the base filters (" + filters + ") to " + DEFAULT_MAX_FILTERS + ".");
		if (upsampling == null) throw new BadInputException("No upsampling given: use " + Choice.ids(Upsampling.class) +
			".");
		if (channels < 1 || channels > MAX_CHANNELS) throw new BadInputException("A network has 1 to " + MAX_CHANNELS +
			" input channels, not " + channels + ": train on fewer channels jointly (channels pooled, or one channel " +
			"at a time), or split the image (Image > Color > Split Channels).");
		if (!(leakyAlpha >= 0 && leakyAlpha < 1)) throw new BadInputException("LeakyReLU alpha must be in [0, 1) (got " +
			leakyAlpha + "): use e.g. 0.1.");
		if (pooling == null) throw new BadInputException("No pooling given: use " + Choice.ids(Pooling.class) + ".");
		if (dims != 2 && dims != 3) throw new BadInputException("Network dimensions " + dims + " are not supported: " +
			"use 2 (planes) or 3 (Z stacks).");
		if (zPooling.length != depth) throw new BadInputException("The Z pooling lists " + zPooling.length +
			" levels but the network has " + depth + ": give one per level.");
		if (dims == 2 && zLevels() > 0) throw new BadInputException("A 2D network cannot pool in Z: use 3 dimensions.");
		if (dims == 3 && pooling != Pooling.MAX) throw new BadInputException("3D networks pool by max pooling only: " +
			"train Noise2Void (blur pooling, N2V2) in 2D, or 3D without N2V2 (--no-n2v2).");
		if (dims == 3 && upsampling != Upsampling.NEAREST) throw new BadInputException("3D networks upsample by " +
			"nearest neighbour only: use upsampling " + Upsampling.NEAREST + ".");
		return this;
	}

	public Architecture architecture() {
		return architecture;
	}

	public int depth() {
		return depth;
	}

	public int filters() {
		return filters;
	}

	public boolean residual() {
		return residual;
	}

	public Upsampling upsampling() {
		return upsampling;
	}

	@Override
	public int channels() {
		return channels;
	}

	public float leakyAlpha() {
		return leakyAlpha;
	}

	public int maxFilters() {
		return maxFilters;
	}

	/** Input width and height must be multiples of this (2^depth), because of the pooling. */
	public int sizeMultiple() {
		return 1 << depth;
	}

	/** 2 for a network of planes, 3 for a network of Z stacks (NDHWC blocks). */
	public Pooling pooling() {
		return pooling;
	}

	/** Whether a U-Net has the skip connection of its finest level (false for N2V2). */
	public boolean topSkip() {
		return topSkip;
	}

	@Override
	public int dims() {
		return dims;
	}

	/** For each level (0 first), whether its pooling also halves Z (never in 2D). A copy. */
	public boolean[] zPooling() {
		return zPooling.clone();
	}

	/** Whether level {@code level}'s pooling also halves Z. */
	public boolean poolsZ(final int level) {
		return zPooling[level];
	}

	/** The number of levels that halve Z. */
	public int zLevels() {
		int n = 0;
		for (final boolean z : zPooling)
			if (z) n++;
		return n;
	}

	/** Input depth (Z) must be a multiple of this: 2^{@link #zLevels()} (1 in 2D). */
	public int zSizeMultiple() {
		return 1 << zLevels();
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof NetworkSpec)) return false;
		final NetworkSpec s = (NetworkSpec) o;
		return s.architecture == architecture && s.depth == depth && s.filters == filters && s.residual == residual &&
			s.upsampling == upsampling && s.channels == channels && s.leakyAlpha == leakyAlpha && s.maxFilters == maxFilters &&
			s.dims == dims && java.util.Arrays.equals(s.zPooling, zPooling) && s.pooling == pooling && s.topSkip == topSkip;
	}

	@Override
	public int hashCode() {
		return 31 * Objects.hash(architecture, depth, filters, residual, upsampling, channels, leakyAlpha, maxFilters,
			dims, pooling, topSkip) + java.util.Arrays.hashCode(zPooling);
	}

	@Override
	public String toString() {
		return (residual ? "residual " : "") + architecture + " depth " + depth + ", " + filters + " filters" +
			(maxFilters != DEFAULT_MAX_FILTERS ? " (at most " + maxFilters + ")" : "") + ", " + upsampling + " upsampling" +
			(pooling != Pooling.MAX ? ", " + pooling + " pooling" : "") + (!topSkip && architecture == Architecture.UNET
				? ", no top skip" : "") + (dims == 3 ? ", 3D (" + zPoolingText() + ")" : "") + (channels != 1 ? ", " +
				channels + " channels jointly" : "");
	}

	@Override
	public Map<String, long[]> parameterShapes() {
		return ParameterShapes.of(this);
	}

	/**
	 * Each 3x3 convolution at level l reaches 2^l further, pooling and upsampling another 2^l, and bilinear upsampling
	 * one more.
	 */
	@Override
	public int receptiveRadius() {
		final boolean[] all = new boolean[depth];
		java.util.Arrays.fill(all, true);
		return radius(all);
	}

	/** Along Z, the levels pool as {@link #zPooling()}. */
	@Override
	public int receptiveRadiusZ() {
		return radius(zPooling);
	}

	/** The bound along an axis pooled at the levels {@code pooled}: a level's scale is 2^(levels pooled above it). */
	private int radius(final boolean[] pooled) {
		final int d = depth;
		final int[] scale = new int[d + 1];
		scale[0] = 1;
		for (int l = 0; l < d; l++)
			scale[l + 1] = pooled[l] ? 2 * scale[l] : scale[l];
		int r = 0;
		for (int l = 0; l < d; l++) // two convolutions and the pooling window (blur pooling: its 3x3 blur too)
			r += 2 * scale[l] + (pooled[l] ? scale[l] : 0) + (pooling == Pooling.BLUR ? 2 * scale[l] : 0);
		r += 2 * scale[d]; // bottleneck
		for (int l = 0; l < d; l++) // three convolutions, the upsampling window, one more for bilinear
			r += 3 * scale[l] + (pooled[l] ? scale[l] : 0) + (upsampling == Upsampling.BILINEAR ? scale[l] : 0);
		return r;
	}

	@Override
	public boolean measuresReceptiveField() {
		return true;
	}

	@Override
	public void describe(final AutoencoderModel m, final BiConsumer<String, String> line) {
		line.accept("tile margins", m.receptiveField == null ? "worst-case receptive radius (not measured: trained by " +
			"an earlier version)" : "measured receptive field, " + m.receptiveField);
	}

	@Override
	public String exportRefusal() {
		return null;
	}

	@Override
	public String use() {
		return "use it with Denoise with Autoencoder";
	}

	/** E.g. "Z pooled at levels 2, 3" (levels counted from 1), "Z pooled at every level" or "Z not pooled". */
	public String zPoolingText() {
		final java.util.StringJoiner levels = new java.util.StringJoiner(", ");
		for (int l = 0; l < zPooling.length; l++)
			if (zPooling[l]) levels.add(Integer.toString(l + 1));
		final int n = zLevels();
		return n == 0 ? "Z not pooled" : n == depth && n > 1 ? "Z pooled at every level" : "Z pooled at level" + (n > 1
			? "s " : " ") + levels;
	}
}
