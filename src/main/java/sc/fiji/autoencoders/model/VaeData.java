package sc.fiji.autoencoders.model;

import java.util.List;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.VaeSpec;

/** Images for a VAE: same-size planes normalized to [0, 1], zero-padded to the network's size, in one array. */
public final class VaeData {

	private VaeData() {}

	/** Checks that all planes have one size and finite pixels; names the first offender. */
	public static void check(final List<Plane> planes) {
		if (planes == null || planes.isEmpty()) throw new BadInputException(
			"No images: give a stack or a folder of same-size images (every slice is one sample).");
		final Plane first = planes.get(0);
		for (int i = 0; i < planes.size(); i++) {
			final Plane p = planes.get(i);
			if (p.width() != first.width() || p.height() != first.height()) {
				throw new BadInputException("A VAE needs images of one size, but image " + (i + 1) + " is " + p.width() + "x" +
					p.height() + " and image 1 is " + first.width() + "x" + first.height() +
					": crop or scale them to one size (Image > Adjust > Size...) first.");
			}
			for (final float v : p.pixels())
				if (!Float.isFinite(v)) throw new BadInputException("Image " + (i + 1) +
					" contains NaN or infinite pixels: replace them first (Process > Math > Remove NaNs...).");
		}
	}

	/** Planes normalized, clipped to [0, 1] and padded: {@code planes.size() * paddedHeight * paddedWidth} values. */
	public static float[] pack(final List<Plane> planes, final Normalization norm, final VaeSpec spec) {
		final int pw = spec.paddedWidth(), ph = spec.paddedHeight(), n = pw * ph;
		final float[] out = new float[planes.size() * n];
		for (int i = 0; i < planes.size(); i++) {
			final Plane p = planes.get(i);
			if (p.width() != spec.width() || p.height() != spec.height()) {
				throw new BadInputException("Image " + (i + 1) + " is " + p.width() + "x" + p.height() + " but the VAE model " +
					"was trained on " + spec.width() + "x" + spec.height() + " images: use images of that size.");
			}
			for (int y = 0; y < p.height(); y++)
				for (int x = 0; x < p.width(); x++) {
					if (!Float.isFinite(p.get(x, y))) throw new BadInputException("Image " + (i + 1) +
						" contains NaN or infinite pixels, which a VAE cannot encode: replace them first (Process > Math > " +
						"Remove NaNs...).");
					final float v = norm.normalize(p.get(x, y));
					out[i * n + y * pw + x] = v < 0 ? 0 : v > 1 ? 1 : v;
				}
		}
		return out;
	}

	/** The valid region of padded [0, 1] outputs, in image units. */
	public static Plane unpack(final float[] data, final int index, final Normalization norm, final VaeSpec spec) {
		final int pw = spec.paddedWidth(), n = pw * spec.paddedHeight();
		final Plane p = new Plane(spec.width(), spec.height());
		for (int y = 0; y < spec.height(); y++)
			for (int x = 0; x < spec.width(); x++)
				p.set(x, y, norm.denormalize(data[index * n + y * pw + x]));
		return p;
	}
}
