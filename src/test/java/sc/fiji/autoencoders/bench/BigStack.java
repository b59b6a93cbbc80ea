package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.Locale;

import ij.ImagePlus;
import ij.process.ShortProcessor;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.TiffStackWriter;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Data and checks for bench/bigdata.sh (issue 13). Modes:
 * <ul>
 * <li>{@code make STACK W H N TRAIN}: a noisy 16-bit W x H x N TIFF stack (blobs of 500-3000 with Gaussian noise of
 * sigma 100, shifted from plane to plane), written plane by plane, and a clean 512 x 512 x 8 training stack of the
 * same kind;</li>
 * <li>{@code check DENOISED STACK MODEL}: the denoised stack opens in ImageJ with the input's dimensions, and its
 * last plane (beyond 4 GB in the file) equals that plane denoised alone.</li>
 * </ul>
 */
public final class BigStack {

	private BigStack() {}

	public static void main(final String... args) {
		if (args.length == 6 && args[0].equals("make")) make(new File(args[1]), Integer.parseInt(args[2]), Integer
			.parseInt(args[3]), Integer.parseInt(args[4]), new File(args[5]));
		else if (args.length == 4 && args[0].equals("check")) check(new File(args[1]), new File(args[2]), new File(
			args[3]));
		else throw new IllegalArgumentException("Usage: make STACK W H N TRAIN | check DENOISED STACK MODEL");
	}

	/** Clean blobs on 500-3000, tiled from one 1024 x 1024 pattern. */
	private static short[] clean(final int w, final int h, final int shift) {
		final int p = 1024;
		final Plane pattern = TestImages.blobs(p, p, 7);
		final short[] out = new short[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				out[y * w + x] = (short) (500 + 10 * pattern.pixels()[((y + shift) % p) * p + (x + 3 * shift) % p]);
		return out;
	}

	private static void make(final File stack, final int w, final int h, final int n, final File train) {
		final long t0 = System.nanoTime();
		final short[] base = clean(w, h, 0);
		final short[] plane = new short[base.length];
		long seed = 42;
		try (TiffStackWriter out = new TiffStackWriter(stack, w, h, 16, 1, n, 1, null)) {
			for (int z = 0; z < n; z++) {
				final int shift = 5 * z;
				for (int y = 0; y < h; y++) {
					final int row = ((y + shift) % h) * w;
					for (int x = 0; x < w; x++) {
						// Gaussian-like noise of sigma 100: the sum of 4 uniforms from xorshift
						seed ^= seed << 13;
						seed ^= seed >>> 7;
						seed ^= seed << 17;
						final double u = ((seed & 0xffff) + ((seed >>> 16) & 0xffff) + ((seed >>> 32) & 0xffff) +
							((seed >>> 48) & 0xffff)) / 65536.0 - 2;
						final int v = (base[row + x] & 0xffff) + (int) Math.round(u * 173.2);
						plane[y * w + x] = (short) Math.max(0, Math.min(65535, v));
					}
				}
				out.write(plane);
			}
		}
		try (TiffStackWriter out = new TiffStackWriter(train, 512, 512, 16, 1, 8, 1, null)) {
			for (int z = 0; z < 8; z++)
				out.write(clean(512, 512, 97 * z));
		}
		System.out.println(String.format(Locale.ROOT,
			"{\"made\": \"%s\", \"width\": %d, \"height\": %d, \"planes\": %d, \"pixels\": %d, \"bytes\": %d, " +
				"\"seconds\": %.1f}", stack, w, h, n, (long) w * h * n, stack.length(), (System.nanoTime() - t0) / 1e9));
	}

	private static void check(final File denoised, final File stack, final File model) {
		final ImagePlus in = ImageFiles.openVirtual(stack);
		final ImagePlus out = ImageFiles.openVirtual(denoised);
		if (out.getWidth() != in.getWidth() || out.getHeight() != in.getHeight() || out.getNSlices() != in
			.getNSlices() || out.getBitDepth() != 32)
		{
			throw new IllegalStateException("Denoised " + out + " does not match input " + in);
		}
		final int n = in.getStackSize();
		final ImagePlus last = new ImagePlus("last", new ShortProcessor(in.getWidth(), in.getHeight(), (short[]) in
			.getStack().getProcessor(n).getPixels(), null));
		final DenoiseSettings settings = new DenoiseSettings();
		final float[] alone = (float[]) Autoencoders.denoise(last, model, settings, PredictionMonitor.NONE).getProcessor()
			.getPixels();
		final float[] streamed = (float[]) out.getStack().getProcessor(n).getPixels();
		double maxDiff = 0, sum = 0;
		for (int i = 0; i < alone.length; i++) {
			maxDiff = Math.max(maxDiff, Math.abs(alone[i] - streamed[i]));
			sum += streamed[i];
		}
		final short[] noisy = (short[]) in.getStack().getProcessor(n).getPixels();
		double noisySum = 0;
		for (final short v : noisy)
			noisySum += v & 0xffff;
		System.out.println(String.format(Locale.ROOT,
			"{\"checked\": \"%s\", \"planes\": %d, \"bytes\": %d, \"last_plane_max_abs_diff\": %.6g, " +
				"\"last_plane_mean\": %.2f, \"last_plane_noisy_mean\": %.2f}", denoised, out.getStackSize(), denoised
					.length(), maxDiff, sum / alone.length, noisySum / alone.length));
		if (maxDiff > 1e-2) throw new IllegalStateException("The last plane differs from the plane denoised alone by " +
			maxDiff);
	}
}
