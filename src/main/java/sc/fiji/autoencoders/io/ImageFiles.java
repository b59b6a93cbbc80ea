package sc.fiji.autoencoders.io;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.plugin.FileInfoVirtualStack;
import ij.plugin.PNG_Writer;
import ij.process.FloatProcessor;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.image.Volume;

/**
 * Reads and writes images with ImageJ 1.x's own I/O, without showing windows or dialogs, so that it works in Fiji, in
 * scripts and with {@code -Djava.awt.headless=true}. Problems with the user's files are reported as
 * {@link BadInputException}s rather than ImageJ error dialogs: files are checked before ImageJ sees them, and the
 * ImageJ code paths used are those that report failures by return value or exception.
 */
public final class ImageFiles {

	/** File name extensions (lower case) taken from folders. */
	public static final List<String> IMAGE_EXTENSIONS = List.of("tif", "tiff", "png", "jpg", "jpeg");

	private static final String SUPPORTED = "not a TIFF, PNG or JPEG image (or the file is damaged)";
	private static final String CONVERT_HINT = "Open it in Fiji and save it with File > Save As > Tiff..., or give a " +
		".tif, .png or .jpg file.";

	/** IDX magic for unsigned bytes in 3 dimensions (images x rows x columns), as in MNIST. */
	static final int IDX3_UBYTE_MAGIC = 0x00000803;

	private ImageFiles() {}

	// ------------------------------------------------------------------ reading

	/**
	 * Opens a TIFF (including stacks and hyperstacks), PNG or JPEG file. The format is recognized by content, not name.
	 * Grayscale RGB/paletted PNGs and JPEGs come back as 8-bit images, as ImageJ does for JPEGs.
	 *
	 * @throws BadInputException if the file is missing, a folder, or not a readable TIFF/PNG/JPEG
	 */
	public static ImagePlus open(final File f) {
		if (f == null) throw new BadInputException("No image file was given. Give the path of a TIFF, PNG or JPEG file.");
		if (!f.exists()) {
			throw new BadInputException("Image file " + f.getAbsolutePath() + " does not exist. Check the path.");
		}
		if (f.isDirectory()) {
			throw new BadInputException(f.getAbsolutePath() + " is a folder, not an image file. Give an image file, " +
				"or use an option that accepts folders.");
		}
		final Format format = sniff(f);
		final ImagePlus imp;
		switch (format) {
			case TIFF:
				imp = openTiff(f);
				break;
			case PNG:
			case JPEG:
				imp = openWithImageIO(f);
				break;
			default:
				throw unreadable(f, null);
		}
		if (imp == null || imp.getWidth() == 0 || imp.getHeight() == 0) throw unreadable(f, null);
		return imp;
	}

	private enum Format {
		TIFF, PNG, JPEG, UNKNOWN
	}

	private static Format sniff(final File f) {
		final byte[] head = new byte[8];
		int n;
		try (InputStream in = new FileInputStream(f)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read image file " + f.getAbsolutePath() + ": " + e.getMessage() +
				". Check that the file is readable.", e);
		}
		if (n >= 4) {
			final int b0 = head[0] & 0xff, b1 = head[1] & 0xff, b2 = head[2] & 0xff, b3 = head[3] & 0xff;
			// classic TIFF only: ImageJ 1.x cannot read BigTIFF (magic 43)
			if (b0 == 'I' && b1 == 'I' && b2 == 42 && b3 == 0) return Format.TIFF;
			if (b0 == 'M' && b1 == 'M' && b2 == 0 && b3 == 42) return Format.TIFF;
			if (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') return Format.PNG;
		}
		if (n >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return Format.JPEG;
		}
		return Format.UNKNOWN;
	}

	private static ImagePlus openTiff(final File f) {
		final String dir = f.getAbsoluteFile().getParent() + File.separator;
		final String name = f.getName();
		// Decode the header first: Opener.openTiff reports header errors with IJ.error (a dialog in Fiji)
		FileInfo[] info;
		try {
			info = new TiffDecoder(dir, name).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw unreadable(f, e);
		}
		if (info == null || info.length == 0) throw unreadable(f, null);
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		try {
			return opener.openTiff(dir, name);
		}
		catch (final RuntimeException e) {
			throw unreadable(f, e);
		}
	}

