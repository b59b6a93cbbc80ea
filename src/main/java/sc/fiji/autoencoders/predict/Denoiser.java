package sc.fiji.autoencoders.predict;


import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.Dihedral;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.Normalization;

/**
 * A loaded denoiser ready to predict, for every network family: the family's {@link DenoiserPredictor} opens the
 * network (the U-Net's is rebuilt from the model's spec with its weights as constants), and this class normalizes,
 * tiles, runs the self-ensemble and keeps non-finite pixels for all of them. Blocks (ImgLib2 images or views, or
 * planes) go in and come out in the image's own intensity units; they are cut into tiles by a {@link TiledPredictor}.
 * Close it to free the native graph and session. One instance serves one thread at a time.
 */
public final class Denoiser implements AutoCloseable {

	private static final List<Axis> XY = List.of(Axis.X, Axis.Y), XYZ = List.of(Axis.X, Axis.Y, Axis.Z);
	private static final List<Axis> XYC = List.of(Axis.X, Axis.Y, Axis.C), XYZC = List.of(Axis.X, Axis.Y, Axis.Z,
		Axis.C);

	/**
	 * Default largest core side: with the voxel budget ({@link TileBudget}) deciding the tile size, it only caps tiles
	 * of small networks, whose budget would allow larger ones.
	 */
	public static final int DEFAULT_TILE = 1024;

	private final AutoencoderModel model;
	/** The model's network, as its family's {@link DenoiserPredictor} opened it. */
	private final TileNetwork network;
	private final TiledPredictor tiler;
	private final List<Axis> axes;
	/** Input channels of a network trained on channels jointly; 1 otherwise. */
	private final int channels;
	private boolean ensemble;

	public Denoiser(final AutoencoderModel model) {
		this(model, DEFAULT_TILE, 0);
	}

	/** @param threads TensorFlow threads per operation (0: all cores) */
	public Denoiser(final AutoencoderModel model, final int tileSize, final int threads) {
		if (!model.isDenoiser()) throw new BadInputException("This is a " + model.kind +
			" model; denoising needs a denoiser model.");
		this.model = model;
		network = DenoiserPredictor.of(model).open(model, tileSize, threads);
		channels = model.network.channels();
		final boolean threeD = model.network.dims() == 3;
		axes = channels > 1 ? threeD ? XYZC : XYC : threeD ? XYZ : XY;
		tiler = network.tiler();
	}

	/**
	 * The XY radius tiles need: the model's measured effective radius, or the worst-case bound for a model without one
	 * (never more than the bound: a damaged file cannot make tiles huge).
	 */
	public static int marginRadius(final AutoencoderModel model) {
		final int bound = model.network.receptiveRadius();
		return model.receptiveField == null ? bound : Math.min(bound, model.receptiveField.xy());
	}

	/** As {@link #marginRadius}, along Z (3D networks). */
	public static int marginRadiusZ(final AutoencoderModel model) {
		final int bound = model.network.receptiveRadiusZ();
		return model.receptiveField == null ? bound : Math.min(bound, model.receptiveField.z());
	}

	public AutoencoderModel model() {
		return model;
	}

	public TiledPredictor tiler() {
		return tiler;
	}

	/**
	 * Self-ensemble on or off: when on, {@link #denoise} averages the predictions of the 8 flips and quarter turns of
	 * the image, each mapped back (8 times the work; typically a few tenths of a dB better).
	 */
	public Denoiser setEnsemble(final boolean on) {
		ensemble = on;
		return this;
	}

	/**
	 * The axes the network convolves over, in the order blocks must have them: X and Y (a 2D network), or X, Y and Z (a
	 * 3D network, which gets XYZ blocks: each channel and time point of a Z stack); then C for a network of channels
	 * trained jointly, which gets all of them at once.
	 */
	public List<Axis> axes() {
		return axes;
	}

	/** Progress units of one {@link #denoise} of a block of these dimensions: its tiles, times 8 with the ensemble. */
	public long workUnits(final long... dims) {
		return tiler.tileCount(channels > 1 ? channelsFirst(dims) : dims) * (ensemble ? Dihedral.VIEWS : 1);
	}

