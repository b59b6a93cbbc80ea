package sc.fiji.autoencoders.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.autoencoders.TestVolumes;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Conv3dGradient;
import sc.fiji.autoencoders.model.Graphs;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.TrainingConfig;

/**
 * The Conv3D gradient is registered in TensorFlow's process-wide registry by the first class loader that loads the
 * plugin; a second copy of the plugin in another class loader (as engine/Engine makes) must not call into the first
 * copy's gradient function with its own graphs: it trains 3D networks with the shifted-plane convolutions instead, and
 * nothing crashes.
 */
public class Conv3dGradientLoadersTest {

	@Test
	public void secondClassLoaderTrainsWithoutTheFirstOnesGradient() throws Exception {
		Graphs.loadNative();
		assertTrue(Conv3dGradient.available(), "this class loader registered the gradient");
		assertTrue(train3d() > 0, "trains here with Conv3D");

		final List<URL> urls = new ArrayList<>();
		for (final File f : Engine.classPath(getClass().getClassLoader()))
			urls.add(f.toURI().toURL());
		try (EngineClassLoader other = new EngineClassLoader(urls, getClass().getClassLoader())) {
			final Class<?> twin = Class.forName(getClass().getName(), true, other);
			assertTrue(twin != getClass(), "a second copy of the plugin");
			assertEquals(false, twin.getDeclaredMethod("gradientAvailable").invoke(null),
				"the second copy does not use the first one's gradient");
			final double loss = (Double) twin.getDeclaredMethod("train3d").invoke(null);
			assertTrue(loss > 0 && Double.isFinite(loss), "the second copy trains a 3D network: loss " + loss);
		}
		assertTrue(train3d() > 0, "and this one still trains");
	}

	public static boolean gradientAvailable() {
		Graphs.loadNative();
		return Conv3dGradient.available();
	}

	/** The last training loss of a few steps of a tiny 3D network. */
	public static double train3d() {
		final TrainingConfig c = new TrainingConfig();
		c.epochs = 1;
		c.stepsPerEpoch = 3;
		c.batchSize = 2;
		c.patchSize = 16;
		c.patchDepth = 4;
		c.validationPatches = 2;
		c.seed = 1;
		final double[] loss = { Double.NaN };
		final DenoiserTrainer t = DenoiserTrainer.clean(TrainingImages.volumes(List.of(TestVolumes.blobs(24, 24, 8, 1),
			TestVolumes.blobs(24, 24, 8, 2))), NoiseModels.parse("gaussian:20"), NetworkSpec.unet(1, 4).threeD(true),
			c);
		t.addListener(e -> { if (e.type == sc.fiji.autoencoders.train.TrainingEvent.Type.EPOCH) loss[0] = e.trainLoss; });
		final AutoencoderModel m = t.process();
		return m == null ? Double.NaN : loss[0];
	}

}
