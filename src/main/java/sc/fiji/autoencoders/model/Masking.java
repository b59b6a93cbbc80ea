package sc.fiji.autoencoders.model;

import java.util.Locale;
import java.util.Objects;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The blind-spot masking a Noise2Void model was trained with (stored as {@code masking} in the model file): which
 * pixels of a patch are masked, what replaces them, and which pixels around them are masked too (structN2V). The loss
 * is computed on the masked pixels only, against their original noisy values.
 */
public final class Masking {

	/** Side of the window the replacement of a masked pixel is drawn from (N2V's 5x5). */
	public static final int DEFAULT_WINDOW = 5;
	/** Length of a structN2V line, centred on the masked pixel (CAREamics' default span). */
	public static final int DEFAULT_SPAN = 5;

	private final double percent;
	private final int window;
	private final boolean excludeCentre;
	private final StructMask struct;
	private final int span;
	private final Replacement replacement;

	/**
	 * @param percent pixels replaced in the network's input, in per cent of the patch: the masked pixels (one at a random
	 *          place in each cell of a grid, stratified as Noise2Void) and, with a structN2V line, the rest of their
	 *          lines, so that a line of 5 masks a fifth as many pixels (at 5 % of masked pixels a quarter of the input
	 *          would be replaced, and a network trained on that shifted its outputs: docs/BENCHMARKS.md)
	 * @param window side (odd) of the window centred on a masked pixel that its replacement value is drawn from
	 * @param excludeCentre never draw the masked pixel itself (N2V2); else it is drawn with probability 1 / window²
	 *          like the original Noise2Void
	 * @param struct the line masked with each pixel (structN2V), or {@link StructMask#NONE}
	 * @param span length (odd) of that line
	 */
	public Masking(final double percent, final int window, final boolean excludeCentre, final StructMask struct,
		final int span)
	{
		this(percent, window, excludeCentre, struct, span, Replacement.NEIGHBOUR);
	}

	/**
	 * As above, with what replaces a masked pixel (files written before the choice existed replaced by a random
	 * neighbour).
	 */
	public Masking(final double percent, final int window, final boolean excludeCentre, final StructMask struct,
		final int span, final Replacement replacement)
	{
		this.replacement = replacement;
		this.percent = percent;
		this.window = window;
		this.excludeCentre = excludeCentre;
		this.struct = struct;
		this.span = span;
	}

	/** The default masking: N2V2 (never the centre), no structN2V line. */
	public static Masking n2v2(final double percent) {
		return new Masking(percent, DEFAULT_WINDOW, true, StructMask.NONE, DEFAULT_SPAN);
	}

	public Masking withStruct(final StructMask s) {
		return new Masking(percent, window, excludeCentre, s, span, replacement);
	}

	public Masking withExcludeCentre(final boolean e) {
		return new Masking(percent, window, e, struct, span, replacement);
	}

	public Masking withReplacement(final Replacement r) {
		return new Masking(percent, window, excludeCentre, struct, span, r);
	}

	/** Throws {@link BadInputException} naming the bad value and its valid range. */
	public Masking validate() {
		if (!(percent > 0 && percent <= 25)) throw new BadInputException("Masked pixel percentage " + percent +
			" is out of range: use more than 0 and at most 25 (Noise2Void uses 0.2, 5 is the default).");
		if (window < 3 || window > 15 || window % 2 == 0) throw new BadInputException("Masking window " + window +
			" is out of range: use an odd size from 3 to 15 (5 is Noise2Void's).");
		if (struct == null) throw new BadInputException("No structN2V mask given: use " + Choice.ids(StructMask.class) +
			".");
		if (replacement == null) throw new BadInputException("No masked pixel replacement given: use " + Choice.ids(
			Replacement.class) + ".");
		if (span < 3 || span > 15 || span % 2 == 0) throw new BadInputException("structN2V span " + span +
			" is out of range: use an odd length from 3 to 15.");
		return this;
	}

	public double percent() {
		return percent;
	}

	public int window() {
		return window;
	}

	public boolean excludeCentre() {
		return excludeCentre;
	}

	public StructMask struct() {
		return struct;
	}

	public int span() {
		return span;
	}

	/** What replaces a masked pixel: a random neighbour, or the mean of its window without it. */
	public Replacement replacement() {
		return replacement;
	}

	/**
	 * Side of the grid cells masked pixels are drawn from, one per cell: {@code round(sqrt(100 / percent))}, at least
	 * 1 (1 per cent: 10x10 cells), and {@code span} times the area with a structN2V line.
	 */
	public int cell() {
		return Math.max(1, (int) Math.round(Math.sqrt(pixelsPerMasked() / percent)));
	}

	/** Pixels of a patch per masked pixel, so that {@link #percent} of them are replaced (see the constructor). */
	public double pixelsPerMasked() {
		return 100.0 * (struct == StructMask.NONE ? 1 : span);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Masking)) return false;
		final Masking m = (Masking) o;
		return m.percent == percent && m.window == window && m.excludeCentre == excludeCentre && m.struct == struct &&
			m.span == span && m.replacement == replacement;
	}

	@Override
	public int hashCode() {
		return Objects.hash(percent, window, excludeCentre, struct, span, replacement);
	}

	@Override
	public String toString() {
		final String pct = new java.math.BigDecimal(Double.toString(percent)).stripTrailingZeros().toPlainString();
		if (replacement == Replacement.MEAN) return String.format(Locale.ROOT, "%s%% of pixels (stratified), each " +
			"replaced by the mean of its %dx%d window without itself%s", pct, window, window, struct == StructMask.NONE
				? "" : ", structN2V line of " + span + " pixels along " + struct);
		return String.format(Locale.ROOT, "%s%% of pixels (stratified), each replaced by a random pixel of its %dx%d " +
			"window, %s%s", pct, window, window, excludeCentre ? "never itself (N2V2)" : "possibly itself (N2V)", struct == StructMask.NONE
				? "" : ", structN2V line of " + span + " pixels along " + struct);
	}
}
