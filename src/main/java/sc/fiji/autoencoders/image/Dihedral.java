package sc.fiji.autoencoders.image;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * The 8 flips and quarter turns in the XY plane (the dihedral group of the square), used for self-ensembling: a
 * denoiser applied to the 8 views, each mapped back, and averaged. The views are ImgLib2 views (no copies) of a block
 * whose dimensions 0 and 1 are X and Y; further dimensions (Z of a 3D block) are left as they are.
 */
public final class Dihedral {

	/** Number of distinct views. */
	public static final int VIEWS = 8;

	private Dihedral() {}

	/**
	 * View {@code k} (0 to 7) of {@code block}: a horizontal flip (X inverted) when k >= 4, then k % 4 clockwise
	 * quarter turns, each taking pixel (x, y) to (h - 1 - y, x). The view starts at 0 in every dimension; writing to it
	 * writes to {@code block}, so the prediction of view k written into view k of an output lands where it belongs.
	 */
	public static <T> RandomAccessibleInterval<T> view(final RandomAccessibleInterval<T> block, final int k) {
		check(block, k);
		RandomAccessibleInterval<T> v = Views.zeroMin(block);
		if (k >= 4) v = Views.zeroMin(Views.invertAxis(v, 0));
		for (int r = 0; r < k % 4; r++)
			v = Views.zeroMin(Views.rotate(v, 0, 1)); // X onto Y: clockwise with Y pointing down
		return v;
	}

	/**
	 * Maps view {@code k} back: {@code inverse(view(b, k), k)} shows {@code b}'s pixels at {@code b}'s positions (from
	 * 0 in every dimension).
	 */
	public static <T> RandomAccessibleInterval<T> inverse(final RandomAccessibleInterval<T> view, final int k) {
		check(view, k);
		RandomAccessibleInterval<T> v = Views.zeroMin(view);
		for (int r = 0; r < k % 4; r++)
			v = Views.zeroMin(Views.rotate(v, 1, 0));
		return k >= 4 ? Views.zeroMin(Views.invertAxis(v, 0)) : v;
	}

	private static void check(final RandomAccessibleInterval<?> block, final int k) {
		if (k < 0 || k >= VIEWS) throw new IllegalArgumentException("View " + k + " does not exist (0 to 7)");
		if (block.numDimensions() < 2) {
			throw new IllegalArgumentException("Flips and quarter turns need X and Y, got " + block.numDimensions() +
				" dimension(s)");
		}
	}
}
