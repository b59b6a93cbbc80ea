package sc.fiji.autoencoders.bench;

import java.io.File;

import ij.IJ;
import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Tiled against untiled on real stacks (issue 13): a denoiser whose model has a measured receptive field, with cores
 * of TILE voxels a side (many seams), against the same model untiled (one tile; margins of the worst-case bound).
 * Prints the largest and mean difference in units of the normalized data range, per stack, and the seconds of each.
 * Usage: TilingError MODEL TILE STACK...  (3D models: each stack whole; 2D models: plane by plane)
 */
public final class TilingError {
	public static void main(final String[] a) throws Exception {
		final AutoencoderModel measured = ModelFile.load(new File(a[0]));
		final AutoencoderModel bound = ModelFile.load(new File(a[0]));
		bound.receptiveField = null;
		final ReceptiveField rf = measured.receptiveField;
		final int tile = Integer.parseInt(a[1]);
		final double range = measured.normalization.high() - measured.normalization.low();
		System.out.println(measured.networkSpec() + "; receptive field " + rf + "; bound " + Denoiser.receptiveRadius(
			measured.networkSpec()) + "/" + Denoiser.receptiveRadiusZ(measured.networkSpec()));
		// untiled: one tile, whatever the budget (read when a denoiser is made)
		System.setProperty("fiji.ae.tileMegabytes", "1000000");
		final Denoiser untiled = new Denoiser(bound, 1 << 20, 0);
		System.clearProperty("fiji.ae.tileMegabytes");
		try (untiled; Denoiser tiled = new Denoiser(measured, tile, 0)) {
			for (int i = 2; i < a.length; i++) {
				final ImagePlus imp = IJ.openImage(a[i]);
				final int w = imp.getWidth(), h = imp.getHeight(), n = imp.getStackSize();
				final float[] v = new float[w * h * n];
				for (int z = 0; z < n; z++)
					System.arraycopy((float[]) imp.getStack().getProcessor(z + 1).convertToFloat().getPixels(), 0, v, z * w *
						h, w * h);
				final boolean threeD = measured.network.dims() == 3;
				final Img<FloatType> in = threeD ? ArrayImgs.floats(v, w, h, n) : ArrayImgs.floats(v, w, h * n);
				// 2D: the planes one above the other, one image (seams between planes do not matter for the comparison)
				long t0 = System.nanoTime();
				final Img<FloatType> u = untiled.denoise(in, PredictionMonitor.NONE);
				final double tu = (System.nanoTime() - t0) / 1e9;
				t0 = System.nanoTime();
				final Img<FloatType> t = tiled.denoise(in, PredictionMonitor.NONE);
				final double tt = (System.nanoTime() - t0) / 1e9;
				double max = 0, sum = 0;
				long count = 0;
				final var cu = u.cursor();
				final var ct = t.cursor();
				while (cu.hasNext()) {
					final double d = Math.abs(cu.next().get() - ct.next().get()) / range;
					max = Math.max(max, d);
					sum += d;
					count++;
				}
				System.out.printf("%s: %dx%dx%d, %d tiles (untiled %d): max |tiled - untiled| %.2e, mean %.2e of the " +
					"data range; untiled %.1f s, tiled %.1f s%n", new File(a[i]).getName(), w, h, n, tiled.workUnits(in
						.dimensionsAsLongArray()), untiled.workUnits(in.dimensionsAsLongArray()), max, sum / count, tu, tt);
			}
		}
	}
}
