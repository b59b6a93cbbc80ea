package sc.fiji.autoencoders.io;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.predict.Montage;

/**
 * Writing result images: a 32-bit TIFF stack, or an 8-bit PNG grid when the file name ends in .png, with the columns
 * and enlargement asked for. The folder is created if missing.
 */
public final class ImageOutputs {

	private ImageOutputs() {}

	/**
	 * Writes {@code images} to {@code out}: a PNG grid {@code columns} wide, each image enlarged {@code scale} times
	 * (nearest neighbour), if the name ends in .png; else a TIFF stack as they are.
	 */
	public static void write(final ImagePlus images, final File out, final int columns, final int scale) {
		folderOf(out);
		if (out.getName().toLowerCase().endsWith(".png")) {
			final Plane m = Montage.enlarge(Montage.grid(ImageFiles.planes(images), columns), scale);
			final ImagePlus imp = ImageFiles.toImagePlus(images.getTitle(), List.of(m), 1, 1, 1);
			imp.setProcessor(imp.getProcessor().convertToByte(true));
			ImageFiles.writePng(imp, out);
		}
		else ImageFiles.writeTiff(images, out);
	}

	/** As {@link #write(ImagePlus, File, int, int)}, for planes not yet in an image. */
	public static void writeGrid(final List<Plane> planes, final File out, final int columns, final int scale,
		final String title)
	{
		write(ImageFiles.toImagePlus(title, planes, 1, planes.size(), 1), out, columns, scale);
	}

	/** Creates the folder {@code out} goes into, if missing. */
	public static void folderOf(final File out) {
		final File dir = out.getAbsoluteFile().getParentFile();
		if (dir != null && !dir.exists()) ImageFiles.outputFolder(dir);
	}
}
