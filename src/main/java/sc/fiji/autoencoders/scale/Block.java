package sc.fiji.autoencoders.scale;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * One task of a {@link ZarrDenoising}: a box of whole output chunks of level 0 (clipped by the image's edge), the
 * input and output images, and the halo of input read around the box on each side. Plain data, so that a
 * scheduler can ship it to another machine and run it there; two blocks of one plan never share a chunk.
 * Coordinates are in the arrays' dimension order (OME-NGFF: t, c, z, y, x; the last fastest).
 */
public final class Block implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String input, output;
	private final long[] min;
	private final int[] size, halo, multiple;

	Block(final Path input, final Path output, final long[] min, final int[] size, final int[] halo,
		final int[] multiple)
	{
		this.input = input.toString();
		this.output = output.toString();
		this.min = min.clone();
		this.size = size.clone();
		this.halo = halo.clone();
		this.multiple = multiple.clone();
	}

	/** The input OME-Zarr image's folder. */
	public Path input() {
		return Paths.get(input);
	}

	/** The output OME-Zarr image's folder. */
	public Path output() {
		return Paths.get(output);
	}

	/** The box's first voxel. */
	public long[] min() {
		return min.clone();
	}

	/** The box's size. */
	public int[] size() {
		return size.clone();
	}

	/** Input voxels read beyond the box on each side (no further than the image's edge). */
	public int[] halo() {
		return halo.clone();
	}

	/**
	 * The network's size multiple along each dimension (1 where it does not convolve): the box read starts at a
	 * multiple of it, because a network that pools predicts the same only for inputs shifted by whole pooling cells.
	 */
	public int[] multiple() {
		return multiple.clone();
	}

	@Override
	public String toString() {
		return "Block" + Arrays.toString(min) + "+" + Arrays.toString(size) + " halo " + Arrays.toString(halo);
	}
}
