package sc.fiji.autoencoders.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/**
 * The images a denoiser trains on (or its targets): 2D planes or 3D Z stacks ({@link Volume}s), in one or more
 * channels that are the network's input channels (channels trained jointly). Image {@code i} of every channel shows
 * the same scene and has the same size, so patches are cut from all channels at the same place (one sampler per
 * channel, all with one seed: their choices depend only on the sizes and the seed). Immutable; the planes are shared.
 */
public final class TrainingImages {

	/** [channel][image]; exactly one of the two is set. */
	private final List<List<Plane>> planes;
	private final List<List<Volume>> volumes;

	private TrainingImages(final List<List<Plane>> planes, final List<List<Volume>> volumes) {
		this.planes = planes;
		this.volumes = volumes;
	}

	/** Single-channel planes (a 2D network). */
	public static TrainingImages planes(final List<Plane> planes) {
		return new TrainingImages(planes == null ? null : List.of(planes), null);
	}

	/** Single-channel Z stacks (a 3D network). */
	public static TrainingImages volumes(final List<Volume> volumes) {
		return new TrainingImages(null, volumes == null ? null : List.of(volumes));
	}

	/** Planes of several channels trained jointly: {@code perChannel.get(c).get(i)} is plane i of channel c. */
	public static TrainingImages jointPlanes(final List<List<Plane>> perChannel) {
		return new TrainingImages(perChannel == null ? null : copy(perChannel), null);
	}

	/** Z stacks of several channels trained jointly: {@code perChannel.get(c).get(i)} is stack i of channel c. */
	public static TrainingImages jointVolumes(final List<List<Volume>> perChannel) {
		return new TrainingImages(null, perChannel == null ? null : copy(perChannel));
	}

	private static <T> List<List<T>> copy(final List<List<T>> in) {
		final List<List<T>> out = new ArrayList<>();
		for (final List<T> c : in)
			out.add(c == null ? null : Collections.unmodifiableList(new ArrayList<>(c)));
		return Collections.unmodifiableList(out);
	}

	/**
	 * These targets, each fitted to its input (same channel and index) by {@code fit} (input, target) -> fitted target;
	 * a Z stack is fitted as a whole, as one plane of its planes stacked in Y, so it gets one gain and offset.
	 */
	TrainingImages fittedTo(final TrainingImages inputs, final java.util.function.BinaryOperator<Plane> fit) {
		if (planes != null) {
			final List<List<Plane>> out = new ArrayList<>();
			for (int c = 0; c < planes.size(); c++) {
				final List<Plane> fitted = new ArrayList<>();
				for (int i = 0; i < planes.get(c).size(); i++)
					fitted.add(fit.apply(inputs.planes.get(c).get(i), planes.get(c).get(i)));
				out.add(fitted);
			}
			return new TrainingImages(out, null);
		}
		final List<List<Volume>> out = new ArrayList<>();
		for (int c = 0; c < volumes.size(); c++) {
			final List<Volume> fitted = new ArrayList<>();
			for (int i = 0; i < volumes.get(c).size(); i++) {
				final Volume target = volumes.get(c).get(i);
				final Plane tall = fit.apply(tall(inputs.volumes.get(c).get(i)), tall(target));
				final int n = target.width() * target.height();
				final List<Plane> back = new ArrayList<>();
				for (int z = 0; z < target.depth(); z++)
					back.add(new Plane(target.width(), target.height(), java.util.Arrays.copyOfRange(tall.pixels(), z * n,
						(z + 1) * n)));
				fitted.add(new Volume(back));
			}
			out.add(fitted);
		}
		return new TrainingImages(null, out);
	}

	/** The planes of {@code v} one below the other. */
	private static Plane tall(final Volume v) {
		final int n = v.width() * v.height();
		final float[] all = new float[n * v.depth()];
		for (int z = 0; z < v.depth(); z++)
			System.arraycopy(v.plane(z).pixels(), 0, all, z * n, n);
		return new Plane(v.width(), v.height() * v.depth(), all);
	}

	/** 2 for planes, 3 for Z stacks. */
	public int dims() {
		return volumes != null ? 3 : 2;
	}

	/** The network's input channels. */
	public int channels() {
		return volumes != null ? volumes.size() : planes == null ? 0 : planes.size();
	}

	/** Images per channel (planes or Z stacks). */
	public int count() {
		final List<? extends List<?>> all = volumes != null ? volumes : planes;
		return all == null || all.isEmpty() || all.get(0) == null ? 0 : all.get(0).size();
	}

	boolean isEmpty() {
		return channels() == 0 || count() == 0;
	}

