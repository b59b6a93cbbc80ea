package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.predict.Montage;

/** Writing VAE results: a 32-bit TIFF stack, or an 8-bit PNG montage when the file name ends in .png. */
final class VaeOutputs {

	private VaeOutputs() {}

	static void write(final ImagePlus images, final File out, final int columns) {
		write(images, out, columns, 1);
	}

	/** As above, a PNG enlarged {@code scale} times (nearest neighbour); a TIFF keeps the images' own size. */
	static void write(final ImagePlus images, final File out, final int columns, final int scale) {
		final File dir = out.getAbsoluteFile().getParentFile();
		if (dir != null && !dir.exists()) Checks.outputFolder(dir);
		if (out.getName().toLowerCase().endsWith(".png")) {
			final Plane m = Montage.enlarge(Montage.grid(ImageFiles.planes(images), columns), scale);
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
		write(ImageFiles.toImagePlus(title, planes, 1, planes.size(), 1), out, columns, scale);
	}
}
