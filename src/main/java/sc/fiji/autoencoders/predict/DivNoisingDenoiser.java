package sc.fiji.autoencoders.predict;

import java.util.Arrays;
import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DivNoisingPosterior;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.Normalization;

/**
 * Denoising with uncertainty by a DivNoising model: K posterior samples of the clean image of a plane, their mean (the
 * MMSE estimate), their calibrated per-pixel spread and, on request, the samples themselves, all in image units.
 * <p>
 * Tiled like every prediction ({@link TiledPredictor}: cores with margins of the network's receptive radius, mirrored
 * at the border, cross-faded): the first moment, the second moment and the samples are channels of one tiling, so the
 * moments blend as expectations do. Each tile draws its latents from a generator seeded by the run's seed and the
 * tile's own pixels, so a seed reproduces every sample, and the samples of a tiled run are distributed as those of an
 * untiled one (inside the cross-fades of kept samples two independent draws are mixed, which narrows them there).
 * <p>
 * The spread is the standard deviation of the samples times the model's spread scale, which training fitted on its
 * validation patches so that it predicts the root mean squared error of the MMSE: a standard deviation of the clean
 * signal, in image units (see {@code train.DivNoisingTraining#spreadScale}).
 */
public final class DivNoisingDenoiser implements AutoCloseable {

	/** Pixels of a tile's plane: the decoder holds DECODE_BATCH of them times its filters. */
	static final long TILE_PIXELS = 256L * 256;

	/** MMSE, spread, and the samples (null unless kept), each an image of the plane's size (samples: one more axis). */
	public static final class Result {

		public final Img<FloatType> mmse, spread, samples;

		Result(final Img<FloatType> mmse, final Img<FloatType> spread, final Img<FloatType> samples) {
			this.mmse = mmse;
			this.spread = spread;
			this.samples = samples;
		}
	}

	private final AutoencoderModel model;
	private final DivNoisingPosterior posterior;
	private final int tileSize;

	public DivNoisingDenoiser(final AutoencoderModel model, final int tileSize, final int threads) {
		if (model.divNoising() == null) throw new BadInputException("Samples and a spread come from a DivNoising model only" +
			(model.isDenoiser() ? " (this denoiser was trained with " + model.trainingMethod().displayName() + ")" : ", not a " +
				model.kind + " model") + ": train one with --noisy-method divnoising, or denoise without samples.");
		this.model = model;
		this.tileSize = tileSize;
		posterior = new DivNoisingPosterior(model.divNoising(), model.weights, threads);
	}

	/** A tiler of planes (X, Y) for a network of this radius and size multiple, with {@code c} channels first. */
	static TiledPredictor tiler(final DivNoisingSpec spec, final int tileSize, final int c) {
		final int m = DivNoisingSpec.SIZE_MULTIPLE, core = Math.max(tileSize, 2 * m);
		final int margin = spec.receptiveRadius() + TiledPredictor.blend(Integer.MAX_VALUE, core);
		if (c == 0) return new TiledPredictor(core, margin, m).withMaxVoxels(TILE_PIXELS);
		return new TiledPredictor(new int[] { c, core, core }, new int[] { 0, margin, margin }, new int[] { 1, m, m })
			.withMaxVoxels(TILE_PIXELS * c);
	}

	/**
	 * The MMSE of {@code k} samples of one normalised tile (X fastest), in normalised units: {@link Denoiser}'s network
	 * for a DivNoising model.
	 */
	float[] mmse(final float[] tile, final long[] dims, final int k, final long seed) {
		final int w = (int) dims[0], h = (int) dims[1];
		final float[] s = posterior.samples(tile, w, h, k, rng(seed, tile));
		final float[] out = new float[w * h];
		for (int t = 0; t < k; t++)
			for (int i = 0; i < out.length; i++)
				out[i] += s[t * out.length + i] / k;
		return out;
	}

