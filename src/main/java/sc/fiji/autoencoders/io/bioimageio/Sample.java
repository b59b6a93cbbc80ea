package sc.fiji.autoencoders.io.bioimageio;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Normalization;

/** The test tensor: C-order values of shape [1, (z,) y, x, channels], in image units. */
final class Sample {

	final long[] shape;
	final float[] values;
	final boolean synthetic;

	Sample(final long[] shape, final float[] values, final boolean synthetic) {
		this.shape = shape;
		this.values = values;
		this.synthetic = synthetic;
	}

	int width() {
		return (int) shape[shape.length - 2];
	}

	int height() {
		return (int) shape[shape.length - 3];
	}

	int depth() {
		return shape.length == 5 ? (int) shape[1] : 1;
	}

	int channels() {
		return (int) shape[shape.length - 1];
	}

	/** Plane z of channel c (0-based). */
	Plane plane(final int z, final int c) {
		final int w = width(), h = height(), ch = channels();
		final float[] p = new float[w * h];
		for (int i = 0; i < p.length; i++)
			p[i] = values[(z * w * h + i) * ch + c];
		return new Plane(w, h, p);
	}

	/** A 32-bit hyperstack: channels, then Z. */
	ImagePlus image(final String title) {
		final List<Plane> planes = new ArrayList<>();
		for (int z = 0; z < depth(); z++)
			for (int c = 0; c < channels(); c++)
				planes.add(plane(z, c));
		return ImagePlanes.toImagePlus(title, planes, channels(), depth(), 1);
	}


	/** Channels 1..C of the sample's first plane (2D) or Z stack (3D), cropped around the centre. */
	static Sample crop(final ImagePlus image, final BioImageIoExport.Geometry g) {
		final List<List<Plane>> channels = new ArrayList<>();
		if (image.getNChannels() < g.channels) throw new BadInputException("The sample image '" + image.getTitle() +
			"' has " + image.getNChannels() + " channel(s) but the model takes " + g.channels + ": give an image with " +
			"those channels, or none (a synthetic sample is made).");
		for (int c = 1; c <= g.channels; c++)
			channels.add(g.dims == 3 ? ImagePlanes.volumes(image, c).get(0).planes() : List.of(ImagePlanes
				.planesOfChannel(image, c).get(0)));
		final Plane first = channels.get(0).get(0);
		final int w = g.fit(first.width(), g.dims == 3 ? BioImageIoExport.MAX_SIDE_3D : BioImageIoExport.MAX_SIDE_2D, false);
		final int h = g.fit(first.height(), g.dims == 3 ? BioImageIoExport.MAX_SIDE_3D : BioImageIoExport.MAX_SIDE_2D, false);
		final int d = g.dims == 3 ? g.fit(channels.get(0).size(), BioImageIoExport.MAX_DEPTH_3D, true) : 1;
		if (w < 0 || h < 0 || d < 0) throw new BadInputException("The sample image '" + image.getTitle() + "' is " +
			first.width() + "x" + first.height() + (g.dims == 3 ? "x" + channels.get(0).size() : "") + " but this " +
			"model's test image must be at least " + g.min + "x" + g.min + (g.dims == 3 ? "x" + g.minZ : "") +
			" (twice its receptive radius plus one, rounded to its size step): give a larger sample image, or none " +
			"(a synthetic sample is made).");
		final int x0 = (first.width() - w) / 2, y0 = (first.height() - h) / 2, z0 = (channels.get(0).size() - d) / 2;
		final float[] v = new float[w * h * d * g.channels];
		for (int c = 0; c < g.channels; c++)
			for (int z = 0; z < d; z++) {
				final Plane p = channels.get(c).get(z0 + z);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						v[((z * h + y) * w + x) * g.channels + c] = p.get(x0 + x, y0 + y);
			}
		return new Sample(shape(g, w, h, d), v, false);
	}

	/**
	 * Without a sample image: smooth blobs over the model's normalization range with Gaussian noise of a tenth of that
	 * range (fixed seed), at the smallest test size of at least 128 (2D) or 64 by 16 planes (3D).
	 */
	static Sample synthetic(final AutoencoderModel m, final BioImageIoExport.Geometry g) {
		final int side = g.fit(Integer.MAX_VALUE, g.dims == 3 ? BioImageIoExport.MAX_SIDE_3D : 128, false);
		final int d = g.dims == 3 ? g.fit(Integer.MAX_VALUE, BioImageIoExport.MAX_DEPTH_3D, true) : 1;
		final Random rng = new Random(1);
		final int blobs = 12;
		final double[][] b = new double[blobs][4];
		for (final double[] x : b) {
			x[0] = rng.nextDouble() * side;
			x[1] = rng.nextDouble() * side;
			x[2] = rng.nextDouble() * d;
			x[3] = side / 12.0 * (0.5 + rng.nextDouble());
		}
		final float[] v = new float[side * side * d * g.channels];
		for (int z = 0; z < d; z++)
			for (int y = 0; y < side; y++)
				for (int x = 0; x < side; x++) {
					double s = 0;
					for (final double[] k : b) {
						final double dz = g.dims == 3 ? (z - k[2]) * 4 : 0;
						s += Math.exp(-((x - k[0]) * (x - k[0]) + (y - k[1]) * (y - k[1]) + dz * dz) / (2 * k[3] * k[3]));
					}
					for (int c = 0; c < g.channels; c++) {
						final Normalization n = m.normalization(c);
						v[((z * side + y) * side + x) * g.channels + c] = (float) (n.low() + n.scale() * (0.1 + 0.8 * Math
							.min(1, s) + 0.1 * rng.nextGaussian()));
					}
				}
		return new Sample(shape(g, side, side, d), v, true);
	}

	private static long[] shape(final BioImageIoExport.Geometry g, final int w, final int h, final int d) {
		return g.dims == 3 ? new long[] { 1, d, h, w, g.channels } : new long[] { 1, h, w, g.channels };
	}
}
