package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/**
 * The images a network trains on (or a denoiser's targets): ImgLib2 images of any real type, 2D planes (X, Y) or 3D Z
 * stacks (X, Y, Z), in one or more channels that are the network's input channels (channels trained jointly). Image
 * {@code i} of every channel shows the same scene and has the same size, so patches are cut from all channels at the
 * same place (one sampler per channel, all with one seed: their choices depend only on the sizes and the seed). Images
 * may be in memory (ImageJ's arrays wrapped, {@link #of}) or read block by block from a file ({@link #lazy}); nothing
 * here copies a whole image. Immutable; the images are shared.
 */
public final class TrainingImages {

	/** [channel][image]. */
	private final List<List<RandomAccessibleInterval<? extends RealType<?>>>> images;
	private final int dims;
	/**
	 * Read from a file block by block (larger than memory, perhaps): checks and normalization look at a seeded sample
	 * of patches instead of every pixel, which would read the whole file.
	 */
	private final boolean lazy;

	private TrainingImages(final List<List<RandomAccessibleInterval<? extends RealType<?>>>> images, final int dims,
		final boolean lazy)
	{
		this.images = images;
		this.dims = dims;
		this.lazy = lazy;
	}

	/**
	 * Single-channel planes (a 2D network). This and the next three adapt the float-array types {@link Plane} and
	 * {@link Volume} (views over their arrays, {@link Plane#view()}, {@link Volume#view()}) for the code that still
	 * makes them: the IDX reader, the tests.
	 */
	public static TrainingImages planes(final List<Plane> planes) {
		return jointPlanes(planes == null ? null : List.of(planes));
	}

	/** Single-channel Z stacks (a 3D network). */
	public static TrainingImages volumes(final List<Volume> volumes) {
		return jointVolumes(volumes == null ? null : List.of(volumes));
	}

	/** Planes of several channels trained jointly: {@code perChannel.get(c).get(i)} is plane i of channel c. */
	public static TrainingImages jointPlanes(final List<List<Plane>> perChannel) {
		return new TrainingImages(perChannel == null ? null : perChannel(perChannel, Plane::view), 2, false);
	}

	/** Z stacks of several channels trained jointly: {@code perChannel.get(c).get(i)} is stack i of channel c. */
	public static TrainingImages jointVolumes(final List<List<Volume>> perChannel) {
		return new TrainingImages(perChannel == null ? null : perChannel(perChannel, Volume::view), 3, false);
	}

	/**
	 * Images in memory: {@code perChannel.get(c).get(i)} is image i of channel c, 2D (X, Y) if {@code dims} is 2, else
	 * 3D (X, Y, Z).
	 */
	public static TrainingImages of(final int dims,
		final List<? extends List<? extends RandomAccessibleInterval<? extends RealType<?>>>> perChannel)
	{
		return new TrainingImages(perChannel == null ? null : perChannel(perChannel, i -> i), dims, false);
	}

	/** As {@link #of}, for images read from a file block by block as patches need them. */
	public static TrainingImages lazy(final int dims,
		final List<? extends List<? extends RandomAccessibleInterval<? extends RealType<?>>>> perChannel)
	{
		return new TrainingImages(perChannel == null ? null : perChannel(perChannel, i -> i), dims, true);
	}

	private static <T> List<List<RandomAccessibleInterval<? extends RealType<?>>>> perChannel(
		final List<? extends List<? extends T>> in, final Function<T, RandomAccessibleInterval<? extends RealType<?>>> view)
	{
		final List<List<RandomAccessibleInterval<? extends RealType<?>>>> out = new ArrayList<>();
		for (final List<? extends T> c : in)
			out.add(c == null ? null : views(c, view));
		return Collections.unmodifiableList(out);
	}

	/** Each of {@code items} as an image. */
	static <T> List<RandomAccessibleInterval<? extends RealType<?>>> views(final List<? extends T> items,
		final Function<T, ? extends RandomAccessibleInterval<? extends RealType<?>>> view)
	{
		final List<RandomAccessibleInterval<? extends RealType<?>>> out = new ArrayList<>(items.size());
		for (final T item : items)
			out.add(view.apply(item));
		return Collections.unmodifiableList(out);
	}