	/**
	 * Samples a plane (any pixel type, only read; non-finite pixels are sampled as 0 and kept in the MMSE).
	 *
	 * @param k samples, at least 1 (2 for a spread)
	 * @param seed the same seed gives the same samples
	 */
	public <T extends RealType<T>> Result sample(final RandomAccessibleInterval<T> plane, final int k, final long seed,
		final boolean keepSamples, final PredictionMonitor monitor)
	{
		if (k < 1) throw new BadInputException("The number of samples must be at least 1 (2 or more for a spread), not " +
			k + ": e.g. --samples 100.");
		if (plane.numDimensions() != 2) throw new IllegalArgumentException("A plane has 2 dimensions, not " + plane
			.numDimensions());
		final Normalization norm = model.normalization;
		final float zero = norm.normalize(0f);
		final RandomAccessibleInterval<FloatType> in = Converters.convert(Views.zeroMin(plane), (a, b) -> {
			final float v = a.getRealFloat();
			b.set(Float.isFinite(v) ? norm.normalize(v) : zero);
		}, new FloatType());
		final int c = 2 + (keepSamples ? k : 0);
		final long w = plane.dimension(0), h = plane.dimension(1);
		if ((double) c * w * h > Integer.MAX_VALUE) throw new BadInputException("A " + w + "x" + h + " plane with " + k +
			" samples is too large to sample at once: ask for fewer samples, or do not keep them.");
		final Img<FloatType> out = ArrayImgs.floats(c, w, h);
		final RandomAccessibleInterval<FloatType> stacked = Views.moveAxis(Views.addDimension(in, 0, c - 1), 2, 0);
		tiler(model.divNoising(), tileSize, c).predict(stacked, out, (tile, dims) -> channels(tile, dims, k, seed,
			keepSamples), monitor);
		final Img<FloatType> mmse = ArrayImgs.floats(w, h), spread = ArrayImgs.floats(w, h);
		final Img<FloatType> samples = keepSamples ? ArrayImgs.floats(w, h, k) : null;
		final float[] o = ((net.imglib2.img.array.ArrayImg<FloatType, net.imglib2.img.basictypeaccess.array.FloatArray>) out)
			.update(null).getCurrentStorageArray();
		final float[] mm = storage(mmse), sp = storage(spread), sa = samples == null ? null : storage(samples);
		final double scale = norm.scale();
		final DivNoisingSpec spec = model.divNoising();
		final net.imglib2.RandomAccess<T> src = plane.randomAccess();
		final long[] min = plane.minAsLongArray();
		final int n = (int) (w * h);
		for (int i = 0; i < n; i++) {
			final float mean = o[i * c], second = o[i * c + 1];
			src.setPosition(min[0] + i % w, 0);
			src.setPosition(min[1] + i / w, 1);
			final float v = src.get().getRealFloat();
			mm[i] = Float.isFinite(v) ? norm.denormalize(mean) : v;
			sp[i] = k < 2 ? 0 : (float) spec.spread(scale * Math.sqrt(Math.max(0, (second - (double) mean * mean) * k / (k -
				1))));
			if (sa != null) for (int t = 0; t < k; t++)
				sa[t * n + i] = norm.denormalize(o[i * c + 2 + t]);
		}
		return new Result(mmse, spread, samples);
	}

	/** One tile's channels: mean, mean square and (kept) the samples, channel fastest as the tiler lays them out. */
	private float[] channels(final float[] tile, final long[] dims, final int k, final long seed,
		final boolean keep)
	{
		final int c = (int) dims[0], w = (int) dims[1], h = (int) dims[2], n = w * h;
		final float[] plane = new float[n];
		for (int i = 0; i < n; i++)
			plane[i] = tile[i * c];
		final float[] s = posterior.samples(plane, w, h, k, rng(seed, plane));
		final float[] out = new float[c * n];
		for (int i = 0; i < n; i++) {
			double sum = 0, sum2 = 0;
			for (int t = 0; t < k; t++) {
				final double v = s[t * n + i];
				sum += v;
				sum2 += v * v;
				if (keep) out[i * c + 2 + t] = (float) v;
			}
			out[i * c] = (float) (sum / k);
			out[i * c + 1] = (float) (sum2 / k);
		}
		return out;
	}

	/**
	 * New clean-looking images from the prior: latents N(0, T^2 I) of {@code width} x {@code height} / 16 positions
	 * (rounded up to the size multiple, then cropped) through the decoder, in image units.
	 */
	public static java.util.List<sc.fiji.autoencoders.image.Plane> generate(final AutoencoderModel model,
		final int count, final int width, final int height, final long seed, final double temperature)
	{
		if (model.divNoising() == null) throw new IllegalArgumentException("not a DivNoising model");
		if (width < 1 || height < 1 || (long) width * height > 1L << 26) throw new BadInputException("Generated images " +
			"must be 1 to 8192 pixels a side, not " + width + "x" + height + ": e.g. --size 256.");
		final int m = DivNoisingSpec.SIZE_MULTIPLE, lw = (width + m - 1) / m, lh = (height + m - 1) / m;
		final int latent = model.divNoising().latent(), n = lw * lh * latent;
		final Random rng = new Random(seed);
		final java.util.List<sc.fiji.autoencoders.image.Plane> out = new java.util.ArrayList<>();
		try (DivNoisingPosterior post = new DivNoisingPosterior(model.divNoising(), model.weights, 0)) {
			for (int i = 0; i < count; i++) {
				final float[] z = new float[n];
				for (int j = 0; j < n; j++)
					z[j] = (float) (temperature * rng.nextGaussian());
				final float[] s = post.decode(z, 1, lw, lh);
				final float[] px = new float[width * height];
				for (int y = 0; y < height; y++)
					for (int x = 0; x < width; x++)
						px[y * width + x] = model.normalization.denormalize(s[y * lw * m + x]);
				out.add(new sc.fiji.autoencoders.image.Plane(width, height, px));
			}
		}
		return out;
	}

	/** A generator for one tile: the run's seed and the tile's own pixels, so that a seed reproduces the samples. */
	private static Random rng(final long seed, final float[] tile) {
		return new Random(seed * 0x9E3779B97F4A7C15L + Arrays.hashCode(tile));
	}

	private static float[] storage(final Img<FloatType> img) {
		return ((net.imglib2.img.array.ArrayImg<FloatType, net.imglib2.img.basictypeaccess.array.FloatArray>) img)
			.update(null).getCurrentStorageArray();
	}

	public AutoencoderModel model() {
		return model;
	}

	@Override
	public void close() {
		posterior.close();
	}
}
