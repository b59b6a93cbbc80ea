package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sc.fiji.autoencoders.cli.MainTest.cli;

import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.op.demo.Demo;
import sc.fiji.autoencoders.op.demo.DemoSettings;
import sc.fiji.autoencoders.predict.Montage;

/** The demo with tiny time budgets: its VAE reads Fashion-MNIST's IDX files and writes PNGs enlarged 4x. */
public class DemoCommandTest {

	@TempDir
	File dir;

	@Test
	public void vaePartTrainsOnIdxFilesAndWritesEnlargedPngs() throws IOException {
		final File data = new File(dir, "fashion-mnist");
		assertTrue(data.mkdir());
		writeIdx(ImagePlanes.planes(ImageFiles.open(new File("test-images/fashion-mnist-2000.tif"))).subList(0, 300),
			new File(data, "train-images-idx3-ubyte.gz"));
		final File out = new File(dir, "out");
		final Object[] r = cli("demo", "--minutes", "0.01", "--vae-minutes", "0.01", "--vae-epochs", "1",
			"--fashion-mnist", data.getPath(), "--output", out.getPath());
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("epochs on 300 Fashion-MNIST images of " + data), r[1].toString());
		final ImagePlus samples = ImageFiles.open(new File(out, "vae-samples.png"));
		assertEquals(8 * 28 * 4, samples.getWidth(), "8 columns of 28-pixel images, 4x");
		assertEquals(8 * 28 * 4, samples.getHeight());
		final ImagePlus strip = ImageFiles.open(new File(out, "vae-interpolation.png"));
		assertEquals(10 * 28 * 4, strip.getWidth());
		assertEquals(28 * 4, strip.getHeight());
	}

	@Test
	public void missingDataSetFailsAtOnceNamingTheFix() {
		final Object[] r = cli("demo", "--fashion-mnist", new File(dir, "nowhere").getPath(), "--output", new File(dir,
			"out").getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("give --fashion-mnist the folder holding Fashion-MNIST's IDX files"), r[2]
			.toString());
		assertEquals(1, r[2].toString().trim().split("\n").length, r[2].toString());
		assertTrue(!new File(dir, "out").exists(), "nothing trained or written");
	}

	/** In Fiji there is no test-images/ beside the working folder: the message names the option to set. */
	@Test
	public void missingImagesFolderNamesTheOption() {
		final DemoSettings s = new DemoSettings();
		s.images = new File(dir, "no-images");
		s.output = new File(dir, "out");
		final BadInputException e = assertThrows(BadInputException.class, () -> new Demo().check(s));
		assertTrue(e.getMessage().contains("--images DIR (images in Fiji)"), e.getMessage());
		assertTrue(!s.output.exists(), "nothing written");
		final Object[] r = cli("demo", "--images", s.images.getPath(), "--output", s.output.getPath());
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().startsWith("Error: Demo images not found in " + s.images), r[2].toString());
	}

	@Test
	public void enlargeRepeatsEachPixel() {
		final Plane p = Montage.enlarge(new Plane(2, 1, new float[] { 3, 7 }), 3);
		assertEquals(6, p.width());
		assertEquals(3, p.height());
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 6; x++)
				assertEquals(x < 3 ? 3f : 7f, p.pixels()[y * 6 + x], 0, x + "," + y);
	}

	/** Fashion-MNIST's own format: IDX3 unsigned bytes, gzip-compressed. */
	private static void writeIdx(final List<Plane> planes, final File f) throws IOException {
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(new FileOutputStream(f)))) {
			out.writeInt(0x00000803);
			out.writeInt(planes.size());
			out.writeInt(planes.get(0).height());
			out.writeInt(planes.get(0).width());
			for (final Plane p : planes)
				for (final float v : p.pixels())
					out.writeByte(Math.round(v));
		}
	}
}
