package sc.fiji.autoencoders.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.io.zarr.ArrayMetadata;
import sc.fiji.autoencoders.io.zarr.DataType;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.io.zarr.Pyramid;
import sc.fiji.autoencoders.io.zarr.ZarrArray;
import sc.fiji.autoencoders.predict.Denoiser;
import sc.fiji.autoencoders.predict.Denoising;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/**
 * Denoises an OME-Zarr image into a new one, block by block, so that memory depends on the block size and never on
 * the image's: {@link #plan} creates the output (32-bit float, the input's axes, chunks, voxel sizes and units, with
 * its pyramid levels declared) and cuts level 0 into {@link Block}s of whole output chunks; {@link #run} denoises one
 * block from its input box plus the model's receptive-field halo (each plane for a 2D model, each XYZ volume for a 3D
 * one, through {@link Denoising} and the denoiser's own tiling) and writes its chunks, each atomically; when every
 * block has run, {@link #pyramid} computes the lower resolutions. Blocks are independent: they may run in any order,
 * on any machine that sees both folders, and again. A chunk on disk is complete (it was renamed into place), so a
 * rerun skips the chunks that exist: {@link #run} of a finished block writes nothing, and a resumed plan gives what an
 * uninterrupted run gives. Within the block's halo the result equals denoising the whole image in memory.
 */
public final class ZarrDenoising {

	/** What to do when the output exists. */
	public enum Existing {
		/** Refuse with a message: nothing is lost. */
		REFUSE,
		/** Keep it and skip the chunks it has (a rerun after a crash). */
		RESUME,
		/** Delete it first (only an OME-Zarr image or an empty folder). */
		OVERWRITE
	}

	/** The most voxels (block and halo) a block deepened along Z reads: 16 M, 192 MB as doubles and floats. */
	static final long BLOCK_VOXELS = 1L << 24;

	private ZarrDenoising() {}

	/**
	 * Checks the input against the model, creates the output (or opens it to resume) and returns the blocks.
	 *
	 * @param blockChunks output chunks per block along x and y (1 or more: larger blocks read relatively less halo)
	 * @throws BadInputException if the input is not an OME-Zarr image the model can take (axes, dimensionality,
	 *           channels), or the output exists and {@code existing} is REFUSE, or it cannot be resumed
	 */
	public static List<Block> plan(final Path input, final Path output, final Denoiser denoiser,
		final Existing existing, final int blockChunks)
	{
		if (blockChunks < 1) throw new IllegalArgumentException("blockChunks " + blockChunks);
		final OmeZarrImage in = OmeZarrImage.open(input);
		final List<Axis> axes = in.imageAxes();
		checkAxes(in, axes, denoiser);
		final ZarrArray level0 = in.level(0);
		final ArrayMetadata outMeta = outputMetadata(level0.metadata());
		final OmeZarrImage out = prepareOutput(in, output, outMeta, existing);

		final int rank = axes.size();
		final long[] shape = level0.shape();
		final int[] chunks = outMeta.chunks();
		final int[] per = new int[rank], halo = new int[rank], multiple = new int[rank];
		for (int d = 0; d < rank; d++) {
			final Axis a = axes.get(d);
			// a network of channels trained jointly needs every channel in each block
			halo[d] = halo(denoiser, a);
			multiple[d] = multiple(denoiser, a);
			per[d] = a == Axis.C && denoiser.channels() > 1 ? Integer.MAX_VALUE : a == Axis.X || a == Axis.Y ? blockChunks
				: 1;
		}
		final int z = axes.indexOf(Axis.Z);
		if (z >= 0 && halo[z] > 0) {
			long plane = 1; // voxels of a block's plane with its halo
			for (int d = 0; d < rank; d++)
				if (d != z) plane *= extent(shape[d], chunks[d], per[d]) + 2L * halo[d];
			per[z] = deep(halo[z], chunks[z], plane);
		}
		final long[] grid = new long[rank];
		for (int d = 0; d < rank; d++) {
			final long blockSize = extent(shape[d], chunks[d], per[d]);
			grid[d] = blockSize == 0 ? 0 : (shape[d] + blockSize - 1) / blockSize;
			per[d] = (int) Math.max(1, blockSize);
		}
		final List<Block> blocks = new ArrayList<>();
		for (final long g : grid)
			if (g == 0) return blocks;
		final long[] index = new long[rank];
		do {
			final long[] min = new long[rank];
			final int[] size = new int[rank];
			for (int d = 0; d < rank; d++) {
				min[d] = index[d] * per[d];
				size[d] = (int) Math.min(per[d], shape[d] - min[d]);
			}
			blocks.add(new Block(in.root(), out.root(), min, size, halo, multiple));
		}
		while (Pyramid.next(index, grid));
		return blocks;
	}

