package sc.fiji.autoencoders.train;

import java.util.Locale;
import java.util.Random;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.Choice;

/**
 * What a feature autoencoder's encoder sees while it trains, the loss being always against the clean image (a denoising
 * or masked autoencoder): {@code none}; {@code mask:F}, a fraction F of square patches of 2^depth pixels (one cell of
 * the encoder's smallest feature map) set to 0, as masked autoencoders hide patches; {@code pixels:F}, a fraction F of
 * single pixels set to 0 (the masking noise of denoising autoencoders); or {@code noise:S}, Gaussian noise of standard
 * deviation S added (intensities in [0, 1] units, as normalized for training). Validation, codes and every use of the
 * trained model see clean images.
 */
public final class Corruption {

	/** The kinds, by the name users type. */
	public enum Kind implements Choice {
		NONE, MASK, PIXELS, NOISE
	}

	public static final Corruption NONE = new Corruption(Kind.NONE, 0);

	private final Kind kind;
	private final float strength;

	private Corruption(final Kind kind, final float strength) {
		this.kind = kind;
		this.strength = strength;
	}

	/**
	 * {@code none}, {@code mask:F}, {@code pixels:F} (F in (0, 1)) or {@code noise:S} (S > 0), ignoring case and spaces.
	 *
	 * @throws BadInputException naming the forms if {@code text} is none of them
	 */
	public static Corruption parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
		if (t.equals("none") || t.isEmpty()) return NONE;
		final int colon = t.indexOf(':');
		final String name = colon < 0 ? t : t.substring(0, colon);
		final Kind kind = Choice.byId(Kind.class, name);
		if (kind == null || kind == Kind.NONE || colon < 0) throw bad(text);
		final float s;
		try {
			s = Float.parseFloat(t.substring(colon + 1));
		}
		catch (final NumberFormatException e) {
			throw bad(text);
		}
		if (kind == Kind.NOISE ? !(s > 0 && s < 100) : !(s > 0 && s < 1)) throw new BadInputException("Corruption '" +
			text.trim() + "': " + (kind == Kind.NOISE ? "the noise's standard deviation must be above 0 (e.g. noise:0.3)"
				: "the masked fraction must be between 0 and 1 (e.g. " + name + ":0.5)") + ".");
		return new Corruption(kind, s);
	}

	public Kind kind() {
		return kind;
	}

	/** The masked fraction, or the noise's standard deviation; 0 for none. */
	public float strength() {
		return strength;
	}

	public boolean isNone() {
		return kind == Kind.NONE;
	}

	/**
	 * A corrupted copy of {@code count} packed images of {@code height} x {@code width} pixels; {@code patch}: the side
	 * of a masked patch for {@link Kind#MASK}.
	 */
	public float[] apply(final float[] images, final int count, final int height, final int width, final int patch,
		final Random rng)
	{
		final float[] out = images.clone();
		final int n = height * width;
		if (kind == Kind.NOISE) for (int i = 0; i < out.length; i++)
			out[i] += (float) (strength * rng.nextGaussian());
		else if (kind != Kind.NONE) {
			final int side = kind == Kind.MASK ? patch : 1, rows = (height + side - 1) / side, cols = (width + side - 1) /
				side;
			final int[] cells = new int[rows * cols];
			for (int i = 0; i < cells.length; i++)
				cells[i] = i;
			final int hidden = Math.round(strength * cells.length);
			for (int img = 0; img < count; img++) {
				// the first `hidden` cells of a partial Fisher-Yates shuffle: exactly that many, chosen uniformly
				for (int i = 0; i < hidden; i++) {
					final int j = i + rng.nextInt(cells.length - i), c = cells[j];
					cells[j] = cells[i];
					cells[i] = c;
					final int y0 = c / cols * side, x0 = c % cols * side;
					for (int y = y0; y < Math.min(height, y0 + side); y++)
						for (int x = x0; x < Math.min(width, x0 + side); x++)
							out[img * n + y * width + x] = 0;
				}
			}
		}
		return out;
	}

	@Override
	public String toString() {
		return kind == Kind.NONE ? kind.id() : kind.id() + ":" + strength;
	}

	private static BadInputException bad(final String text) {
		return new BadInputException("Unknown corruption '" + (text == null ? "" : text.trim()) + "': use 'none', " +
			"'mask:F' (hide a fraction F of patches, e.g. mask:0.5), 'pixels:F' (hide a fraction F of pixels) or " +
			"'noise:S' (add Gaussian noise of standard deviation S, e.g. noise:0.3).");
	}
}
