package sc.fiji.autoencoders.predict;

import java.util.List;

import sc.fiji.autoencoders.image.Plane;

/** Lays same-size planes out in a grid, row by row, for sample grids and latent walks. */
public final class Montage {

	private Montage() {}

	public static Plane grid(final List<Plane> planes, final int columns) {
		final int w = planes.get(0).width(), h = planes.get(0).height();
		final int rows = (planes.size() + columns - 1) / columns;
		final Plane out = new Plane(columns * w, rows * h);
		for (int i = 0; i < planes.size(); i++) {
			final int ox = i % columns * w, oy = i / columns * h;
			for (int y = 0; y < h; y++)
				System.arraycopy(planes.get(i).pixels(), y * w, out.pixels(), (oy + y) * out.width() + ox, w);
		}
		return out;
	}

	/** Each pixel as a {@code factor} x {@code factor} block (nearest neighbour), so that small images can be seen. */
	public static Plane enlarge(final Plane p, final int factor) {
		final int w = p.width(), h = p.height();
		final Plane out = new Plane(w * factor, h * factor);
		for (int y = 0; y < out.height(); y++)
			for (int x = 0; x < out.width(); x++)
				out.pixels()[y * out.width() + x] = p.pixels()[y / factor * w + x / factor];
		return out;
	}
}