	/**
	 * Denoises one block and writes its chunks, skipping chunks already stored.
	 *
	 * @return the number of chunks written (0 for a block that was complete)
	 * @throws BadInputException if an input chunk is corrupt
	 */
	public static int run(final Block block, final Denoiser denoiser, final PredictionMonitor monitor) {
		final OmeZarrImage in = OmeZarrImage.open(block.input()), out = OmeZarrImage.open(block.output());
		final ZarrArray target = out.level(0);
		final List<long[]> missing = missingChunks(target, block);
		if (missing.isEmpty()) return 0;
		final List<Axis> axes = in.imageAxes();
		final int rank = axes.size();
		final long[] shape = in.level(0).shape(), min = block.min();
		final int[] size = block.size(), halo = block.halo(), multiple = block.multiple();
		// the block plus its halo, clipped by the image (the tiler mirrors at the clipped edge as at the whole image's),
		// from a multiple of the network's size multiple, where the whole image's tiles start too
		final long[] readMin = new long[rank];
		final int[] readSize = new int[rank];
		for (int d = 0; d < rank; d++) {
			readMin[d] = Math.max(0, min[d] - halo[d]) / multiple[d] * multiple[d];
			readSize[d] = (int) (Math.min(shape[d], min[d] + size[d] + halo[d]) - readMin[d]);
		}
		final double[] values = in.level(0).read(readMin, readSize);
		// ImgLib2 order: the arrays' dimensions reversed (x first), so that C order is ImgLib2's flat order. The
		// denoised image leaves out dimensions of size 1 that the model does not convolve over (ImgLib2's mirroring
		// block copier divides by zero on a hyperslice through one); the result is written through a view that has
		// them, over the same pixels.
		final List<Axis> kept = new ArrayList<>();
		final List<Long> keptDims = new ArrayList<>(), keptMin = new ArrayList<>();
		for (int d = rank - 1; d >= 0; d--) {
			if (readSize[d] == 1 && !denoiser.axes().contains(axes.get(d))) continue;
			kept.add(axes.get(d));
			keptDims.add((long) readSize[d]);
			keptMin.add(readMin[d]);
		}
		final RandomAccessibleInterval<DoubleType> source = Views.translate(ArrayImgs.doubles(values, longs(keptDims)),
			longs(keptMin));
		final float[] denoised = new float[values.length];
		final AxisImage<FloatType> result = AxisImage.of(Views.translate(ArrayImgs.floats(denoised, longs(keptDims)),
			longs(keptMin)), kept.toArray(new Axis[0]));
		Denoising.denoise(AxisImage.of(source, kept.toArray(new Axis[0])), List.of(denoiser), result, monitor);
		final RandomAccessibleInterval<FloatType> all = Views.translate(ArrayImgs.floats(denoised, reverse(readSize)),
			reverse(readMin));
		for (final long[] chunk : missing)
			writeChunk(target, chunk, all);
		return missing.size();
	}

	/** Whether every chunk of the block is stored: {@link #run} would write nothing (a scheduler skips it). */
	public static boolean isComplete(final Block block) {
		return missingChunks(OmeZarrImage.open(block.output()).level(0), block).isEmpty();
	}

	/**
	 * Computes the output's lower resolutions from level 0 (every block must have run), skipping chunks already
	 * stored.
	 *
	 * @return the number of chunks written
	 */
	public static long pyramid(final Path output) {
		return Pyramid.build(OmeZarrImage.open(output), true);
	}

