package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import ij.ImagePlus;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.model.Normalization;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.predict.Metrics;

/**
 * Data and scores of the 3D benchmark (issue 13, bench/denoise-3d.sh). Synthetic fluorescence stacks whose structures
 * extend over several Z planes: filled ellipsoids (nuclei, vesicles; about a third of the volume) and curved filaments
 * rising through the stack, on a dim, smoothly varying background, blurred by an anisotropic Gaussian PSF (widefield-like: lateral sigma 1.1 pixels, axial 1.0 plane
 * at a Z step 3 times the pixel width, i.e. 3 times longer axially), then Poisson-Gaussian noise from the project's own
 * noise model, scaled by the training stacks' brightest level as training scales it. Stacks are calibrated 0.1 x 0.1 x
 * 0.3 µm, so that the 3D network's automatic Z pooling sees the anisotropy.
 * <ul>
 * <li>{@code generate DIR NOISE [TRAIN TEST SIZE DEPTH]}: DIR/train/clean-NN.tif (for the noise-model training mode),
 * DIR/test/clean-NN.tif and DIR/test/noisy/noisy-NN.tif (held out: other seeds);</li>
 * <li>{@code score CLEAN_DIR DENOISED_DIR LABEL}: PSNR (data range 255) of each denoised stack against its clean
 * stack (noisy-NN.tif against clean-NN.tif), one line each and the mean.</li>
 * </ul>
 */
public final class Volumes3D {

	static final double PIXEL = 0.1, STEP = 0.3;

	public static void main(final String[] args) {
		if (args.length >= 3 && args[0].equals("generate")) {
			final File dir = new File(args[1]);
			final int train = args.length > 3 ? Integer.parseInt(args[3]) : 6;
			final int test = args.length > 4 ? Integer.parseInt(args[4]) : 3;
			final int size = args.length > 5 ? Integer.parseInt(args[5]) : 128;
			final int depth = args.length > 6 ? Integer.parseInt(args[6]) : 32;
			generate(dir, NoiseModels.parse(args[2]), train, test, size, depth);
		}
		else if (args.length == 4 && args[0].equals("score")) score(new File(args[1]), new File(args[2]), args[3]);
		else {
			System.err.println("Usage: Volumes3D generate DIR NOISE [TRAIN TEST SIZE DEPTH] | score CLEAN_DIR " +
				"DENOISED_DIR LABEL");
			System.exit(2);
		}
	}

	static void generate(final File dir, final NoiseModel noise, final int train, final int test, final int size,
		final int depth)
	{
		final File trainDir = new File(dir, "train"), testDir = new File(dir, "test"), noisyDir = new File(testDir,
			"noisy");
		noisyDir.mkdirs();
		trainDir.mkdirs();
		final List<Plane> all = new ArrayList<>();
		for (int i = 0; i < train; i++) {
			final List<Plane> v = volume(size, size, depth, 1000 + i);
			all.addAll(v);
			write(v, new File(trainDir, String.format(Locale.ROOT, "clean-%02d.tif", i + 1)));
		}
		// the brightest level training scales the noise by (the clean training stacks' 99.9th percentile)
		final double brightest = Normalization.fromPlanes(all).high();
		for (int i = 0; i < test; i++) {
			final List<Plane> clean = volume(size, size, depth, 2000 + i);
			write(clean, new File(testDir, String.format(Locale.ROOT, "clean-%02d.tif", i + 1)));
			final Random rng = new Random(3000 + i);
			final List<Plane> noisy = new ArrayList<>();
			for (final Plane p : clean) {
				final Plane n = p.copy();
				noise.apply(n.pixels(), brightest, rng);
				noisy.add(n);
			}
			write(noisy, new File(noisyDir, String.format(Locale.ROOT, "noisy-%02d.tif", i + 1)));
		}
		System.out.printf(Locale.ROOT, "generated %d training and %d test stacks of %dx%dx%d in %s (noise %s, " +
			"brightest %.1f)%n", train, test, size, size, depth, dir, noise.spec(), brightest);
	}

