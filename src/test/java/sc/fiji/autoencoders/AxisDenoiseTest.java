package sc.fiji.autoencoders;

import sc.fiji.autoencoders.op.denoising.AxisDenoising;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ShortProcessor;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.image.Axis;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.predict.PredictionMonitor;

/** The scripting overload of {@link Autoencoders#denoise} on ImgLib2 images agrees with the ImagePlus one. */
class AxisDenoiseTest {

	@TempDir
	File dir;

	@Test
	void axisImageOverloadMatchesTheImagePlusOne() {
		final File m1 = new File(dir, "a.aemodel"), m2 = new File(dir, "b.aemodel");
		ModelFile.save(TestModels.denoiser(NetworkSpec.unet(2, 8), 1), m1);
		ModelFile.save(TestModels.denoiser(NetworkSpec.unet(1, 8), 2), m2);
		final ImageStack stack = new ImageStack(90, 61);
		for (int i = 0; i < 4; i++) {
			final float[] px = TestImages.blobs(90, 61, i).pixels();
			final short[] s = new short[px.length];
			for (int k = 0; k < px.length; k++)
				s[k] = (short) (px[k] * 200);
			stack.addSlice(new ShortProcessor(90, 61, s, null));
		}
		final ImagePlus imp = new ImagePlus("cells.tif", stack);
		imp.setDimensions(2, 2, 1);
		imp.getCalibration().pixelWidth = 0.3;

		final ImagePlus viaImagePlus = Autoencoders.denoise(imp, m1, m2.getPath(), 64, PredictionMonitor.NONE);
		final AxisImage<?> in = AxisImages.wrap(imp);
		final AxisImage<FloatType> out = AxisDenoising.denoise(in, List.of(m1, m2), 64, false, PredictionMonitor.NONE);
		assertEquals(List.of(Axis.X, Axis.Y, Axis.C, Axis.Z), out.axes());
		assertEquals(0.3, out.spacing(Axis.X).size());
		final List<Plane> a = ImagePlanes.planes(viaImagePlus), b = ImagePlanes.planes(AxisImages.toImagePlus("b", out));
		assertEquals(a, b);
		assertEquals("cells-denoised.tif", viaImagePlus.getTitle());
		assertEquals(2, viaImagePlus.getNChannels());
		assertEquals(0.3, viaImagePlus.getCalibration().pixelWidth);

		// one model for everything, defaults
		final AxisImage<FloatType> one = AxisDenoising.denoise(in, m1);
		assertArrayEquals(in.data().dimensionsAsLongArray(), one.data().dimensionsAsLongArray());

		assertThrows(BadInputException.class, () -> AxisDenoising.denoise(in, List.of(m1, m1, m1), 64, false,
			PredictionMonitor.NONE));
		assertThrows(BadInputException.class, () -> AxisDenoising.denoise(in, new File(dir, "missing.aemodel")));
	}
}