	/** The whole job on this machine: {@link #plan}, {@link #run} of every block, {@link #pyramid}. */
	public static void denoise(final Path input, final Path output, final Denoiser denoiser, final Existing existing,
		final PredictionMonitor monitor)
	{
		for (final Block b : plan(input, output, denoiser, existing, 1)) {
			if (monitor.isCancelled()) throw new PredictionMonitor.CancelledException();
			run(b, denoiser, PredictionMonitor.NONE);
		}
		pyramid(output);
	}

	// -- Helper methods --

	private static void checkAxes(final OmeZarrImage in, final List<Axis> axes, final Denoiser denoiser) {
		for (final Axis a : denoiser.axes())
			if (!axes.contains(a)) throw new BadInputException("The OME-Zarr image " + in.root() + " has axes " + in
				.axes() + " without " + a.name().toLowerCase() + ", which the " + (denoiser.axes().contains(Axis.Z) ? 3
					: 2) + "D model needs " + denoiser.axes() + (a == Axis.Z ? ": give it a volume, or use a 2D model."
						: "."));
	}

	/**
	 * Level 0 of the output: the input's Zarr format, shape, chunks (a sharded input's inner chunks: outputs are not
	 * sharded), chunk keys and codecs, as 32-bit floats, NaN where not yet written.
	 */
	private static ArrayMetadata outputMetadata(final ArrayMetadata in) {
		return in.forWriting(DataType.FLOAT32, Double.NaN);
	}

	private static OmeZarrImage prepareOutput(final OmeZarrImage in, final Path output, final ArrayMetadata meta,
		final Existing existing)
	{
		if (output.toAbsolutePath().normalize().equals(in.root().toAbsolutePath().normalize())) throw new BadInputException(
			"The output " + output + " is the input: choose another output folder.");
		if (Files.exists(output)) {
			switch (existing) {
				case RESUME:
					return resumable(output, meta);
				case OVERWRITE:
					delete(output);
					break;
				default:
					throw new BadInputException("The output " + output + " exists: choose another output, or resume an " +
						"interrupted run (--resume), or replace it (--overwrite).");
			}
		}
		final double[] scale = in.multiscale().levels().get(0).scale(), translation = in.multiscale().levels().get(0)
			.translation();
		return OmeZarrImage.create(output, in.multiscale().name() == null ? "denoised" : in.multiscale().name() +
			" denoised", in.axes(), meta, scale, translation);
	}

	private static OmeZarrImage resumable(final Path output, final ArrayMetadata meta) {
		final OmeZarrImage out;
		try {
			out = OmeZarrImage.open(output);
		}
		catch (final BadInputException e) {
			throw new BadInputException("Cannot resume into " + output + ": " + e.getMessage() + " Replace it " +
				"(--overwrite) instead.", e);
		}
		final ArrayMetadata m = out.level(0).metadata();
		if (!Arrays.equals(m.shape(), meta.shape()) || !Arrays.equals(m.chunks(), meta.chunks()) || !m.type().equals(
			meta.type()) || m.format() != meta.format()) throw new BadInputException("Cannot resume into " + output +
				": its level 0 (Zarr v" + m.format() + ", shape " + Arrays.toString(m.shape()) + ", chunks " + Arrays
					.toString(m.chunks()) + ", " + m.type() + ") is not what this input gives (Zarr v" + meta.format() +
				", " + Arrays.toString(meta.shape()) + ", " + Arrays.toString(meta.chunks()) + ", " + meta.type() +
				"): it is another job's output; replace it (--overwrite) or choose another output.");
		return out;
	}