	/** Input (and output) channels: more than 1 for a network of channels trained jointly. */
	public int channels() {
		return channels;
	}

	/** Block dimensions in the tiler's order: the last (C) first. */
	private static long[] channelsFirst(final long[] dims) {
		final long[] out = new long[dims.length];
		out[0] = dims[dims.length - 1];
		System.arraycopy(dims, 0, out, 1, dims.length - 1);
		return out;
	}

	/** Denoises one plane (image units in and out). Non-finite pixels are predicted from 0 and set back afterwards. */
	public Plane denoise(final Plane in, final PredictionMonitor monitor) {
		if (channels > 1) throw new BadInputException("This model denoises " + channels + " channels jointly, not " +
			"single planes: give it an image of " + channels + " channels.");
		if (axes.size() != 2) throw new BadInputException("This is a 3D model: it denoises Z stacks, not single " +
			"planes. Give it a stack with several slices, or use a 2D model.");
		final ArrayImg<FloatType, FloatArray> out = ArrayImgs.floats(in.width(), in.height());
		denoise(ArrayImgs.floats(in.pixels(), in.width(), in.height()), out, monitor);
		return new Plane(in.width(), in.height(), out.update(null).getCurrentStorageArray());
	}

	/** Denoises a block (see {@link #denoise(RandomAccessibleInterval, RandomAccessibleInterval, PredictionMonitor)}) into a new image. */
	public <T extends RealType<T>> Img<FloatType> denoise(final RandomAccessibleInterval<T> in,
		final PredictionMonitor monitor)
	{
		final Img<FloatType> out = PlanarImgs.floats(in.dimensionsAsLongArray());
		denoise(in, out, monitor);
		return out;
	}

	/**
	 * Denoises a block whose dimensions are the network's {@link #axes()} in that order (X, Y[, Z]), in image units in and
	 * out, into {@code out}. Non-finite pixels are predicted from 0 and set back afterwards.
	 *
	 * @param in any pixel type, any minimum; it is only read
	 * @param out same dimensions (its own minimum); may be a view, e.g. a hyperslice of a larger image
	 * @param monitor progress counts {@link #workUnits} of this block; cancellation is checked between tiles
	 * @throws IllegalArgumentException if the block does not have the network's dimensionality or out's dimensions
	 */
	public <T extends RealType<T>> void denoise(final RandomAccessibleInterval<T> in,
		final RandomAccessibleInterval<FloatType> out, final PredictionMonitor monitor)
	{
		if (in.numDimensions() != axes.size()) {
			throw new IllegalArgumentException("This denoiser works on " + axes.size() + "D blocks " + axes + ", got " +
				in.numDimensions() + " dimensions " + Arrays.toString(in.dimensionsAsLongArray()));
		}
		if (!Intervals.equalDimensions(in, out)) {
			throw new IllegalArgumentException("Output dimensions " + Arrays.toString(out.dimensionsAsLongArray()) +
				" differ from input dimensions " + Arrays.toString(in.dimensionsAsLongArray()));
		}
		if (channels > 1 && in.dimension(in.numDimensions() - 1) != channels) throw new BadInputException("The image " +
			"has " + in.dimension(in.numDimensions() - 1) + " channels but this model denoises " + channels + " channels " +
			"jointly: give it an image of " + channels + " channels, in the order it was trained on.");
		final RandomAccessibleInterval<T> src = Views.zeroMin(in);
		final RandomAccessibleInterval<FloatType> dst = Views.zeroMin(out);
		if (!ensemble) {
			denoiseOnce(src, dst, monitor);
			return;
		}
		// the sum of the 8 views, each predicted in its own orientation and written back through the same view
		LoopBuilder.setImages(dst).forEachPixel(FloatType::setZero);
		final Img<FloatType> view = PlanarImgs.floats(src.dimensionsAsLongArray());
		for (int k = 0; k < Dihedral.VIEWS; k++) {
			final int v = k;
			denoiseOnce(Dihedral.view(src, k), Dihedral.view(view, k), new PredictionMonitor() {

				@Override
				public void progress(final long done, final long total) {
					monitor.progress(v * total + done, Dihedral.VIEWS * total);
				}

				@Override
				public boolean isCancelled() {
					return monitor.isCancelled();
				}
			});
			LoopBuilder.setImages(view, dst).forEachPixel((a, s) -> s.set(s.get() + a.get()));
		}
		LoopBuilder.setImages(dst).forEachPixel(s -> s.set(s.get() / Dihedral.VIEWS));
	}

