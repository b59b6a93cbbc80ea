package sc.fiji.autoencoders.io.zarr;

import java.io.Serializable;
import java.util.Locale;

import com.google.gson.JsonObject;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Axis;

/** An OME-NGFF axis: its name, type ({@code space}, {@code time}, {@code channel} or another) and unit (may be null). */
public final class OmeAxis implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String name, type, unit;

	public OmeAxis(final String name, final String type, final String unit) {
		this.name = name;
		this.type = type;
		this.unit = unit;
	}

	/** The OME-NGFF axis of an image axis: x, y and z are space, c channel, t time. */
	public static OmeAxis of(final Axis axis, final String unit) {
		final String type = axis.isSpatial() ? "space" : axis == Axis.C ? "channel" : "time";
		return new OmeAxis(axis.name().toLowerCase(Locale.ROOT), type, unit);
	}

	public String name() {
		return name;
	}

	/** The type, or null if the metadata gives none. */
	public String type() {
		return type;
	}

	/** The unit, or null if the metadata gives none. */
	public String unit() {
		return unit;
	}

	/**
	 * The image axis this is: a space axis named x, y or z is X, Y or Z; the channel axis C; the time axis T (an axis
	 * without a type by its name c or t).
	 *
	 * @throws BadInputException for another axis (e.g. a space axis named otherwise, or a custom type)
	 */
	public Axis toAxis() {
		final String n = name.toLowerCase(Locale.ROOT);
		final String t = type != null ? type : n.equals("c") ? "channel" : n.equals("t") ? "time" : "space";
		switch (t) {
			case "space":
				if (n.equals("x") || n.equals("y") || n.equals("z")) return Axis.valueOf(n.toUpperCase(Locale.ROOT));
				break;
			case "channel":
				return Axis.C;
			case "time":
				return Axis.T;
			default:
		}
		throw new BadInputException("The OME-Zarr axis '" + name + "'" + (type == null ? "" : " of type '" + type +
			"'") + " is not one the models take: they take space axes x, y, z, a channel axis and a time axis; " +
			"rewrite the image with those axes.");
	}

	JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("name", name);
		if (type != null) o.addProperty("type", type);
		if (unit != null) o.addProperty("unit", unit);
		return o;
	}

	@Override
	public String toString() {
		return name + (type == null ? "" : "(" + type + (unit == null ? "" : ", " + unit) + ")");
	}
}
