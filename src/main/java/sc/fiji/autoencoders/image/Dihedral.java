package sc.fiji.autoencoders.image;

/**
 * The 8 flips and 90-degree rotations of a plane (the dihedral group of the square), used for self-ensembling: a
 * denoiser applied to the 8 views, each mapped back, and averaged.
 */
public final class Dihedral {

	/** Number of distinct views. */
	public static final int VIEWS = 8;

	private Dihedral() {}

	/** View {@code k} (0 to 7) of {@code p}: a horizontal flip when k >= 4, then k % 4 clockwise quarter turns. */
	public static Plane apply(final Plane p, final int k) {
		Plane q = k >= 4 ? flip(p) : p.copy();
		for (int r = 0; r < k % 4; r++)
			q = rotate(q);
		return q;
	}

	/** Maps view {@code k} back: {@code invert(apply(p, k), k)} equals {@code p}. */
	public static Plane invert(final Plane v, final int k) {
		Plane q = v;
		for (int r = 0; r < (4 - k % 4) % 4; r++)
			q = rotate(q);
		return k >= 4 ? flip(q) : q == v ? q.copy() : q;
	}

	// -- Helper methods --

	/** Clockwise quarter turn: pixel (x, y) goes to (h - 1 - y, x). */
	static Plane rotate(final Plane p) {
		final int w = p.width(), h = p.height();
		final float[] in = p.pixels(), out = new float[in.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				out[x * h + (h - 1 - y)] = in[y * w + x];
		return new Plane(h, w, out);
	}

	static Plane flip(final Plane p) {
		final int w = p.width(), h = p.height();
		final float[] in = p.pixels(), out = new float[in.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				out[y * w + x] = in[y * w + (w - 1 - x)];
		return new Plane(w, h, out);
	}
}
