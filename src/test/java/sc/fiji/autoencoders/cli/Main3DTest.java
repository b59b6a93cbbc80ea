package sc.fiji.autoencoders.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import sc.fiji.autoencoders.TestVolumes;
import sc.fiji.autoencoders.image.Volume;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ReceptiveField;
import sc.fiji.autoencoders.predict.Denoiser;

/** {@code train-denoiser --dims 3} and {@code denoise} with a 3D model, end to end on a calibrated TIFF stack. */
public class Main3DTest {

	@TempDir
	File dir;

	@Test
	public void trainA3dNetworkAndDenoiseAStack() {
		final Volume v = TestVolumes.blobs(40, 32, 12, 7);
		final ImagePlus imp = ImagePlanes.toImagePlus("stack", v.planes(), 1, v.depth(), 1);
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 0.1;
		imp.getCalibration().pixelDepth = 0.3; // Z three times coarser: Z pooled at the second level only
		imp.getCalibration().setUnit("micron");
		final File stack = new File(dir, "stack.tif");
		ImageOutputs.writeTiff(imp, stack);

		final File model = new File(dir, "three.aemodel");
		Object[] r = MainTest.cli("train-denoiser", "--clean", stack.getPath(), "--noise", "gaussian:25", "--out", model
			.getPath(), "--dims", "3", "--depth", "2", "--filters", "4", "--patch", "16", "--patch-depth", "8", "--batch",
			"2", "--epochs", "1", "--steps-per-epoch", "3", "--minutes", "0", "--seed", "1");
		assertEquals(0, r[0], r[2].toString());
		assertTrue(r[1].toString().contains("3D (Z pooled at level 2)"), r[1].toString());
		// training measured the network's effective receptive field and stored it: the tiles' margins
		final AutoencoderModel m = ModelFile.load(model);
		assertNotNull(m.receptiveField, "measured at the end of training");
		assertTrue(m.receptiveField.xy() <= Denoiser.receptiveRadius(m.networkSpec()) && m.receptiveField.z() <= Denoiser
			.receptiveRadiusZ(m.networkSpec()), m.receptiveField.toString());
		assertEquals(ReceptiveField.DEFAULT_TOLERANCE, m.receptiveField.tolerance());

		r = MainTest.cli("denoise", "--model", model.getPath(), "--input", stack.getPath(), "--output", new File(dir, "out")
			.getPath());
		assertEquals(0, r[0], r[2].toString());
		final ImagePlus out = ImageFiles.open(new File(dir, "out/stack.tif"));
		assertEquals(40, out.getWidth());
		assertEquals(32, out.getHeight());
		assertEquals(12, out.getNSlices());
		assertEquals(32, out.getBitDepth());

		r = MainTest.cli("info", "--model", model.getPath());
		assertEquals(0, r[0]);
		assertTrue(r[1].toString().contains("measured receptive field, " + m.receptiveField), r[1]
			.toString());
		assertTrue(r[1].toString().contains("3D (Z pooled at level 2)"), r[1].toString());
	}

	@Test
	public void aSinglePlaneIsTooThinForA3dNetwork() {
		final Object[] r = MainTest.cli("train-denoiser", "--clean", "test-images/denoise-test.png", "--noise",
			"gaussian:25", "--out", new File(dir, "x.aemodel").getPath(), "--dims", "3");
		assertEquals(2, r[0]);
		assertTrue(r[2].toString().contains("Training stack 1 has 1 plane, fewer than the patch depth 16") && r[2]
			.toString().contains("--dims 2"), r[2].toString());
	}
}