	/** What ImageJ's Opener does for PNG, and for JPEG too, with failures as exceptions instead of dialogs. */
	private static ImagePlus openWithImageIO(final File f) {
		BufferedImage img;
		try {
			img = ImageIO.read(f);
		}
		catch (final IOException | RuntimeException e) {
			throw unreadable(f, e);
		}
		if (img == null) throw unreadable(f, null);
		if (img.getColorModel().hasAlpha()) {
			// as ImageJ's Opener: flatten transparency onto white
			final BufferedImage bi = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
			final Graphics g = bi.getGraphics();
			g.setColor(Color.white);
			g.fillRect(0, 0, img.getWidth(), img.getHeight());
			g.drawImage(img, 0, 0, null);
			g.dispose();
			img = bi;
		}
		final ImagePlus imp = new ImagePlus(f.getName(), img);
		if (imp.getType() == ImagePlus.COLOR_256) {
			// palette indices are not intensities; go through RGB so that gray palettes become real gray values
			new ImageConverter(imp).convertToRGB();
		}
		if (imp.getType() == ImagePlus.COLOR_RGB) Opener.convertGrayJpegTo8Bits(imp);
		final FileInfo fi = new FileInfo();
		fi.fileFormat = FileInfo.IMAGEIO;
		fi.fileName = f.getName();
		fi.directory = f.getAbsoluteFile().getParent() + File.separator;
		imp.setFileInfo(fi);
		return imp;
	}

	private static BadInputException unreadable(final File f, final Exception cause) {
		final String detail = cause == null || cause.getMessage() == null ? "" : " [" + cause.getMessage() + "]";
		return new BadInputException("Cannot read image file " + f.getAbsolutePath() + ": " + SUPPORTED + detail + ". " +
			CONVERT_HINT, cause);
	}

	/**
	 * The images behind the paths, opened one at a time as the result is iterated (a folder of any size needs the
	 * memory of one image): files, folders expanded as by {@link #expand}, and MNIST-style IDX files (name containing
	 * "idx3", plain or gzipped) as one stack. A folder with no images of its own whose subfolders hold images gives
	 * the images of every subfolder, each with its slice labels set to the subfolder's name: its class
	 * ({@link Labels}).
	 *
	 * @throws BadInputException if a path does not exist or no image files result (at once), or a file cannot be read
	 */
	public static List<ImagePlus> openAll(final List<File> paths) {
		final List<File> files = new ArrayList<>();
		// a folder without images of its own whose subfolders hold them: each subfolder is a class
		final java.util.Map<File, String> classes = new java.util.HashMap<>();
		if (paths != null) for (final File p : paths)
			if (isIdx(p)) files.add(p);
			else if (isClassFolder(p)) {
				final File[] subfolders = p.listFiles(File::isDirectory);
				Arrays.sort(subfolders, Comparator.comparing(File::getName));
				for (final File sub : subfolders) {
					final File[] images = sub.listFiles(ImageFiles::isImageFile);
					if (images == null || images.length == 0) continue;
					for (final File f : expand(List.of(sub))) {
						files.add(f);
						classes.put(f, sub.getName());
					}
				}
			}
			else files.addAll(expand(List.of(p)));
		if (files.isEmpty()) expand(files);
		return new java.util.AbstractList<ImagePlus>() {

			@Override
			public ImagePlus get(final int i) {
				final File f = files.get(i);
				if (classes.containsKey(f)) {
					final ImagePlus imp = open(f);
					for (int s = 1; s <= imp.getStackSize(); s++)
						imp.getStack().setSliceLabel(classes.get(f), s);
					return imp;
				}
				if (!isIdx(f)) return open(f);
				final List<Plane> planes = readIdx(f);
				return toImagePlus(f.getName(), planes, 1, planes.size(), 1);
			}

			@Override
			public int size() {
				return files.size();
			}
		};
	}

