package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.op.ResultImages;
import sc.fiji.autoencoders.predict.Montage;

/**
 * Writing result images: a 32-bit TIFF stack, or an 8-bit PNG grid when the file name ends in .png, with the columns
 * and enlargement the operation asked for ({@link ResultImages}).
 */
final class ImageOutputs {

	private ImageOutputs() {}

	static void write(final ImagePlus images, final File out) {
		folderOf(out);
		if (out.getName().toLowerCase().endsWith(".png")) {
			final Plane m = Montage.enlarge(Montage.grid(ImageFiles.planes(images), ResultImages.columns(images)),
				ResultImages.scale(images));
			final ImagePlus imp = ImageFiles.toImagePlus(images.getTitle(), List.of(m), 1, 1, 1);
			imp.setProcessor(imp.getProcessor().convertToByte(true));
			ImageFiles.writePng(imp, out);
		}
		else ImageFiles.writeTiff(images, out);
	}

	/** As above, for planes not yet in an image (the demo). */
	static void write(final List<Plane> planes, final File out, final int columns, final int scale,
		final String title)
	{
		write(ResultImages.grid(ImageFiles.toImagePlus(title, planes, 1, planes.size(), 1), columns, scale), out);
	}

	/** Creates the folder {@code out} goes into, if missing. */
	static void folderOf(final File out) {
		final File dir = out.getAbsoluteFile().getParentFile();
		if (dir != null && !dir.exists()) Checks.outputFolder(dir);
	}
}
