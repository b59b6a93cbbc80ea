package sc.fiji.autoencoders.io.zarr;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The {@code multiscales} entry of an OME-NGFF image (0.4: in {@code .zattrs}; 0.5: under {@code ome} in the group's
 * {@code zarr.json} attributes, the version there rather than in each multiscale): its axes and, per resolution
 * level, the path of the level's array and its scale (the voxel size along each axis) and translation (where voxel
 * 0's centre lies). A top-level scale of the entry is folded into the levels' own. Immutable.
 */
public final class Multiscale implements Serializable {

	private static final long serialVersionUID = 1L;

	/** One resolution level. */
	public static final class Level implements Serializable {

		private static final long serialVersionUID = 1L;

		private final String path;
		private final double[] scale, translation;

		public Level(final String path, final double[] scale, final double[] translation) {
			this.path = path;
			this.scale = scale.clone();
			this.translation = translation.clone();
		}

		public String path() {
			return path;
		}

		public double[] scale() {
			return scale.clone();
		}

		public double[] translation() {
			return translation.clone();
		}
	}

	private final String name;
	private final List<OmeAxis> axes;
	private final List<Level> levels;

	public Multiscale(final String name, final List<OmeAxis> axes, final List<Level> levels) {
		this.name = name;
		this.axes = Collections.unmodifiableList(new ArrayList<>(axes));
		this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
	}

	public String name() {
		return name;
	}

	public List<OmeAxis> axes() {
		return axes;
	}

	public List<Level> levels() {
		return levels;
	}

	/**
	 * The attributes of an image with this one multiscale: the {@code .zattrs} document of OME-NGFF 0.4 for a Zarr v2
	 * image, the {@code attributes} of the group's {@code zarr.json} (OME-NGFF 0.5) for a Zarr v3 one.
	 */
	public JsonObject toJson(final int zarrFormat) {
		final JsonObject m = new JsonObject();
		if (zarrFormat == 2) m.addProperty("version", "0.4");
		if (name != null) m.addProperty("name", name);
		final JsonArray a = new JsonArray();
		for (final OmeAxis axis : axes)
			a.add(axis.toJson());
		m.add("axes", a);
		final JsonArray datasets = new JsonArray();
		for (final Level l : levels) {
			final JsonObject d = new JsonObject();
			d.addProperty("path", l.path);
			final JsonArray transforms = new JsonArray();
			transforms.add(transform("scale", l.scale));
			boolean translated = false;
			for (final double t : l.translation)
				translated |= t != 0;
			if (translated) transforms.add(transform("translation", l.translation));
			d.add("coordinateTransformations", transforms);
			datasets.add(d);
		}
		m.add("datasets", datasets);
		m.addProperty("type", "mean");
		final JsonObject meta = new JsonObject();
		meta.addProperty("description", "each level the 2x2 mean of the previous one in x and y");
		m.add("metadata", meta);
		final JsonArray all = new JsonArray();
		all.add(m);
		final JsonObject root = new JsonObject();
		root.add("multiscales", all);
		if (zarrFormat == 2) return root;
		root.addProperty("version", "0.5");
		final JsonObject attributes = new JsonObject();
		attributes.add("ome", root);
		return attributes;
	}

	private static JsonObject transform(final String type, final double[] values) {
		final JsonObject o = new JsonObject();
		o.addProperty("type", type);
		final JsonArray a = new JsonArray();
		for (final double v : values)
			a.add(v);
		o.add(type, a);
		return o;
	}

