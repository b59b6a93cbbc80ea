package sc.fiji.autoencoders.predict;

import sc.fiji.autoencoders.image.Plane;

/**
 * Applies a fully convolutional network to a plane of any size in bounded memory. The plane is cut into cores of at
 * most {@code tileSize} pixels a side whose origins are multiples of the network's size multiple (so pooling grids line
 * up with those of an untiled run); each core is predicted with a {@code margin} of real context (mirrored at the image
 * border) wide enough to cover the network's receptive field, so the result equals the untiled prediction. Neighbouring
 * tiles are cross-faded over {@code blend} pixels on each side of their common edge, hiding any float round-off seam.
 */
public final class TiledPredictor {

	private final int tileSize;
	private final int margin;
	private final int multiple;
	private final int blend;

	/**
	 * @param tileSize largest core side (rounded down to a multiple of {@code multiple})
	 * @param margin context around each core (rounded up to a multiple of {@code multiple})
	 * @param multiple the network's input size multiple (2^depth)
	 */
	public TiledPredictor(final int tileSize, final int margin, final int multiple) {
		this.multiple = multiple;
		this.tileSize = Math.max(multiple, tileSize / multiple * multiple);
		this.margin = roundUp(Math.max(0, margin), multiple);
		this.blend = Math.min(8, this.margin / 2);
	}

	public int tileSize() {
		return tileSize;
	}

	public int margin() {
		return margin;
	}

	/** Number of tiles for a {@code width x height} plane. */
	public long tileCount(final int width, final int height) {
		return (long) ceilDiv(width, tileSize) * ceilDiv(height, tileSize);
	}

	public Plane predict(final Plane in, final TileFunction f, final PredictionMonitor monitor) {
		final int w = in.width(), h = in.height();
		final int nx = ceilDiv(w, tileSize), ny = ceilDiv(h, tileSize);
		final float[] out = new float[w * h];
		long done = 0;
		for (int ty = 0; ty < ny; ty++) {
			for (int tx = 0; tx < nx; tx++) {
				if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
				final int x0 = tx * tileSize, y0 = ty * tileSize;
				final int cw = Math.min(tileSize, w - x0), ch = Math.min(tileSize, h - y0);
				final int iw = roundUp(cw + 2 * margin, multiple), ih = roundUp(ch + 2 * margin, multiple);
				final float[] tile = new float[iw * ih];
				final int ox = x0 - margin, oy = y0 - margin;
				for (int y = 0; y < ih; y++) {
					final int sy = mirror(oy + y, h) * w;
					for (int x = 0; x < iw; x++)
						tile[y * iw + x] = in.pixels()[sy + mirror(ox + x, w)];
				}
				final float[] result = f.apply(tile, iw, ih);
				// Each tile writes its core plus 'blend' pixels beyond inner edges, weighted by complementary ramps.
				final int wx0 = tx > 0 ? x0 - blend : x0, wx1 = tx < nx - 1 ? x0 + cw + blend : x0 + cw;
				final int wy0 = ty > 0 ? y0 - blend : y0, wy1 = ty < ny - 1 ? y0 + ch + blend : y0 + ch;
				for (int y = wy0; y < wy1; y++) {
					final float fy = ramp(y, y0, y0 + ch, ty > 0, ty < ny - 1);
					final int row = (y - oy) * iw - ox;
					for (int x = wx0; x < wx1; x++) {
						final float wgt = fy * ramp(x, x0, x0 + cw, tx > 0, tx < nx - 1);
						out[y * w + x] += wgt * result[row + x];
					}
				}
				monitor.progress(++done, (long) nx * ny);
			}
		}
		return new Plane(w, h, out);
	}

	// -- Helper methods --

	/** Weight of position v for a core [c0, c1): 1 inside, falling linearly across each inner edge (sums to 1). */
	private float ramp(final int v, final int c0, final int c1, final boolean before, final boolean after) {
		if (blend == 0) return 1;
		float r = 1;
		if (before) r = Math.min(r, clamp((v - (c0 - blend) + 0.5f) / (2 * blend)));
		if (after) r = Math.min(r, clamp(((c1 + blend) - v - 0.5f) / (2 * blend)));
		return r;
	}

	private static float clamp(final float v) {
		return v < 0 ? 0 : v > 1 ? 1 : v;
	}

	/** Mirror (without repeating the edge pixel) any index into [0, n). */
	static int mirror(int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		i = Math.floorMod(i, period);
		return i < n ? i : period - i;
	}

	static int roundUp(final int v, final int m) {
		return (v + m - 1) / m * m;
	}

	private static int ceilDiv(final int a, final int b) {
		return (a + b - 1) / b;
	}
}
