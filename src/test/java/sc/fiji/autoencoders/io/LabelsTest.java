package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import sc.fiji.autoencoders.base.BadInputException;

/** Class labels from slice labels, class subfolders and CSV files, and the messages for missing and extra ones. */
public class LabelsTest {

	@TempDir
	File dir;

	static ImagePlus stack(final String... labels) {
		final ImageStack s = new ImageStack(4, 4);
		for (final String l : labels)
			s.addSlice(l, new FloatProcessor(4, 4));
		return new ImagePlus("cells", s);
	}

	@Test
	public void sliceLabels() {
		assertEquals(List.of("a", "b", "a"), Labels.of(List.of(stack("a", "b\nmore info", "a")), Labels.SLICES, null));
		assertNull(Labels.of(List.of(stack("a", null, "a")), Labels.AUTO, null), "auto: no labels unless all have one");
		assertNull(Labels.of(List.of(stack("a", "b", "a")), Labels.NONE, null));
		final BadInputException e = assertThrows(BadInputException.class, () -> Labels.of(List.of(stack("a", "", "a")),
			Labels.SLICES, null));
		assertTrue(e.getMessage().startsWith("Slice 2 of 'cells' has no label"), e.getMessage());
	}

	@Test
	public void classSubfolders() throws IOException {
		final File root = new File(dir, "classes");
		for (final String c : new String[] { "mitotic", "normal" }) {
			new File(root, c).mkdirs();
			for (int i = 0; i < (c.equals("normal") ? 3 : 2); i++)
				IJ.saveAsTiff(new ImagePlus(c + i, new FloatProcessor(4, 4)), new File(root, c + "/" + i + ".tif").getPath());
		}
		final List<ImagePlus> images = ImageFiles.openAll(List.of(root));
		assertEquals(5, images.size());
		assertEquals(List.of("mitotic", "mitotic", "normal", "normal", "normal"), Labels.of(images, Labels.AUTO, null));
	}

	@Test
	public void csvFiles() throws IOException {
		final File inOrder = csv("label\nx\ny\nx\n"), numbered = csv("image,label\n3,x\n1,\"y, large\"\n2,x\n");
		assertEquals(List.of("x", "y", "x"), Labels.fromCsv(inOrder, 3));
		assertEquals(List.of("y, large", "x", "x"), Labels.fromCsv(numbered, 3));
		assertEquals(List.of("x", "y", "x"), Labels.of(List.of(stack("a", "b", "c")), Labels.NONE, inOrder),
			"a file wins over the slice labels");
		bad(inOrder, 4, "Labels file labels.csv has no label for image 4 (there are 4 images): give one label per image.");
		bad(inOrder, 2, "Labels file labels.csv has 3 labels but there are only 2 images: remove the extra rows (from " +
			"line 4), or give the images they label.");
		bad(csv("image,label\n1,x\n2,y\n7,x\n"), 3, "Labels file labels.csv, line 4: extra label for image 7, but the " +
			"images are numbered 1 to 3");
		bad(csv("image,label\n1,x\n1,y\n2,x\n"), 2, "Labels file labels.csv, line 3: image 1 is labelled twice.");
		bad(csv("image,label\n1,x\n"), 3, "Labels file labels.csv has no label for 2 images: [2, 3]");
		bad(csv("image,class\n1,x\n"), 1, "Labels file labels.csv has no 'label' column");
		bad(csv("label\nx\n\n,\n"), 2, "Labels file labels.csv, line 4: the label of image 2 is empty.");
		bad(new File(dir, "missing.csv"), 1, "Labels file " + new File(dir, "missing.csv").getAbsolutePath() +
			" does not exist");
	}

	private int files;

	/** A labels.csv of its own folder. */
	private File csv(final String text) throws IOException {
		final File f = new File(dir, "csv" + files++ + "/labels.csv");
		f.getParentFile().mkdirs();
		Files.write(f.toPath(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return f;
	}

	private static void bad(final File csv, final int count, final String message) {
		final String m = assertThrows(BadInputException.class, () -> Labels.fromCsv(csv, count)).getMessage();
		assertTrue(m.startsWith(message), m);
	}
}