	/**
	 * The first multiscale of an image's attributes.
	 *
	 * @param file where they came from, for messages
	 * @throws BadInputException if there is none, or it is malformed
	 */
	public static Multiscale fromJson(final JsonObject attrs, final Path file) {
		final JsonElement ome = attrs == null ? null : attrs.get("ome");
		final JsonObject holder = ome != null && ome.isJsonObject() ? ome.getAsJsonObject() : attrs;
		final JsonElement all = holder == null ? null : holder.get("multiscales");
		if (all == null || !all.isJsonArray() || all.getAsJsonArray().size() == 0) throw bad(file,
			"has no 'multiscales' entry: this is not an OME-NGFF image; give the image's folder (with .zattrs or " +
				"zarr.json and levels 0, 1, ...) or a plain Zarr array's folder");
		try {
			final JsonObject m = all.getAsJsonArray().get(0).getAsJsonObject();
			// 0.5 names its version once, beside the multiscales; 0.4 and earlier in each
			final String version = holder != attrs ? string(holder, "version") : m.has("version") ? m.get("version")
				.getAsString() : "0.4";
			if (version == null || !version.startsWith("0.5") && !version.startsWith("0.4") && !version.startsWith(
				"0.3")) throw bad(file, "is OME-NGFF " + version + ", which this reader does not take: convert it to " +
					"0.5 (Zarr v3) or 0.4 (Zarr v2)");
			final List<OmeAxis> axes = new ArrayList<>();
			final Set<String> names = new HashSet<>();
			for (final JsonElement e : m.getAsJsonArray("axes")) {
				final OmeAxis a = e.isJsonPrimitive() ? new OmeAxis(e.getAsString(), null, null) : new OmeAxis(e
					.getAsJsonObject().get("name").getAsString(), string(e.getAsJsonObject(), "type"), string(e
						.getAsJsonObject(), "unit"));
				if (!names.add(a.name())) throw bad(file, "names axis '" + a.name() + "' twice");
				axes.add(a);
			}
			if (axes.size() < 2 || axes.size() > 5) throw bad(file, "has " + axes.size() + " axes; OME-NGFF allows 2 to 5");
			final double[] global = transforms(m.get("coordinateTransformations"), "scale", axes.size(), file, 1);
			final List<Level> levels = new ArrayList<>();
			for (final JsonElement e : m.getAsJsonArray("datasets")) {
				final JsonObject d = e.getAsJsonObject();
				final JsonElement t = d.get("coordinateTransformations");
				final double[] scale = transforms(t, "scale", axes.size(), file, 1);
				for (int i = 0; i < scale.length; i++) {
					scale[i] *= global[i];
					if (!(scale[i] > 0) || Double.isInfinite(scale[i])) throw bad(file, "has scale " + scale[i] +
						" along axis " + axes.get(i).name() + "; voxel sizes must be positive");
				}
				levels.add(new Level(d.get("path").getAsString(), scale, transforms(t, "translation", axes.size(), file,
					0)));
			}
			if (levels.isEmpty()) throw bad(file, "lists no datasets (resolution levels)");
			return new Multiscale(string(m, "name"), axes, levels);
		}
		catch (final NullPointerException | IllegalStateException | UnsupportedOperationException |
			NumberFormatException | ClassCastException e)
		{
			throw bad(file, "has a malformed 'multiscales' entry (" + e + "); OME-NGFF needs axes (name, type, " +
				"unit) and datasets (path, coordinateTransformations)");
		}
	}

	private static String string(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}

	/** The values of the transform of {@code type} in a list of them, or {@code identity} on every axis if none. */
	private static double[] transforms(final JsonElement list, final String type, final int rank, final Path file,
		final double identity)
	{
		final double[] v = new double[rank];
		java.util.Arrays.fill(v, identity);
		if (list == null || list.isJsonNull()) return v;
		for (final JsonElement e : list.getAsJsonArray()) {
			final JsonObject t = e.getAsJsonObject();
			if (!type.equals(t.get("type").getAsString())) continue;
			final JsonArray a = t.getAsJsonArray(type);
			if (a == null) throw bad(file, "has a " + type + " transform without values (a 'path' to a file of " +
				"them is not supported)");
			if (a.size() != rank) throw bad(file, "has a " + type + " of " + a.size() + " values for " + rank + " axes");
			for (int i = 0; i < rank; i++)
				v[i] = a.get(i).getAsDouble();
		}
		return v;
	}

	private static BadInputException bad(final Path file, final String problem) {
		return new BadInputException("OME-Zarr metadata " + file + " " + problem + ".");
	}
}
