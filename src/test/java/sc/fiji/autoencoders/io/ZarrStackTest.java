package sc.fiji.autoencoders.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.autoencoders.io.zarr.PythonZarr;
import sc.fiji.autoencoders.train.TrainingImages;

/**
 * A python-written OME-Zarr image (axes t, c, z, y, x; chunks 1 x 1 x 2 x 16 x 16 with edge chunks) opened lazily: the
 * virtual stack's planes and the X, Y, Z images training reads hold python's values, in ImageJ's order and with the
 * voxel sizes; training images of it are lazy, planes and stacks in the order of images in memory.
 */
class ZarrStackTest {

	@TempDir
	Path tmp;

	@Test
	void readsPythonsValuesPlaneByPlaneAndBlockByBlock() throws Exception {
		PythonZarr.assumeAvailable();
		final Path root = tmp.resolve("py.ome.zarr");
		PythonZarr.run("write_ome.py", root.toString(), "<u2");
		final double[] values = PythonZarr.doubles(tmp.resolve("py.ome.zarr.f8")); // t, c, z, y, x
		final int nt = 2, nc = 2, nz = 3, h = 37, w = 45;
		final ImagePlus imp = ImageFiles.openAll(List.of(root.toFile())).get(0);
		assertTrue(LazyTrainingImages.isLazy(imp));
		assertEquals(List.of(w, h, nc, nz, nt), List.of(imp.getWidth(), imp.getHeight(), imp.getNChannels(), imp
			.getNSlices(), imp.getNFrames()));
		assertEquals(0.25, imp.getCalibration().pixelWidth, 0);
		assertEquals(2, imp.getCalibration().pixelDepth, 0);
		final RandomAccessibleInterval<FloatType>[][] views = LazyImages.of(imp);
		for (int t = 0; t < nt; t++)
			for (int c = 0; c < nc; c++)
				for (int z = 0; z < nz; z++) {
					final float[] plane = (float[]) imp.getStack().getPixels(imp.getStackIndex(c + 1, z + 1, t + 1));
					final RandomAccess<FloatType> ra = views[c][t].randomAccess();
					for (int y = 0; y < h; y++)
						for (int x = 0; x < w; x++) {
							final double v = values[(((t * nc + c) * nz + z) * h + y) * w + x];
							assertEquals(v, plane[y * w + x], 0, "plane t" + t + " c" + c + " z" + z);
							assertEquals(v, ra.setPositionAndGet(x, y, z).get(), 0);
						}
				}
		final TrainingImages planes = LazyTrainingImages.of(List.of(imp), 0, false, false);
		assertTrue(planes.isLazy());
		assertEquals(nt * nc * nz, planes.count(), "every plane of every channel and frame");
		// stack order: channel fastest, then slice, then frame
		assertEquals(values[((1 * nc + 1) * nz + 2) * h * w], planes.image(0, imp.getStackIndex(2, 3, 2) - 1)
			.randomAccess().setPositionAndGet(0, 0).getRealDouble(), 0);
		final TrainingImages stacks = LazyTrainingImages.of(List.of(imp), 2, true, false);
		assertEquals(nt, stacks.count(), "channel 2 of each frame");
		assertEquals(values[((1 * nc + 1) * nz + 2) * h * w], stacks.image(0, 1).randomAccess().setPositionAndGet(0, 0,
			2).getRealDouble(), 0);
		assertEquals(nc, LazyTrainingImages.of(List.of(imp), 0, true, true).channels(), "joint: one input per channel");
	}

	/** Training opens a Zarr v3 / OME-NGFF 0.5 image (zarrita's fixture) the same way, lazily. */
	@Test
	void opensAnOme05ImageLazily() throws Exception {
		final ImagePlus imp = ImageFiles.openAll(List.of(Path.of("src/test/resources/zarr-v3/image.ome.zarr").toFile()))
			.get(0);
		assertTrue(LazyTrainingImages.isLazy(imp));
		assertEquals(List.of(17, 13, 1, 5, 1), List.of(imp.getWidth(), imp.getHeight(), imp.getNChannels(), imp
			.getNSlices(), imp.getNFrames()));
		assertEquals(0.5, imp.getCalibration().pixelWidth, 0);
		assertEquals(2, imp.getCalibration().pixelDepth, 0);
		// zarrita.mjs's uint16 values: element i is i * 7919 mod 65536
		final float[] plane = (float[]) imp.getStack().getPixels(imp.getStackIndex(1, 3, 1));
		for (int i = 0; i < plane.length; i++)
			assertEquals((2 * 13 * 17 + i) * 7919L % 65536, plane[i], 0);
	}
}