	/** One clean stack, slice after slice. */
	static List<Plane> volume(final int w, final int h, final int d, final long seed) {
		final Random r = new Random(seed);
		// a dim background that varies smoothly (out-of-focus light): 10 to 35
		final float[] v = new float[w * h * d];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		blur(v, w, h, d, 6, 2);
		float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
		for (final float x : v) {
			lo = Math.min(lo, x);
			hi = Math.max(hi, x);
		}
		for (int i = 0; i < v.length; i++)
			v[i] = 10 + 25 * (v[i] - lo) / Math.max(hi - lo, 1e-6f);
		final double zScale = STEP / PIXEL; // Z step in pixel widths
		// ellipsoids: radii 0.4-1.2 µm, i.e. 4-12 pixels and 1.3-4 planes, covering about a third of the stack
		final int blobs = Math.max(1, w * h * d / 2500);
		for (int b = 0; b < blobs; b++) {
			final double cx = r.nextDouble() * w, cy = r.nextDouble() * h, cz = r.nextDouble() * d;
			final double rx = 4 + r.nextDouble() * 8, ry = rx * (0.7 + 0.6 * r.nextDouble()), rz = (4 + r.nextDouble() *
				8) / zScale;
			final double level = 60 + r.nextDouble() * 140;
			for (int z = (int) Math.max(0, cz - rz); z <= Math.min(d - 1, cz + rz); z++)
				for (int y = (int) Math.max(0, cy - ry); y <= Math.min(h - 1, cy + ry); y++)
					for (int x = (int) Math.max(0, cx - rx); x <= Math.min(w - 1, cx + rx); x++) {
						final double dx = (x - cx) / rx, dy = (y - cy) / ry, dz = (z - cz) / rz, q = dx * dx + dy * dy + dz * dz;
						// brighter rim, dimmer inside: texture that planes above and below share
						if (q < 1) set(v, w, h, x, y, z, level * (0.7 + 0.3 * q));
					}
		}
		// filaments: curved tubes of radius 1 pixel, climbing through the stack at shallow angles
		final int filaments = Math.max(1, w * h * d / 12000);
		for (int f = 0; f < filaments; f++) {
			double x = r.nextDouble() * w, y = r.nextDouble() * h, z = r.nextDouble() * d;
			double a = r.nextDouble() * 2 * Math.PI, climb = (r.nextDouble() - 0.5) * 0.25; // planes per pixel
			final double level = 100 + r.nextDouble() * 120;
			final int length = 40 + r.nextInt(100);
			for (int s = 0; s < length; s++) {
				for (int dz = -1; dz <= 1; dz++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							final int xi = (int) Math.round(x) + dx, yi = (int) Math.round(y) + dy, zi = (int) Math.round(z) + dz;
							final double q = dx * dx + dy * dy + (z - Math.round(z) - dz) * (z - Math.round(z) - dz) * 4;
							if (q <= 1.5 && xi >= 0 && yi >= 0 && zi >= 0 && xi < w && yi < h && zi < d) set(v, w, h, xi, yi, zi,
								level);
						}
				a += r.nextGaussian() * 0.08;
				x += Math.cos(a);
				y += Math.sin(a);
				z += climb;
				if (z < 0 || z > d - 1) climb = -climb;
			}
		}
		blur(v, w, h, d, 1.1, 1.0);
		final List<Plane> planes = new ArrayList<>();
		for (int z = 0; z < d; z++) {
			final float[] px = new float[w * h];
			System.arraycopy(v, z * w * h, px, 0, w * h);
			planes.add(new Plane(w, h, px));
		}
		return planes;
	}

	private static void set(final float[] v, final int w, final int h, final int x, final int y, final int z,
		final double value)
	{
		final int i = (z * h + y) * w + x;
		v[i] = (float) Math.max(v[i], value);
	}

	/** Separable Gaussian blur, mirrored at the borders. */
	static void blur(final float[] v, final int w, final int h, final int d, final double sxy, final double sz) {
		blurAxis(v, w, h, d, 0, sxy);
		blurAxis(v, w, h, d, 1, sxy);
		blurAxis(v, w, h, d, 2, sz);
	}

	private static void blurAxis(final float[] v, final int w, final int h, final int d, final int axis,
		final double sigma)
	{
		final int r = (int) Math.ceil(3 * sigma);
		final double[] k = new double[2 * r + 1];
		double sum = 0;
		for (int i = -r; i <= r; i++)
			sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		final int n = axis == 0 ? w : axis == 1 ? h : d;
		final int stride = axis == 0 ? 1 : axis == 1 ? w : w * h;
		final double[] line = new double[n];
		for (int z = 0; z < (axis == 2 ? 1 : d); z++)
			for (int y = 0; y < (axis == 1 ? 1 : h); y++)
				for (int x = 0; x < (axis == 0 ? 1 : w); x++) {
					final int base = (z * h + y) * w + x;
					for (int i = 0; i < n; i++)
						line[i] = v[base + i * stride];
					for (int i = 0; i < n; i++) {
						double s = 0;
						for (int j = -r; j <= r; j++)
							s += k[j + r] * line[mirror(i + j, n)];
						v[base + i * stride] = (float) s;
					}
				}
	}

	private static int mirror(int i, final int n) {
		if (n == 1) return 0;
		final int period = 2 * (n - 1);
		i = Math.floorMod(i, period);
		return i < n ? i : period - i;
	}

	private static void write(final List<Plane> planes, final File f) {
		final ImagePlus imp = ImagePlanes.toImagePlus(f.getName(), planes, 1, planes.size(), 1);
		imp.getCalibration().pixelWidth = PIXEL;
		imp.getCalibration().pixelHeight = PIXEL;
		imp.getCalibration().pixelDepth = STEP;
		imp.getCalibration().setUnit("micron");
		ImageOutputs.writeTiff(imp, f);
	}

	static void score(final File cleanDir, final File denoisedDir, final String label) {
		final File[] files = denoisedDir.listFiles((d, n) -> n.endsWith(".tif"));
		if (files == null || files.length == 0) throw new IllegalArgumentException("No .tif in " + denoisedDir);
		java.util.Arrays.sort(files);
		double sum = 0;
		for (final File f : files) {
			final File clean = new File(cleanDir, f.getName().replace("noisy-", "clean-"));
			final List<Plane> a = ImagePlanes.planes(ImageFiles.open(clean)), b = ImagePlanes.planes(ImageFiles.open(f));
			if (a.size() != b.size()) throw new IllegalStateException(f + " has " + b.size() + " planes, " + clean +
				" has " + a.size());
			final int n = a.get(0).pixels().length;
			final float[] x = new float[n * a.size()], y = new float[n * a.size()];
			for (int z = 0; z < a.size(); z++) {
				System.arraycopy(a.get(z).pixels(), 0, x, z * n, n);
				System.arraycopy(b.get(z).pixels(), 0, y, z * n, n);
			}
			final double psnr = Metrics.psnr(x, y, 255);
			sum += psnr;
			System.out.printf(Locale.ROOT, "%s %s PSNR %.2f dB%n", label, f.getName(), psnr);
		}
		System.out.printf(Locale.ROOT, "%s mean PSNR %.2f dB over %d stacks%n", label, sum / files.length, files.length);
	}
}
