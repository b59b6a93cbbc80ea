package sc.fiji.autoencoders.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.plugin.PNG_Writer;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.predict.Montage;

/**
 * Writes images with ImageJ 1.x's own writers, atomically (a temporary file renamed, so an interrupted run never leaves
 * a truncated file), without dialogs: TIFFs in the image's own type, PNG previews, and result stacks as a TIFF or a PNG
 * grid. Problems are {@link BadInputException}s naming the fix.
 */
public final class ImageOutputs {

	private ImageOutputs() {}

	/**
	 * Writes {@code images} to {@code out}: a PNG grid {@code columns} wide, each image enlarged {@code scale} times
	 * (nearest neighbour), if the name ends in .png (a picture, such as a plot, as it is); else a TIFF stack as they are.
	 */
	public static void write(final ImagePlus images, final File out, final int columns, final int scale) {
		folderOf(out);
		final boolean png = out.getName().toLowerCase().endsWith(".png");
		if (png && images.getType() == ImagePlus.COLOR_RGB && images.getStackSize() == 1) writePng(images, out);
		else if (png) {
			final Plane m = Montage.enlarge(Montage.grid(ImagePlanes.planes(images), columns), scale);
			final ImagePlus imp = ImagePlanes.toImagePlus(images.getTitle(), List.of(m), 1, 1, 1);
			imp.setProcessor(imp.getProcessor().convertToByte(true));
			writePng(imp, out);
		}
		else writeTiff(images, out);
	}

	/** As {@link #write(ImagePlus, File, int, int)}, for planes not yet in an image. */
	public static void writeGrid(final List<Plane> planes, final File out, final int columns, final int scale,
		final String title)
	{
		write(ImagePlanes.toImagePlus(title, planes, 1, planes.size(), 1), out, columns, scale);
	}

	/** Creates the folder {@code out} goes into, if missing. */
	public static void folderOf(final File out) {
		final File dir = out.getAbsoluteFile().getParentFile();
		if (dir != null && !dir.exists()) outputFolder(dir);
	}

	/**
	 * Writes the image (single plane, stack or hyperstack, in its own pixel type) as an ImageJ TIFF. The file is first
	 * written under a temporary name in the same folder and then renamed, so that an interrupted run never leaves a
	 * truncated file under the final name.
	 *
	 * @throws BadInputException if the folder does not exist or cannot be written
	 */
	public static void writeTiff(final ImagePlus imp, final File out) {
		writeAtomically(out, tmp -> {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(tmp
				.toString());
			if (!ok) throw new IOException("ImageJ could not write the TIFF");
		});
	}

	/**
	 * Writes the current plane as PNG: 8-bit images as they are, 16-bit as 16-bit grayscale, 32-bit scaled to 8 bits
	 * with the display range. Meant for previews; use {@link #writeTiff} for data. Written atomically like writeTiff.
	 *
	 * @throws BadInputException if the folder does not exist or cannot be written
	 */
	public static void writePng(final ImagePlus imp, final File out) {
		// PNG_Writer.writeImage is what FileSaver.saveAsPng runs, but it reports failures as exceptions instead of
		// an error dialog
		writeAtomically(out, tmp -> {
			try {
				new PNG_Writer().writeImage(imp, tmp.toString(), -1);
			}
			catch (final IOException e) {
				throw e;
			}
			catch (final Exception e) {
				throw new IOException(e.getMessage(), e);
			}
		});
	}

	private interface Writer {

		void write(Path tmp) throws IOException;
	}

	private static void writeAtomically(final File out, final Writer writer) {
		final File target = out.getAbsoluteFile();
		final File dir = target.getParentFile();
		if (dir == null || !dir.isDirectory()) {
			throw new BadInputException("Output folder " + dir + " does not exist. Create it first or choose another " +
				"output location.");
		}
		if (target.isDirectory()) {
			throw new BadInputException("Output " + target + " is a folder. Give a file name for the image.");
		}
		Path tmp = null;
		try {
			try {
				tmp = AtomicFiles.createTemporary(target);
			}
			catch (final IOException | SecurityException e) {
				throw new BadInputException("Cannot write to folder " + dir + " (" + e + "). Choose an output folder " +
					"you have write permission for, or free some disk space.", e);
			}
			writer.write(tmp);
			AtomicFiles.move(tmp.toFile(), target);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write image " + target + " (" + e.getMessage() + "). Check that the " +
				"folder is writable and the disk is not full.", e);
		}
		finally {
			if (tmp != null) {
				try {
					Files.deleteIfExists(tmp);
				}
				catch (final IOException e) {
					// best effort: the temp file is hidden and harmless
				}
			}
		}
	}

	/**
	 * The folder {@code dir}, created if missing.
	 *
	 * @throws BadInputException if it is a file, cannot be created or is not writable
	 */
	public static File outputFolder(final File dir) {
		if (dir.exists() && !dir.isDirectory()) throw new BadInputException("Output " + dir +
			" is a file, not a folder: give a folder for the results.");
		if (!dir.exists() && !dir.mkdirs()) throw new BadInputException("Cannot create output folder " + dir +
			": check the path and permissions.");
		if (!dir.canWrite()) throw new BadInputException("Output folder " + dir + " is not writable.");
		return dir;
	}
}