	/**
	 * These targets, each fitted to its input (same channel and index) by {@code fit} (input, target) -> fitted target.
	 */
	TrainingImages fittedTo(final TrainingImages inputs,
		final BinaryOperator<RandomAccessibleInterval<? extends RealType<?>>> fit)
	{
		final List<List<RandomAccessibleInterval<? extends RealType<?>>>> out = new ArrayList<>();
		for (int c = 0; c < channels(); c++) {
			final List<RandomAccessibleInterval<? extends RealType<?>>> fitted = new ArrayList<>();
			for (int i = 0; i < images.get(c).size(); i++)
				fitted.add(fit.apply(inputs.image(c, i), image(c, i)));
			out.add(fitted);
		}
		return new TrainingImages(out, dims, lazy);
	}

	/** 2 for planes, 3 for Z stacks. */
	public int dims() {
		return dims;
	}

	/** The network's input channels. */
	public int channels() {
		return images == null ? 0 : images.size();
	}

	/** Images per channel (planes or Z stacks). */
	public int count() {
		return images == null || images.isEmpty() || images.get(0) == null ? 0 : images.get(0).size();
	}

	/** Image {@code i} of channel {@code c}. */
	public RandomAccessibleInterval<? extends RealType<?>> image(final int c, final int i) {
		return images.get(c).get(i);
	}

	/** The images of channel {@code c}: what its normalization is computed from. */
	public List<RandomAccessibleInterval<? extends RealType<?>>> channel(final int c) {
		return images.get(c);
	}

	/** The image's pixels copied in flat order (x fastest): for the float arrays a network or a fit takes whole. */
	static float[] floats(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final float[] px = new float[(int) Intervals.numElements(image)];
		int i = 0;
		for (final RealType<?> v : Views.flatIterable(image))
			px[i++] = v.getRealFloat();
		return px;
	}

	/** True for images read block by block from a file (see {@link #lazy}). */
	public boolean isLazy() {
		return lazy;
	}

	boolean isEmpty() {
		return channels() == 0 || count() == 0;
	}

	/** "planes" or "Z stacks". */
	String unit() {
		return dims() == 3 ? "Z stacks" : "planes";
	}

	/** ", 2D", or e.g. ", 2 channels jointly, 3D". */
	String suffix() {
		return (channels() > 1 ? ", " + channels() + " channels jointly" : "") + ", " + dims() + "D";
	}

	/** e.g. "64x64" or "64x64x8" for image {@code i} of channel {@code c}. */
	String size(final int c, final int i) {
		return size(image(c, i));
	}

	private static String size(final RandomAccessibleInterval<?> image) {
		final StringBuilder s = new StringBuilder();
		for (int d = 0; d < image.numDimensions(); d++)
			s.append(d > 0 ? "x" : "").append(image.dimension(d));
		return s.toString();
	}

	static long pixels(final RandomAccessibleInterval<?> image) {
		return Intervals.numElements(image);
	}

	/**
	 * Throws unless every channel has as many images as the first, each of the first's size ({@code what}: e.g.
	 * "Training image").
	 */
	void checkAligned(final String what) {
		for (int c = 1; c < channels(); c++) {
			final int n = images.get(c).size();
			if (n != count()) throw new BadInputException("Channel " + (c + 1) + " has " + n + " " + unit() + " but " +
				"channel 1 has " + count() + ": channels trained jointly need the same " + unit() + " in every channel.");
			for (int i = 0; i < n; i++)
				if (!size(c, i).equals(size(0, i))) throw new BadInputException(what + " " + (i + 1) + " is " + size(0,
					i) + " in channel 1 but " + size(c, i) + " in channel " + (c + 1) + ": channels trained jointly " +
					"must be of one size.");
		}
	}

