package sc.fiji.autoencoders.io;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.VirtualStack;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.plugin.FileInfoVirtualStack;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.zarr.OmeZarrImage;
import sc.fiji.autoencoders.image.Plane;

/**
 * Opens images (files, folders, IDX files, TIFF stacks read plane by plane) with ImageJ 1.x's own I/O, without showing
 * windows or dialogs, so that it works in Fiji, in scripts and with {@code -Djava.awt.headless=true}. Problems with the
 * user's files are reported as {@link BadInputException}s rather than ImageJ error dialogs: files are checked before
 * ImageJ sees them, and the ImageJ code paths used are those that report failures by return value or exception.
 * Writing is {@link ImageOutputs}'s, conversions to planes {@link ImagePlanes}'s.
 */
public final class ImageFiles {

	/** File name extensions (lower case) taken from folders. */
	public static final List<String> IMAGE_EXTENSIONS = List.of("tif", "tiff", "png", "jpg", "jpeg");

	private static final String SUPPORTED = "not a TIFF, PNG or JPEG image (or the file is damaged)";
	private static final String CONVERT_HINT = "Open it in Fiji and save it with File > Save As > Tiff..., or give a " +
		".tif, .png or .jpg file.";

	private ImageFiles() {}

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
	 * "idx3", plain or gzipped) as one stack, OME-Zarr images (folders) as virtual stacks read chunk by chunk
	 * ({@link ZarrStack}), and TIFF files larger than a quarter of the heap as virtual stacks read plane by plane. A
	 * folder with no images of its own whose subfolders hold images gives the images of every subfolder, each with its
	 * slice labels set to the subfolder's name: its class ({@link Labels}).
	 *
	 * @throws BadInputException if a path does not exist or no image files result (at once), or a file cannot be read
	 */
	public static List<ImagePlus> openAll(final List<File> paths) {
		final List<File> files = new ArrayList<>();
		// a folder without images of its own whose subfolders hold them: each subfolder is a class
		final java.util.Map<File, String> classes = new java.util.HashMap<>();
		if (paths != null) for (final File p : paths)
			if (IdxFiles.isIdx(p) || isZarr(p)) files.add(p);
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
				if (isZarr(f)) return ZarrStack.open(f);
				if (isLargeTiff(f)) return openVirtual(f);
				if (!IdxFiles.isIdx(f)) return open(f);
				final List<Plane> planes = IdxFiles.readIdx(f);
				return ImagePlanes.toImagePlus(f.getName(), planes, 1, planes.size(), 1);
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
		ImagePlanes.checkNotRgb(first);
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

	/**
	 * Whether {@code p} is a Zarr folder (with {@code .zattrs} or {@code .zgroup}, or v3's {@code zarr.json}): an
	 * OME-Zarr image, opened as a {@link ZarrStack} that reads its chunks when they are used.
	 */
	static boolean isZarr(final File p) {
		return OmeZarrImage.isZarrFolder(p.toPath());
	}

	/**
	 * Whether {@code f} is a TIFF file of more than a quarter of the heap: as 32-bit floats (what most operations make
	 * of it) it would not fit, so it is opened virtually ({@link #openVirtual}) and read plane by plane.
	 */
	private static boolean isLargeTiff(final File f) {
		return f.isFile() && f.length() > Runtime.getRuntime().maxMemory() / 4 && sniff(f) == Format.TIFF;
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

	/** The file's name without its last extension ({@code a.b.tif} -> {@code a.b}). */
	public static String baseName(final File f) {
		final String n = f.getName();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