	private <T extends RealType<T>> void denoiseOnce(final RandomAccessibleInterval<T> in,
		final RandomAccessibleInterval<FloatType> out, final PredictionMonitor monitor)
	{
		if (channels > 1) {
			denoiseChannels(in, out, monitor);
			return;
		}
		final Normalization norm = model.normalization;
		final float zero = norm.normalize(0f);
		final RandomAccessibleInterval<FloatType> normalized = Converters.convert(in, (a, b) -> {
			final float v = a.getRealFloat();
			b.set(Float.isFinite(v) ? norm.normalize(v) : zero);
		}, new FloatType());
		tiler.predict(normalized, out, this::run, monitor);
		LoopBuilder.setImages(in, out).forEachPixel((a, b) -> {
			final float v = a.getRealFloat();
			b.set(Float.isFinite(v) ? norm.denormalize(b.get()) : v);
		});
	}

	/**
	 * A block of channels trained jointly (C its last dimension): tiled with C first (channel fastest, as the network
	 * takes it), each tile normalized channel by channel (raw tiles, so that the mirrored margins are those of the
	 * image) and denormalized likewise; non-finite pixels are predicted from 0 and set back afterwards.
	 */
	private <T extends RealType<T>> void denoiseChannels(final RandomAccessibleInterval<T> in,
		final RandomAccessibleInterval<FloatType> out, final PredictionMonitor monitor)
	{
		final int last = in.numDimensions() - 1;
		final Normalization[] norms = new Normalization[channels];
		for (int c = 0; c < channels; c++)
			norms[c] = model.normalization(c);
		tiler.predict(Views.moveAxis(in, last, 0), Views.moveAxis(out, last, 0), (tile, dims) -> {
			final float[] t = tile.clone();
			for (int i = 0; i < t.length; i++) {
				final float v = t[i];
				t[i] = norms[i % channels].normalize(Float.isFinite(v) ? v : 0f);
			}
			final float[] r = run(t, dims);
			for (int i = 0; i < r.length; i++)
				r[i] = norms[i % channels].denormalize(r[i]);
			return r;
		}, monitor);
		LoopBuilder.setImages(in, out).forEachPixel((a, b) -> {
			final float v = a.getRealFloat();
			if (!Float.isFinite(v)) b.set(v);
		});
	}

	/** The raw network on one normalized tile whose sides are multiples of the network's size multiple. */
	public float[] run(final float[] tile, final int width, final int height) {
		return run(tile, new long[] { width, height });
	}

	/**
	 * The raw network on one normalized tile (dimension 0 fastest) whose sides are multiples of the network's size
	 * multiple.
	 */
	public float[] run(final float[] tile, final long[] dims) {
		return network.apply(tile, dims);
	}

	@Override
	public void close() {
		network.close();
	}

	/**
	 * An upper bound of the receptive field radius: each 3x3 convolution at level l reaches 2^l further, pooling and
	 * upsampling another 2^l, and bilinear upsampling one more.
	 */
	public static int receptiveRadius(final NetworkSpec spec) {
		return spec.receptiveRadius();
	}

	/** As {@link #receptiveRadius}, along Z for a 3D network (whose levels pool Z as {@link NetworkSpec#zPooling()}). */
	public static int receptiveRadiusZ(final NetworkSpec spec) {
		return spec.receptiveRadiusZ();
	}
}
