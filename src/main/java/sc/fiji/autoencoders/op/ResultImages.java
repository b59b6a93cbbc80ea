package sc.fiji.autoencoders.op;

import ij.ImagePlus;

/**
 * How a result stack is best laid out when a front end writes it as one picture (a PNG on the command line): the
 * operation that made it knows (a row of interpolation steps, a grid of samples), the front end does not.
 */
public final class ResultImages {

	private static final String COLUMNS = "fiji-ae.columns", SCALE = "fiji-ae.scale";

	private ResultImages() {}

	/** Marks {@code images} to be laid out {@code columns} wide, each enlarged {@code scale} times; returns them. */
	public static ImagePlus grid(final ImagePlus images, final int columns, final int scale) {
		images.setProperty(COLUMNS, columns);
		images.setProperty(SCALE, scale);
		return images;
	}

	/** The columns asked for, else 8. */
	public static int columns(final ImagePlus images) {
		final Object c = images.getProperty(COLUMNS);
		return c instanceof Integer ? (Integer) c : 8;
	}

	/** The enlargement asked for, else 1. */
	public static int scale(final ImagePlus images) {
		final Object s = images.getProperty(SCALE);
		return s instanceof Integer ? (Integer) s : 1;
	}
}