	/**
	 * Opens a TIFF stack as a virtual stack: only its header is read now, and each plane is read from the file when
	 * asked for ({@code getStack().getProcessor(i)}), so a stack of any size needs the memory of one plane. Works for
	 * ImageJ stacks of any size (also beyond 4 GB, whose planes ImageJ locates from the description) and for TIFFs with
	 * one directory per plane. Dimensions (channels, slices, frames) and calibration are those ImageJ reads.
	 *
	 * @throws BadInputException if the file is missing or not a TIFF ImageJ can read
	 */
	public static ImagePlus openVirtual(final File f) {
		if (f == null || !f.isFile()) throw new BadInputException("Image file " + (f == null ? null : f
			.getAbsolutePath()) + " does not exist. Check the path.");
		if (sniff(f) != Format.TIFF) throw unreadable(f, null);
		final FileInfo[] info = tiffInfo(f);
		final FileInfo first = info[0];
		final FileInfo[] planes;
		if (info.length == 1 && first.nImages > 1) {
			// an ImageJ stack: planes follow each other (long offsets: stacks beyond 4 GB)
			final long bytes = planeBytes(first);
			final long available = f.length() - first.getOffset();
			final long n = Math.min(first.nImages, Math.max(1, available / Math.max(1, bytes + first.getGap())));
			planes = new FileInfo[(int) n];
			for (int i = 0; i < n; i++) {
				planes[i] = (FileInfo) first.clone();
				planes[i].nImages = 1;
				planes[i].longOffset = first.getOffset() + i * (bytes + first.getGap());
			}
		}
		else {
			planes = info;
			for (final FileInfo fi : planes) {
				if (fi.width != first.width || fi.height != first.height || fi.getBytesPerPixel() != first
					.getBytesPerPixel())
				{
					throw new BadInputException("The planes of " + f.getAbsolutePath() + " differ in size or type (" +
						first.width + "x" + first.height + " vs " + fi.width + "x" + fi.height + "): save the planes as " +
						"separate files, or open the file in Fiji and save a stack of one size.");
				}
			}
		}
		final ImagePlus one;
		try {
			final FileInfo fi = (FileInfo) planes[0].clone();
			one = new FileOpener(fi).openImage();
		}
		catch (final RuntimeException e) {
			throw unreadable(f, e);
		}
		if (one == null) throw unreadable(f, null);
		final FileInfoVirtualStack stack = new FileInfoVirtualStack(planes);
		stack.setBitDepth(one.getBitDepth());
		final ImagePlus imp = new ImagePlus(f.getName(), stack);
		imp.setCalibration(one.getCalibration());
		imp.setDisplayRange(one.getDisplayRangeMin(), one.getDisplayRangeMax());
		imp.setFileInfo(first);
		final int[] czt = dimensions(first.description, planes.length);
		imp.setDimensions(czt[0], czt[1], czt[2]);
		if (czt[0] > 1 || (czt[1] > 1 && czt[2] > 1)) imp.setOpenAsHyperStack(true);
		return imp;
	}

	/**
	 * The number of pixel bytes the TIFF's image or stack holds (width x height x bytes per pixel x planes), from its
	 * header only; 0 if it is not a TIFF.
	 */
	public static long tiffBytes(final File f) {
		if (f == null || !f.isFile() || sniff(f) != Format.TIFF) return 0;
		final FileInfo[] info = tiffInfo(f);
		if (info.length == 1) return planeBytes(info[0]) * Math.max(1, info[0].nImages);
		long sum = 0;
		for (final FileInfo fi : info)
			sum += planeBytes(fi);
		return sum;
	}

	private static long planeBytes(final FileInfo fi) {
		return (long) fi.width * fi.height * fi.getBytesPerPixel();
	}