	/** Every plane of channel {@code c} (of every Z stack, in 3D): what its normalization is computed from. */
	List<Plane> channelPlanes(final int c) {
		if (planes != null) return planes.get(c);
		final List<Plane> out = new ArrayList<>();
		volumes.get(c).forEach(v -> out.addAll(v.planes()));
		return out;
	}

	/** Every plane of every channel. */
	List<Plane> allPlanes() {
		final List<Plane> out = new ArrayList<>();
		for (int c = 0; c < channels(); c++)
			out.addAll(channelPlanes(c));
		return out;
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
		if (planes != null) return planes.get(c).get(i).width() + "x" + planes.get(c).get(i).height();
		final Volume v = volumes.get(c).get(i);
		return v.width() + "x" + v.height() + "x" + v.depth();
	}

	/**
	 * Throws unless every channel has as many images as the first, each of the first's size ({@code what}: e.g.
	 * "Training image").
	 */
	void checkAligned(final String what) {
		for (int c = 1; c < channels(); c++) {
			final int n = (volumes != null ? volumes.get(c) : planes.get(c)).size();
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
	 * non-finite pixels.
	 */
	void checkFits(final String what, final int patchSize, final int patchDepth) {
		for (int c = 0; c < channels(); c++) {
			if (volumes != null) for (int i = 0; i < volumes.get(c).size(); i++)
				VolumePatchSampler.checkFits(volumes.get(c).get(i), i, patchSize, patchDepth);
			TrainingData.checkPlanes(channelPlanes(c), dims() == 3 ? what + " plane" : what, patchSize);
		}
	}

	/**
	 * Training and validation images, split as {@link PatchSampler#split} (planes) or {@link VolumePatchSampler#split}
	 * (Z stacks) split them, the same way in every channel.
	 */
	TrainingImages[] split(final double fraction, final int patchSize, final long seed) {
		final List<List<Plane>> tp = new ArrayList<>(), vp = new ArrayList<>();
		final List<List<Volume>> tv = new ArrayList<>(), vv = new ArrayList<>();
		for (int c = 0; c < channels(); c++) {
			if (volumes != null) {
				final VolumePatchSampler.Split s = VolumePatchSampler.split(volumes.get(c), fraction, patchSize, seed);
				tv.add(s.training());
				vv.add(s.validation());
			}
			else {
				final PatchSampler.Split s = PatchSampler.split(planes.get(c), fraction, patchSize, seed);
				tp.add(s.training());
				vp.add(s.validation());
			}
		}
		return volumes != null ? new TrainingImages[] { new TrainingImages(null, tv), new TrainingImages(null, vv) }
			: new TrainingImages[] { new TrainingImages(tp, null), new TrainingImages(vp, null) };
	}

	/** Samples patches of P x P (x D planes in 3D) from every channel at the same places. */
	Sampler sampler(final int patchSize, final int patchDepth, final long seed, final boolean transposes) {
		return new Sampler(this, patchSize, patchDepth, seed, transposes);
	}

	/** Patches of every channel, cut at the same places with the same flips and turns. Not thread-safe. */
	static final class Sampler {

		private final PatchSampler[] planes;
		private final VolumePatchSampler[] volumes;
		private final int voxels;

		Sampler(final TrainingImages images, final int p, final int d, final long seed, final boolean transposes) {
			final int c = images.channels();
			planes = images.planes != null ? new PatchSampler[c] : null;
			volumes = images.volumes != null ? new VolumePatchSampler[c] : null;
			for (int k = 0; k < c; k++) {
				if (planes != null) {
					planes[k] = new PatchSampler(images.planes.get(k), p, seed);
					if (!transposes) planes[k].withoutTransposes();
				}
				else {
					volumes[k] = new VolumePatchSampler(images.volumes.get(k), p, d, seed);
					if (!transposes) volumes[k].withoutTransposes();
				}
			}
			voxels = p * p * (volumes != null ? d : 1);
		}

		/** Values of one patch of one channel. */
		int voxels() {
			return voxels;
		}

		/** The next {@code batch} augmented patches: [channel][batch * voxels]. */
		float[][] next(final int batch) {
			final int c = planes != null ? planes.length : volumes.length;
			final float[][] out = new float[c][];
			for (int k = 0; k < c; k++)
				out[k] = planes != null ? planes[k].nextBatch(batch) : volumes[k].nextBatch(batch);
			return out;
		}

		/** {@code count} patches fixed by {@code seed} alone, without augmentation: [channel][count * voxels]. */
		float[][] fixed(final int count, final long seed) {
			final int c = planes != null ? planes.length : volumes.length;
			final float[][] out = new float[c][];
			for (int k = 0; k < c; k++)
				out[k] = planes != null ? planes[k].fixedBatch(count, seed) : volumes[k].fixedBatch(count, seed);
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