	/**
	 * Throws the message naming the fix if an image is smaller than a patch ({@code patchDepth} planes in 3D) or holds
	 * non-finite pixels (images in memory: every pixel is looked at; lazy ones are checked on their normalization's
	 * sample).
	 */
	void checkFits(final String what, final int patchSize, final int patchDepth) {
		for (int c = 0; c < channels(); c++) {
			final List<RandomAccessibleInterval<? extends RealType<?>>> all = images.get(c);
			long plane = 0;
			for (int i = 0; i < all.size(); i++) {
				final RandomAccessibleInterval<? extends RealType<?>> image = all.get(i);
				if (dims == 3) checkStack(image, i, patchSize, patchDepth);
				else if (image.dimension(0) < patchSize || image.dimension(1) < patchSize) throw new BadInputException(
					what + " " + (i + 1) + " is " + size(image) + ", smaller than the patch size " + patchSize +
						": use a smaller patch (--patch) or larger images.");
				if (!lazy) checkFinite(image, dims == 3 ? what + " plane" : what, plane);
				plane += dims == 3 ? image.dimension(2) : 1;
			}
		}
	}

	/** Throws if a pixel is not finite, naming its plane (1-based, counting from {@code firstPlane} + 1). */
	private static void checkFinite(final RandomAccessibleInterval<? extends RealType<?>> image, final String what,
		final long firstPlane)
	{
		final long area = image.dimension(0) * image.dimension(1);
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(image).cursor();
		for (long k = 0; cursor.hasNext(); k++)
			if (!Float.isFinite(cursor.next().getRealFloat())) throw new BadInputException(what + " " + (firstPlane + k /
				area + 1) + " contains NaN or infinite pixels: replace them first (Process > Math > Remove NaNs...).");
	}

	/**
	 * Throws unless some pixel differs from the first ({@code what}: e.g. "noisy images"). Lazy images are not read
	 * whole for this: their normalization refuses images constant between its percentiles.
	 */
	void checkNotConstant(final String what) {
		if (!lazy) checkAllNotConstant(what);
	}

	/** As {@link #checkNotConstant}, reading lazy images whole too: for training that reads them whole anyway. */
	void checkAllNotConstant(final String what) {
		final float first = images.get(0).get(0).randomAccess().setPositionAndGet(Intervals.minAsLongArray(images.get(0)
			.get(0))).getRealFloat();
		for (int c = 0; c < channels(); c++)
			for (final RandomAccessibleInterval<? extends RealType<?>> image : images.get(c))
				for (final RealType<?> v : Views.flatIterable(image))
					if (v.getRealFloat() != first) return;
		throw new BadInputException("The " + what + " are constant (every pixel is " + first + "): training needs " +
			"images with intensity variation; check that the right images were chosen.");
	}

	/**
	 * Throws the message naming the fix if there is an image smaller than a patch: for planes, naming the smallest;
	 * for Z stacks, the first too small.
	 */
	static void checkSamplable(final List<RandomAccessibleInterval<? extends RealType<?>>> images, final int dims,
		final int patchSize, final int patchDepth)
	{
		if (dims == 3) {
			for (int i = 0; i < images.size(); i++)
				checkStack(images.get(i), i, patchSize, patchDepth);
			return;
		}
		RandomAccessibleInterval<?> smallest = images.get(0);
		for (final RandomAccessibleInterval<?> p : images)
			if (minSide(p) < minSide(smallest)) smallest = p;
		if (minSide(smallest) < patchSize) throw new BadInputException("The smallest training image is " + size(
			smallest) + " pixels, smaller than the patch size " + patchSize + ". Use a smaller patch size (--patch at " +
			"most " + minSide(smallest) + ") or larger images.");
	}

	private static long minSide(final RandomAccessibleInterval<?> p) {
		return Math.min(p.dimension(0), p.dimension(1));
	}

	/**
	 * Throws the message naming the fix if stack {@code index} (0-based) is smaller than a patch: too few planes for the
	 * patch depth, or too small in X or Y.
	 */
	private static void checkStack(final RandomAccessibleInterval<?> v, final int index, final int patchSize,
		final int patchDepth)
	{
		final long depth = v.numDimensions() > 2 ? v.dimension(2) : 1;
		if (depth < patchDepth) throw new BadInputException("Training stack " + (index + 1) + " has " + depth +
			" plane" + (depth == 1 ? "" : "s") + ", fewer than the patch depth " + patchDepth + " a 3D network " +
			"trains on: use a smaller patch depth (--patch-depth " + Long.highestOneBit(Math.max(1, depth)) + ", a " +
			"multiple of 2^(levels pooling Z)), a stack with more planes (check that Image > Properties... counts them " +
			"as slices, not frames), or a 2D network (--dims 2).");
		if (v.dimension(0) < patchSize || v.dimension(1) < patchSize) throw new BadInputException("Training stack " +
			(index + 1) + " is " + v.dimension(0) + "x" + v.dimension(1) + ", smaller than the patch size " + patchSize +
			": use a smaller patch (--patch) or larger images.");
	}