	private static FileInfo[] tiffInfo(final File f) {
		final String dir = f.getAbsoluteFile().getParent() + File.separator;
		FileInfo[] info;
		try {
			info = new TiffDecoder(dir, f.getName()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw unreadable(f, e);
		}
		if (info == null || info.length == 0) throw unreadable(f, null);
		return info;
	}

	/** Channels, slices and frames from an ImageJ description, if they fill {@code planes}; else a Z stack. */
	static int[] dimensions(final String description, final int planes) {
		final int[] czt = { 1, planes, 1 };
		if (description == null || !description.startsWith("ImageJ")) return czt;
		final java.util.Properties props = new java.util.Properties();
		try {
			props.load(new java.io.StringReader(description.replace('\0', '\n')));
		}
		catch (final IOException e) {
			return czt;
		}
		final int c = intProperty(props, "channels"), z = intProperty(props, "slices"), t = intProperty(props,
			"frames");
		if ((long) c * z * t == planes) return new int[] { c, z, t };
		return czt;
	}

	private static int intProperty(final java.util.Properties props, final String key) {
		try {
			return Math.max(1, (int) Double.parseDouble(props.getProperty(key, "1").trim()));
		}
		catch (final NumberFormatException e) {
			return 1;
		}
	}

	/**
	 * The image files of a folder ({@link #expand}: sorted by name) as one Z stack, read one plane at a time when asked
	 * for: a virtual stack of any length. Every file must hold one plane of the first file's size and type; the first
	 * file's calibration is the stack's.
	 *
	 * @throws BadInputException if the folder holds no image files or the first cannot be read; later files that
	 *           differ are reported when they are read
	 */
	public static ImagePlus openFolderAsStack(final File folder) {
		if (folder == null || !folder.isDirectory()) {
			throw new BadInputException((folder == null ? "No folder" : folder.getAbsolutePath() + " is not a folder") +
				": give a folder of image files, one per plane.");
		}
		final List<File> files = expand(List.of(folder));
		final ImagePlus first = open(files.get(0));
		checkNotRgb(first);
		final FolderStack stack = new FolderStack(files, first);
		final ImagePlus imp = new ImagePlus(folder.getName(), stack);
		imp.setCalibration(first.getCalibration());
		imp.setDimensions(1, files.size(), 1);
		return imp;
	}

	/** A folder's files as the planes of a virtual stack, each read when asked for. */
	private static final class FolderStack extends VirtualStack {

		private final List<File> files;
		private final int bitDepth;

		FolderStack(final List<File> files, final ImagePlus first) {
			super(first.getWidth(), first.getHeight(), null, files.get(0).getAbsoluteFile().getParent() +
				File.separator);
			this.files = files;
			this.bitDepth = first.getBitDepth();
			setBitDepth(bitDepth);
			for (final File f : files)
				super.addSlice(f.getName());
		}

		@Override
		public ImageProcessor getProcessor(final int n) {
			if (n < 1 || n > files.size()) throw new IllegalArgumentException("Plane " + n + " of " + files.size());
			final File f = files.get(n - 1);
			final ImagePlus imp = open(f);
			if (imp.getStackSize() != 1 || imp.getWidth() != getWidth() || imp.getHeight() != getHeight() || imp
				.getBitDepth() != bitDepth)
			{
				throw new BadInputException("Plane " + n + " of the stack in " + f.getParent() + ", " + f.getName() +
					", is " + imp.getWidth() + "x" + imp.getHeight() + "x" + imp.getStackSize() + " at " + imp
						.getBitDepth() + " bits, not one " + getWidth() + "x" + getHeight() + " plane at " + bitDepth +
					" bits like the first file: a folder given as a stack needs planes of one size and type.");
			}
			return imp.getProcessor();
		}

		@Override
		public int getSize() {
			return files.size();
		}

		@Override
		public String getSliceLabel(final int n) {
			return files.get(n - 1).getName();
		}
	}

	/** A folder with no image files of its own but subfolders that have some (one class per subfolder). */
	private static boolean isClassFolder(final File p) {
		if (!p.isDirectory()) return false;
		final File[] own = p.listFiles(ImageFiles::isImageFile), subfolders = p.listFiles(File::isDirectory);
		if (own == null || own.length > 0 || subfolders == null) return false;
		for (final File sub : subfolders) {
			final File[] images = sub.listFiles(ImageFiles::isImageFile);
			if (images != null && images.length > 0) return true;
		}
		return false;
	}

	/** MNIST-style IDX image files, recognised by name (e.g. train-images-idx3-ubyte.gz). */
	static boolean isIdx(final File f) {
		return f.isFile() && f.getName().toLowerCase(Locale.ROOT).contains("idx3");
	}

	/**
	 * Files as given, and folders replaced by their image files ({@link #IMAGE_EXTENSIONS}, any case; hidden files
	 * skipped; sorted by name; not recursive).
	 *
	 * @throws BadInputException if a path does not exist or no image files result
	 */
	public static List<File> expand(final List<File> paths) {
		final List<File> out = new ArrayList<>();
		if (paths != null) {
			for (final File p : paths) {
				if (!p.exists()) {
					throw new BadInputException("Input " + p.getAbsolutePath() + " does not exist. Check the path; give " +
						"image files or folders containing them.");
				}
				if (p.isDirectory()) {
					final File[] files = p.listFiles(ImageFiles::isImageFile);
					if (files == null) {
						throw new BadInputException("Cannot list folder " + p.getAbsolutePath() + ". Check that it is " +
							"readable.");
					}
					Arrays.sort(files, Comparator.comparing(File::getName));
					out.addAll(Arrays.asList(files));
				}
				else out.add(p);
			}
		}
		if (out.isEmpty()) {
			throw new BadInputException("No image files found in " + paths + ". Give .tif, .tiff, .png, .jpg or .jpeg " +
				"files, or folders that contain them.");
		}
		return out;
	}

	private static boolean isImageFile(final File f) {
		final String name = f.getName();
		// hidden files include macOS "._name.tif" resource forks, which look like images but are not
		if (!f.isFile() || name.startsWith(".")) return false;
		final int dot = name.lastIndexOf('.');
		return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	// ------------------------------------------------------------------ ImagePlus <-> planes

	/**
	 * Every 2D plane of the image as floats, in stack order (for hyperstacks: channel fastest, then slice, then frame).
	 * Values are the raw pixel values (0-255, 0-65535 or float); calibration functions are not applied.
	 *
	 * @throws BadInputException if the image is RGB
	 */
	public static List<Plane> planes(final ImagePlus imp) {
		checkNotRgb(imp);
		final ImageStack stack = imp.getStack();
		final List<Plane> out = new ArrayList<>(stack.getSize());
		for (int i = 1; i <= stack.getSize(); i++) out.add(toPlane(stack.getProcessor(i)));
		return out;
	}

	/**
	 * The planes of one channel (1-based) in slice-then-frame order.
	 *
	 * @throws BadInputException if the image is RGB or has no such channel
	 */
	public static List<Plane> planesOfChannel(final ImagePlus imp, final int channel) {
		checkNotRgb(imp);
		final int channels = imp.getNChannels();
		if (channel < 1 || channel > channels) {
			throw new BadInputException("Image '" + imp.getTitle() + "' has " + channels + " channel" + (channels == 1
				? "" : "s") + ", so channel " + channel + " does not exist. Choose a channel from 1 to " + channels + ".");
		}
		final ImageStack stack = imp.getStack();
		final List<Plane> out = new ArrayList<>();
		for (int t = 1; t <= imp.getNFrames(); t++) {
			for (int z = 1; z <= imp.getNSlices(); z++) {
				out.add(toPlane(stack.getProcessor(imp.getStackIndex(channel, z, t))));
			}
		}
		return out;
	}

	/**
	 * The Z stacks of the image for a 3D network: one volume per channel and time point (channel {@code channel}'s only,
	 * 1-based, or every channel's for 0), channel fastest, then frame. The planes are copies as floats.
	 *
	 * @throws BadInputException if the image is RGB or has no such channel
	 */
	public static List<Volume> volumes(final ImagePlus imp, final int channel) {
		checkNotRgb(imp);
		final List<Volume> out = new ArrayList<>();
		final int slices = imp.getNSlices();
		if (channel != 0) return Volume.of(planesOfChannel(imp, channel), slices);
		final List<List<Volume>> perChannel = new ArrayList<>();
		for (int c = 1; c <= imp.getNChannels(); c++)
			perChannel.add(Volume.of(planesOfChannel(imp, c), slices));
		for (int t = 0; t < imp.getNFrames(); t++)
			for (final List<Volume> c : perChannel)
				out.add(c.get(t));
		return out;
	}

	/**
	 * The voxel depth divided by the pixel width, from the calibration: how much coarser Z is than X. 1 when the image
	 * is not spatially calibrated or Z and X have different units (nothing is known).
	 */
	public static double zAnisotropy(final ImagePlus imp) {
		final ij.measure.Calibration cal = imp.getCalibration();
		if (cal == null || !(cal.pixelWidth > 0) || !(cal.pixelDepth > 0)) return 1;
		final String x = cal.getXUnit(), z = cal.getZUnit();
		if (x == null || z == null || !x.equals(z) || x.equals("pixel") || x.isEmpty()) return 1;
		final double a = cal.pixelDepth / cal.pixelWidth;
		return Double.isFinite(a) && a > 0 ? a : 1;
	}

	public static void checkNotRgb(final ImagePlus imp) {
		if (imp == null) throw new BadInputException("No image given: open an image first.");
		if (imp.getStackSize() == 0 || imp.getStack().getSize() == 0) throw new BadInputException((imp.getTitle() ==
			null || imp.getTitle().isEmpty() || imp.getTitle().equals("null") ? "The image" : "Image '" + imp.getTitle() + "'") +
			" holds no pixels (an empty image or stack): open or create an image with content first.");
		if (imp.getBitDepth() == 24) {
			throw new BadInputException("Image '" + imp.getTitle() + "' is RGB; convert it to 8-bit grayscale or split " +
				"channels (Image > Type / Image > Color > Split Channels) first.");
		}
	}

	private static Plane toPlane(final ImageProcessor ip) {
		final int n = ip.getWidth() * ip.getHeight();
		final float[] out = new float[n];
		final Object pixels = ip.getPixels();
		if (pixels instanceof float[]) System.arraycopy(pixels, 0, out, 0, n);
		else for (int i = 0; i < n; i++) out[i] = ip.getf(i); // unsigned values for 8 and 16 bit
		return new Plane(ip.getWidth(), ip.getHeight(), out);
	}

	/**
	 * A 32-bit image or hyperstack from planes in stack order (channel fastest, then slice, then frame). The image shares
	 * the planes' pixel arrays. Its display range spans all finite values.
	 *
	 * @throws IllegalArgumentException if the number of planes is not {@code channels * slices * frames} or sizes differ
	 */
	public static ImagePlus toImagePlus(final String title, final List<Plane> planes, final int channels,
		final int slices, final int frames)
	{
		if (channels < 1 || slices < 1 || frames < 1 || planes.size() != (long) channels * slices * frames) {
			throw new IllegalArgumentException(planes.size() + " planes do not fill " + channels + " channels x " +
				slices + " slices x " + frames + " frames");
		}
		final int w = planes.get(0).width();
		final int h = planes.get(0).height();
		final ImageStack stack = new ImageStack(w, h);
		float min = Float.POSITIVE_INFINITY;
		float max = Float.NEGATIVE_INFINITY;
		for (final Plane p : planes) {
			if (p.width() != w || p.height() != h) {
				throw new IllegalArgumentException("Planes differ in size: " + w + "x" + h + " vs " + p.width() + "x" + p
					.height());
			}
			for (final float v : p.pixels()) {
				if (Float.isFinite(v)) {
					if (v < min) min = v;
					if (v > max) max = v;
				}
			}
			stack.addSlice(new FloatProcessor(w, h, p.pixels()));
		}
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(channels, slices, frames);
		if (channels > 1 || (slices > 1 && frames > 1)) imp.setOpenAsHyperStack(true);
		if (min <= max) imp.setDisplayRange(min, max);
		return imp;
	}

	/** Copies pixel size, units, origin and frame interval from one image to another (no-op if {@code from} is null). */
	public static void copyCalibration(final ImagePlus from, final ImagePlus to) {
		if (from == null || to == null) return;
		to.setCalibration(from.getCalibration().copy());
	}

	// ------------------------------------------------------------------ writing

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

	// ------------------------------------------------------------------ IDX (MNIST)

	/**
	 * Reads an IDX3 unsigned-byte file (e.g. MNIST's {@code train-images-idx3-ubyte}, optionally gzip-compressed) into
	 * one plane per image, values 0-255.
	 *
	 * @throws BadInputException if the file is missing, not IDX3 unsigned bytes, or truncated
	 */
	public static List<Plane> readIdx(final File f) {
		if (f == null || !f.isFile()) {
			throw new BadInputException("IDX file " + (f == null ? null : f.getAbsolutePath()) + " does not exist. " +
				"Check the path.");
		}
		try (InputStream raw = new BufferedInputStream(new FileInputStream(f))) {
			raw.mark(2);
			final int b0 = raw.read();
			final int b1 = raw.read();
			raw.reset();
			final InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
			final DataInputStream data = new DataInputStream(in);
			final int magic = data.readInt();
			if (magic != IDX3_UBYTE_MAGIC) {
				throw new BadInputException("File " + f.getAbsolutePath() + " is not an IDX3 unsigned-byte image file " +
					"(magic number " + String.format("0x%08x", magic) + ", expected 0x00000803). Give an images file such " +
					"as MNIST's train-images-idx3-ubyte(.gz), not a labels file.");
			}
			final int count = data.readInt();
			final int rows = data.readInt();
			final int cols = data.readInt();
			if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
				throw new BadInputException("IDX file " + f.getAbsolutePath() + " has invalid dimensions " + count + "x" +
					rows + "x" + cols + ". The file is damaged; download it again.");
			}
			final List<Plane> planes = new ArrayList<>(count);
			final byte[] buf = new byte[rows * cols];
			for (int i = 0; i < count; i++) {
				data.readFully(buf);
				final float[] px = new float[buf.length];
				for (int j = 0; j < buf.length; j++) px[j] = buf[j] & 0xff;
				planes.add(new Plane(cols, rows, px));
			}
			return planes;
		}
		catch (final EOFException e) {
			throw new BadInputException("IDX file " + f.getAbsolutePath() + " ends early; it is truncated or damaged. " +
				"Download it again.", e);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read IDX file " + f.getAbsolutePath() + " (" + e.getMessage() + "). " +
				"Check that it is readable and not damaged.", e);
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

	/** The file's name without its last extension ({@code a.b.tif} -> {@code a.b}). */
	public static String baseName(final File f) {
		final String n = f.getName();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
