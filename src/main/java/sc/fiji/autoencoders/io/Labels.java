package sc.fiji.autoencoders.io;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import sc.fiji.autoencoders.base.BadInputException;

/**
 * Class labels of images, one per plane: from a stack's slice labels (a folder of class subfolders opens with each
 * image's slice labels set to its subfolder's name, see {@link ImageFiles#openAll}), or from a labels CSV file.
 */
public final class Labels {

	/** The settings' id for: slice labels if every slice has one, else none. */
	public static final String AUTO = "auto";
	/** The settings' id for: every slice's label (a missing one is an error). */
	public static final String SLICES = "slices";
	/** The settings' id for: no labels. */
	public static final String NONE = "none";

	private Labels() {}

	/**
	 * The labels of the planes of {@code images} in order: from {@code csv} if given, else by {@code mode}
	 * ({@link #AUTO}, {@link #SLICES} or {@link #NONE}); null for none.
	 *
	 * @throws BadInputException naming a missing or extra label
	 */
	public static List<String> of(final List<ImagePlus> images, final String mode, final File csv) {
		int planes = 0;
		for (final ImagePlus imp : images)
			planes += imp.getStackSize();
		if (csv != null) return fromCsv(csv, planes);
		if (NONE.equals(mode)) return null;
		if (!AUTO.equals(mode) && !SLICES.equals(mode)) throw new BadInputException("Unknown labels '" + mode +
			"': use 'auto', 'slices' or 'none', or give a labels file.");
		final List<String> out = new ArrayList<>();
		for (final ImagePlus imp : images) {
			if (AUTO.equals(mode) && !allLabelled(imp)) return null;
			out.addAll(ofSlices(imp));
		}
		return out;
	}

	/**
	 * The first line of each slice label of the stack, in plane order.
	 *
	 * @throws BadInputException naming the first slice without a label
	 */
	public static List<String> ofSlices(final ImagePlus imp) {
		final ImageStack stack = imp.getStack();
		final List<String> out = new ArrayList<>();
		for (int i = 1; i <= stack.getSize(); i++) {
			final String first = label(stack, i);
			if (first.isEmpty()) throw new BadInputException("Slice " + i + " of '" + imp.getTitle() + "' has no label, " +
				"so it has no class: give every slice a label (Image > Stacks > Tools > Set Label...), give a labels " +
				"file, or choose labels 'none'.");
			out.add(first);
		}
		return out;
	}

	/**
	 * Labels from a CSV file whose header names a {@code label} column and, optionally, an {@code image} column with
	 * the 1-based image number of each row (without it the rows are the images in order).
	 *
	 * @param count the number of images, all of which need exactly one label
	 * @throws BadInputException naming a missing, extra, repeated or empty label, or a file that is not such a table
	 */
	public static List<String> fromCsv(final File csv, final int count) {
		if (!csv.isFile()) throw new BadInputException("Labels file " + csv.getAbsolutePath() + " does not exist: " +
			"check the path.");
		final List<String[]> rows = new ArrayList<>();
		final List<Integer> lines = new ArrayList<>();
		final String[] header;
		try (BufferedReader r = Files.newBufferedReader(csv.toPath(), StandardCharsets.UTF_8)) {
			final String first = r.readLine();
			header = first == null ? new String[0] : split(first);
			String line;
			for (int number = 2; (line = r.readLine()) != null; number++)
				if (!line.trim().isEmpty()) {
					rows.add(split(line));
					lines.add(number);
				}
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot read labels file " + csv + " (" + e.getMessage() + ").", e);
		}
		final int labelColumn = column(header, "label"), imageColumn = column(header, "image");
		if (labelColumn < 0) throw new BadInputException("Labels file " + csv.getName() + " has no 'label' column: " +
			"its first line must name the columns, e.g. 'image,label' or just 'label' (one row per image, in order).");
		final String[] labels = new String[count];
		for (int row = 0; row < rows.size(); row++) {
			final String[] f = rows.get(row);
			final int line = lines.get(row);
			final int image;
			if (imageColumn >= 0) {
				try {
					image = Integer.parseInt(f.length > imageColumn ? f[imageColumn] : "");
				}
				catch (final NumberFormatException e) {
					throw new BadInputException("Labels file " + csv.getName() + ", line " + line + ": the image number '" +
						(f.length > imageColumn ? f[imageColumn] : "") + "' is not a whole number.");
				}
				if (image < 1 || image > count) throw new BadInputException("Labels file " + csv.getName() + ", line " +
					line + ": extra label for image " + image + ", but the images are numbered 1 to " + count +
					": remove that row or give the missing images.");
			}
			else {
				image = row + 1;
				if (image > count) throw new BadInputException("Labels file " + csv.getName() + " has " + rows.size() +
					" labels but there are only " + count + " images: remove the extra rows (from line " + line +
					"), or give the images they label.");
			}
			final String label = f.length > labelColumn ? f[labelColumn] : "";
			if (label.isEmpty()) throw new BadInputException("Labels file " + csv.getName() + ", line " + line +
				": the label of image " + image + " is empty.");
			if (labels[image - 1] != null) throw new BadInputException("Labels file " + csv.getName() + ", line " + line +
				": image " + image + " is labelled twice.");
			labels[image - 1] = label;
		}
		final List<Integer> missing = new ArrayList<>();
		for (int i = 0; i < count; i++)
			if (labels[i] == null) missing.add(i + 1);
		if (!missing.isEmpty()) throw new BadInputException("Labels file " + csv.getName() + " has no label for " +
			(missing.size() == 1 ? "image " : missing.size() + " images: ") + (missing.size() > 5 ? missing.subList(0, 5) +
				"..." : missing.size() == 1 ? missing.get(0) : missing) + " (there are " + count +
			" images): give one label per image.");
		return Arrays.asList(labels);
	}

	/** The first line of the label of slice {@code n} (1-based) of the stack, empty if it has none. */
	public static String ofSlice(final ImagePlus imp, final int n) {
		return label(imp.getStack(), n);
	}

	// -- Helper methods --

	private static boolean allLabelled(final ImagePlus imp) {
		for (int i = 1; i <= imp.getStackSize(); i++)
			if (label(imp.getStack(), i).isEmpty()) return false;
		return true;
	}

	private static String label(final ImageStack stack, final int i) {
		final String l = stack.getSliceLabel(i);
		return l == null ? "" : l.split("\n", 2)[0].trim();
	}

	private static int column(final String[] header, final String name) {
		for (int i = 0; i < header.length; i++)
			if (header[i].trim().toLowerCase(Locale.ROOT).equals(name)) return i;
		return -1;
	}

	/** A CSV line's fields, trimmed; double quotes around a field (with "" inside) are removed. */
	private static String[] split(final String line) {
		final List<String> out = new ArrayList<>();
		final StringBuilder sb = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					sb.append('"');
					i++;
				}
				else if (c == '"') quoted = false;
				else sb.append(c);
			}
			else if (c == '"') quoted = true;
			else if (c == ',') {
				out.add(sb.toString().trim());
				sb.setLength(0);
			}
			else sb.append(c);
		}
		out.add(sb.toString().trim());
		return out.toArray(new String[0]);
	}
}