	/** Deletes an earlier output: only an OME-Zarr image or Zarr group, or an empty folder, never anything else. */
	private static void delete(final Path output) {
		try {
			final boolean empty;
			try (Stream<Path> s = Files.list(output)) {
				empty = !s.findAny().isPresent();
			}
			if (!empty && !OmeZarrImage.isZarrFolder(output)) throw new BadInputException("The output " + output +
				" exists and is not a Zarr image: " +
					"it is not replaced; choose another output.");
			try (Stream<Path> all = Files.walk(output)) {
				for (final Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator)
					Files.delete(p);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Cannot replace " + output, e);
		}
	}

	/**
	 * The input voxels that the result of a voxel depends on along {@code a}: the model's receptive radius (measured,
	 * or its architecture's bound). The denoiser's tiles add their own margin and blend inside the block.
	 */
	private static int halo(final Denoiser denoiser, final Axis a) {
		if (!denoiser.axes().contains(a) || a == Axis.C) return 0;
		return a == Axis.Z ? Denoiser.marginRadiusZ(denoiser.model()) : Denoiser.marginRadius(denoiser.model());
	}

	/** A block's size along a dimension of {@code length}: {@code per} chunks, clipped by the image. */
	private static long extent(final long length, final int chunk, final int per) {
		return Math.min(length, (long) chunk * Math.min(per, Integer.MAX_VALUE / chunk));
	}

	/**
	 * Chunks per block along Z for a 3D network: enough that the halo read on both sides is at most a quarter of the
	 * block's depth (the network computes those planes and throws them away: a volume chunked plane by plane, as
	 * bioformats2raw writes it, would otherwise cost 1 + 2 x halo planes of work per plane kept), within
	 * {@link #BLOCK_VOXELS} read ({@code plane} voxels per plane).
	 */
	private static int deep(final int halo, final int chunk, final long plane) {
		final long fits = BLOCK_VOXELS / Math.max(1, plane) - 2L * halo;
		final long planes = Math.max(1, Math.min(8L * halo, fits));
		return (int) Math.max(1, planes / chunk);
	}

	/** The network's size multiple along {@code a} (1 along axes it does not convolve over). */
	private static int multiple(final Denoiser denoiser, final Axis a) {
		final int i = denoiser.axes().indexOf(a);
		if (i < 0 || a == Axis.C) return 1;
		return denoiser.tiler().multiple(denoiser.channels() > 1 ? i + 1 : i);
	}

	private static List<long[]> missingChunks(final ZarrArray target, final Block block) {
		final int[] chunks = target.metadata().chunks();
		final long[] min = block.min();
		final int[] size = block.size();
		final int rank = min.length;
		final long[] first = new long[rank], count = new long[rank];
		for (int d = 0; d < rank; d++) {
			first[d] = min[d] / chunks[d];
			count[d] = (min[d] + size[d] - 1) / chunks[d] - first[d] + 1;
		}
		final List<long[]> missing = new ArrayList<>();
		final long[] i = new long[rank];
		do {
			final long[] index = new long[rank];
			for (int d = 0; d < rank; d++)
				index[d] = first[d] + i[d];
			if (!target.hasChunk(index)) missing.add(index);
		}
		while (Pyramid.next(i, count));
		return missing;
	}

	/** Writes the chunk at {@code index} from the result (ImgLib2 order, array coordinates). */
	private static void writeChunk(final ZarrArray target, final long[] index,
		final RandomAccessibleInterval<FloatType> result)
	{
		final long[] shape = target.shape();
		final int[] chunks = target.metadata().chunks();
		final int rank = shape.length;
		final long[] min = new long[rank], max = new long[rank];
		final int[] size = new int[rank];
		for (int d = 0; d < rank; d++) {
			min[d] = index[d] * chunks[d];
			size[d] = (int) Math.min(chunks[d], shape[d] - min[d]);
			max[d] = min[d] + size[d] - 1;
		}
		final ArrayImg<DoubleType, DoubleArray> box = ArrayImgs.doubles(reverse(size));
		LoopBuilder.setImages(Views.interval(result, reverse(min), reverse(max)), box).forEachPixel((a, b) -> b.set(a
			.get()));
		target.write(min, size, box.update(null).getCurrentStorageArray());
	}

	private static long[] longs(final List<Long> values) {
		return values.stream().mapToLong(Long::longValue).toArray();
	}

	private static long[] reverse(final long[] a) {
		final long[] r = new long[a.length];
		for (int i = 0; i < a.length; i++)
			r[i] = a[a.length - 1 - i];
		return r;
	}

	private static long[] reverse(final int[] a) {
		final long[] r = new long[a.length];
		for (int i = 0; i < a.length; i++)
			r[i] = a[a.length - 1 - i];
		return r;
	}
}
