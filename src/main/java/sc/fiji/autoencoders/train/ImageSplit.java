package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Training and validation images, split from one list of planes or Z stacks (any image type {@code T}):
 * <ul>
 * <li>With 4 or more images, {@code max(1, round(fraction * n))} whole images (at most n-1) chosen by the seed are
 * held out for validation.</li>
 * <li>With fewer, each image is cut into its top rows (training) and bottom {@code fraction} of rows (validation), if
 * both parts of every image are at least {@code patchSize} rows tall.</li>
 * <li>Otherwise the same images are used for both; {@link #disjoint()} is then false, and validation losses are
 * optimistic.</li>
 * </ul>
 * Images keep their input order within each list.
 */
public final class ImageSplit<T> {

	/** Cuts rows {@code [y0, y0 + rows)} of an image (all of its columns and planes). */
	interface Rows<T> {

		T cut(T image, long y0, long rows);
	}

	private final List<T> training, validation;
	private final boolean disjoint;

	private ImageSplit(final List<T> training, final List<T> validation, final boolean disjoint) {
		this.training = Collections.unmodifiableList(new ArrayList<>(training));
		this.validation = Collections.unmodifiableList(new ArrayList<>(validation));
		this.disjoint = disjoint;
	}

	/**
	 * @param none the message when there are no images
	 * @throws BadInputException if there are no images or the fraction is not in [0, 1)
	 */
	static <T> ImageSplit<T> of(final List<T> images, final double fraction, final int patchSize, final long seed,
		final ToLongFunction<T> height, final Rows<T> rows, final String none)
	{
		if (images == null || images.isEmpty()) throw new BadInputException(none);
		if (!(fraction >= 0 && fraction < 1)) throw new BadInputException("The validation fraction must be at least 0 " +
			"and below 1, got " + fraction + ". Use for example 0.1.");
		final int n = images.size();
		if (n >= 4) {
			final int held = Math.min(n - 1, Math.max(1, (int) Math.round(fraction * n)));
			final List<Integer> order = new ArrayList<>();
			for (int i = 0; i < n; i++)
				order.add(i);
			Collections.shuffle(order, new Random(seed));
			final boolean[] validation = new boolean[n];
			for (int i = 0; i < held; i++)
				validation[order.get(i)] = true;
			final List<T> train = new ArrayList<>(), val = new ArrayList<>();
			for (int i = 0; i < n; i++)
				(validation[i] ? val : train).add(images.get(i));
			return new ImageSplit<>(train, val, true);
		}
		boolean canCut = true;
		for (final T image : images) {
			final long bottom = bottomRows(height.applyAsLong(image), fraction);
			canCut &= bottom >= patchSize && height.applyAsLong(image) - bottom >= patchSize;
		}
		if (!canCut) return new ImageSplit<>(images, images, false);
		final List<T> train = new ArrayList<>(), val = new ArrayList<>();
		for (final T image : images) {
			final long h = height.applyAsLong(image), bottom = bottomRows(h, fraction);
			train.add(rows.cut(image, 0, h - bottom));
			val.add(rows.cut(image, h - bottom, bottom));
		}
		return new ImageSplit<>(train, val, true);
	}

	private static long bottomRows(final long height, final double fraction) {
		return Math.round(fraction * height);
	}

	public List<T> training() {
		return training;
	}

	public List<T> validation() {
		return validation;
	}

	/** True if no pixel is in both sets; false if the same images are used for training and validation. */
	public boolean disjoint() {
		return disjoint;
	}

	@Override
	public String toString() {
		return "Split[" + training.size() + " training, " + validation.size() + " validation images" + (disjoint ? ""
			: ", same images") + "]";
	}
}
