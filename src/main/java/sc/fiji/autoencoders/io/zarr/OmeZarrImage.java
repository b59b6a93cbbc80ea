package sc.fiji.autoencoders.io.zarr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;

/**
 * An OME-NGFF image: OME-NGFF 0.4 in a Zarr v2 group ({@code .zgroup}, {@code .zattrs} with its {@link Multiscale}) or
 * OME-NGFF 0.5 in a Zarr v3 group ({@code zarr.json}, its attributes' {@code ome} holding the multiscale), and one
 * array per resolution level (level 0 the full image). Images this plugin writes have the pyramid that
 * {@link Pyramid} computes: each level half the previous in x and y, down to the first that fits in one chunk.
 */
public final class OmeZarrImage {

	private final Path root;
	private final Multiscale multiscale;
	private final List<ZarrArray> levels;

	private OmeZarrImage(final Path root, final Multiscale multiscale, final List<ZarrArray> levels) {
		this.root = root;
		this.multiscale = multiscale;
		this.levels = levels;
	}

	/**
	 * Opens the image in folder {@code root}.
	 *
	 * @throws BadInputException if it is not a folder, has no OME-NGFF metadata, or its metadata and arrays disagree
	 */
	public static OmeZarrImage open(final Path root) {
		if (!Files.isDirectory(root)) throw new BadInputException("OME-Zarr image " + root + " is not a folder: give " +
			"the path of a .zarr folder.");
		Path attrs = root.resolve(".zattrs");
		final JsonObject json;
		if (Files.isRegularFile(attrs)) json = ZarrJson.readIfExists(attrs);
		else {
			attrs = root.resolve("zarr.json");
			final JsonObject group = ZarrJson.readIfExists(attrs);
			final boolean isGroup = group != null && group.has("node_type") && "group".equals(group.get("node_type")
				.getAsString());
			if (!isGroup) throw new BadInputException(root + " has no .zattrs or zarr.json of a group" + (group != null ||
				Files.isRegularFile(root.resolve(".zarray")) ? ": it is a plain Zarr array, not an OME-NGFF image; " +
					"write it with OME-NGFF multiscales metadata (axes and scales)" : ": it is not an OME-Zarr image; " +
						"give the folder of one (with .zattrs or zarr.json and the level arrays)") + ".");
			json = group.get("attributes") != null && group.get("attributes").isJsonObject() ? group.getAsJsonObject(
				"attributes") : null;
		}
		final Multiscale m = Multiscale.fromJson(json, attrs);
		final List<ZarrArray> arrays = new ArrayList<>();
		for (final Multiscale.Level l : m.levels()) {
			final ZarrArray a = ZarrArray.open(root.resolve(l.path()));
			if (a.metadata().rank() != m.axes().size()) throw new BadInputException("OME-Zarr level " + a.path() + " has " +
				a.metadata().rank() + " dimensions but " + attrs + " names " + m.axes().size() + " axes " + m.axes() +
				": the metadata is damaged; write the image again.");
			arrays.add(a);
		}
		return new OmeZarrImage(root, m, arrays);
	}

	/**
	 * Creates an image: the group, its metadata and every level's {@code .zarray} (no chunks yet). Levels 1 on halve x
	 * and y ({@link Pyramid#levelShapes}); their voxel sizes double and their translations move to the centres of the
	 * 2x2 blocks they average.
	 *
	 * @param level0 level 0's array description (its chunks are every level's, clipped to the level's shape)
	 * @param scale level 0's voxel size along each axis
	 * @param translation level 0's translation along each axis
	 */
	public static OmeZarrImage create(final Path root, final String name, final List<OmeAxis> axes,
		final ArrayMetadata level0, final double[] scale, final double[] translation)
	{
		if (axes.size() != level0.rank()) throw new IllegalArgumentException(axes + " for rank " + level0.rank());
		final int format = level0.format();
		final List<String> names = new ArrayList<>();
		for (final OmeAxis a : axes)
			names.add(a.name());
		final ArrayMetadata meta0 = level0.withDimensionNames(names);
		// a v3 group's zarr.json holds its attributes: written once they are known, below
		if (format == 2) ZarrJson.writeGroup(root);
		else ZarrJson.mkdirs(root);
		final int x = indexOf(axes, Axis.X), y = indexOf(axes, Axis.Y);
		final List<long[]> shapes = Pyramid.levelShapes(level0.shape(), level0.chunks(), x, y);
		final List<Multiscale.Level> levels = new ArrayList<>();
		final List<ZarrArray> arrays = new ArrayList<>();
		for (int k = 0; k < shapes.size(); k++) {
			final double[] s = scale.clone(), t = translation.clone();
			for (final int d : new int[] { x, y }) {
				s[d] = scale[d] * (1L << k);
				t[d] = translation[d] + ((1L << k) - 1) * scale[d] / 2;
			}
			levels.add(new Multiscale.Level(Integer.toString(k), s, t));
			arrays.add(ZarrArray.create(root.resolve(Integer.toString(k)), meta0.withShape(shapes.get(k))));
		}
		final Multiscale m = new Multiscale(name, axes, levels);
		if (format == 2) ZarrJson.write(root.resolve(".zattrs"), m.toJson(2));
		else ZarrJson.writeGroupV3(root, m.toJson(3));
		return new OmeZarrImage(root, m, arrays);
	}

	/**
	 * Whether {@code dir} is a Zarr group or array folder (v2 {@code .zattrs} or {@code .zgroup}, v3
	 * {@code zarr.json}).
	 */
	public static boolean isZarrFolder(final Path dir) {
		return Files.isDirectory(dir) && (Files.isRegularFile(dir.resolve(".zattrs")) || Files.isRegularFile(dir
			.resolve(".zgroup")) || Files.isRegularFile(dir.resolve("zarr.json")));
	}

	private static int indexOf(final List<OmeAxis> axes, final Axis axis) {
		for (int d = 0; d < axes.size(); d++)
			if (axes.get(d).toAxis() == axis) return d;
		throw new BadInputException("The OME-Zarr axes " + axes + " have no " + axis.name().toLowerCase() + " axis; " +
			"an image needs x and y.");
	}

	public Path root() {
		return root;
	}

	public Multiscale multiscale() {
		return multiscale;
	}

	/** The OME-NGFF axes, in the arrays' dimension order. */
	public List<OmeAxis> axes() {
		return multiscale.axes();
	}

	/**
	 * The image axis of each dimension.
	 *
	 * @throws BadInputException if an axis is not one of x, y, z, c, t, or one repeats
	 */
	public List<Axis> imageAxes() {
		final List<Axis> out = new ArrayList<>();
		for (final OmeAxis a : axes()) {
			final Axis axis = a.toAxis();
			if (out.contains(axis)) throw new BadInputException("The OME-Zarr image " + root + " has two " + axis +
				" axes " + axes() + "; give an image with x, y and at most one each of z, c and t.");
			out.add(axis);
		}
		if (!out.contains(Axis.X) || !out.contains(Axis.Y)) throw new BadInputException("The OME-Zarr image " + root +
			" has axes " + axes() + " without both x and y; give an image of planes.");
		return out;
	}

	public int levelCount() {
		return levels.size();
	}

	public ZarrArray level(final int k) {
		return levels.get(k);
	}

	@Override
	public String toString() {
		return "OME-Zarr " + root + " " + axes() + " " + Arrays.toString(levels.get(0).shape()) + ", " + levels.size() +
			" levels";
	}
}