	/**
	 * Training and validation images, split as {@link ImageSplit} splits them (cut images are views of their bottom or
	 * top rows), the same way in every channel.
	 */
	TrainingImages[] split(final double fraction, final int patchSize, final long seed) {
		final List<List<RandomAccessibleInterval<? extends RealType<?>>>> training = new ArrayList<>(),
			validation = new ArrayList<>();
		for (int c = 0; c < channels(); c++) {
			final ImageSplit<RandomAccessibleInterval<? extends RealType<?>>> s = ImageSplit.of(images.get(c), fraction,
				patchSize, seed, image -> image.dimension(1), TrainingImages::rows, dims == 3
					? "There are no training stacks to split. Give at least one Z stack."
					: "There are no training images to split. Give at least one image.");
			training.add(s.training());
			validation.add(s.validation());
		}
		return new TrainingImages[] { new TrainingImages(training, dims, lazy), new TrainingImages(validation, dims,
			lazy) };
	}

	/** Rows {@code [y0, y0 + rows)} of the image, a view with its origin at 0. */
	private static RandomAccessibleInterval<? extends RealType<?>> rows(
		final RandomAccessibleInterval<? extends RealType<?>> image, final long y0, final long rows)
	{
		final long[] min = Intervals.minAsLongArray(image), max = Intervals.maxAsLongArray(image);
		min[1] += y0;
		max[1] = min[1] + rows - 1;
		return Views.zeroMin(Views.interval(image, new FinalInterval(min, max)));
	}

	/** Samples patches of P x P (x D planes in 3D) from every channel at the same places. */
	Sampler sampler(final int patchSize, final int patchDepth, final long seed, final boolean transposes) {
		return new Sampler(this, patchSize, patchDepth, seed, transposes);
	}

	/** Patches of every channel, cut at the same places with the same flips and turns. Not thread-safe. */
	static final class Sampler {

		private final PatchSampler[] channels;
		private final int voxels;

		Sampler(final TrainingImages images, final int p, final int d, final long seed, final boolean transposes) {
			channels = new PatchSampler[images.channels()];
			for (int k = 0; k < channels.length; k++) {
				channels[k] = new PatchSampler(images.images.get(k), images.dims, p, d, seed);
				if (!transposes) channels[k].withoutTransposes();
			}
			voxels = p * p * (images.dims == 3 ? d : 1);
		}

		/** Values of one patch of one channel. */
		int voxels() {
			return voxels;
		}

		/** The next {@code batch} augmented patches: [channel][batch * voxels]. */
		float[][] next(final int batch) {
			final float[][] out = new float[channels.length][];
			for (int k = 0; k < channels.length; k++)
				out[k] = channels[k].nextBatch(batch);
			return out;
		}

		/** {@code count} patches fixed by {@code seed} alone, without augmentation: [channel][count * voxels]. */
		float[][] fixed(final int count, final long seed) {
			final float[][] out = new float[channels.length][];
			for (int k = 0; k < channels.length; k++)
				out[k] = channels[k].fixedBatch(count, seed);
			return out;
		}
	}

	/**
	 * Patches of C channels ({@code perChannel[c]}: patch after patch, {@code voxels} values each) as the network takes
	 * them: channel fastest (NHWC / NDHWC). One channel is returned as it is.
	 */
	static float[] interleave(final float[][] perChannel) {
		final int c = perChannel.length;
		if (c == 1) return perChannel[0];
		final int n = perChannel[0].length;
		final float[] out = new float[n * c];
		for (int k = 0; k < c; k++) {
			final float[] src = perChannel[k];
			for (int i = 0; i < n; i++)
				out[i * c + k] = src[i];
		}
		return out;
	}
}
