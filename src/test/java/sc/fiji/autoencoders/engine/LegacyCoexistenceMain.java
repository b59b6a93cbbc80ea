package sc.fiji.autoencoders.engine;

import java.io.File;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.scijava.Context;
import org.scijava.Cancelable;
import org.scijava.module.Module;
import org.scijava.command.CommandService;

import ij.ImagePlus;
import net.imglib2.type.numeric.real.FloatType;
import sc.fiji.autoencoders.op.denoising.AxisDenoising;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TestImages;
import sc.fiji.autoencoders.command.OperationCommandService;
import sc.fiji.autoencoders.image.AxisImage;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.predict.Metrics;
import sc.fiji.autoencoders.noise.NoiseModels;

/**
 * Run by {@link LegacyTensorFlowTest} in a JVM whose class path starts with the legacy TensorFlow 1.15 jars: trains and
 * applies a denoiser through the SciJava commands, then calls the legacy API in the same JVM. Prints one line per fact.
 */
public final class LegacyCoexistenceMain {

	public static void main(final String[] args) throws Exception {
		final File dir = new File(args[0]);
		System.out.println("isolated engine: " + (Engine.loader() != null));
		// a context of chosen services lists OperationCommandService, which gives the commands their inputs (docs/BATCH.md)
		final Context context = new Context(CommandService.class, OperationCommandService.class);
		try {
			final CommandService commands = context.service(CommandService.class);
			final ImagePlus clean = ImagePlanes.toImagePlus("clean.tif", TestImages.blobStack(4, 96, 96, 1), 1, 4, 1);
			final File model = new File(dir, "legacy-jvm.aemodel");
			// as docs/BATCH.md says, with the input names of the first version
			Module m = commands.run("sc.fiji.autoencoders.command.TrainDenoisingAutoencoder", true, "image", clean,
				"noise",
				"gaussian:20", "model_file", model, "minutes", 0, "epochs", 3, "patch_size", 32, "batch_size", 8, "depth",
				2, "filters", 8, "architecture", "unet", "seed", 1L, "resume_from", null).get();
			System.out.println("trained: " + (!((Cancelable) m).isCanceled() && model.isFile()) + " " + ((Cancelable) m)
				.getCancelReason());
			final List<Plane> cleanPlanes = TestImages.blobStack(1, 80, 72, 50);
			final List<Plane> noisyPlanes = TestImages.blobStack(1, 80, 72, 50);
			NoiseModels.parse("gaussian:20").apply(noisyPlanes.get(0).pixels(), 255, new Random(2));
			m = commands.run("sc.fiji.autoencoders.command.DenoiseWithAutoencoder", true, "image", ImagePlanes
				.toImagePlus("noisy.tif",
				noisyPlanes, 1, 1, 1), "model_file", model, "channel_models", "", "tile_size", 1024).get();
			final Plane out = ImagePlanes.planes((ImagePlus) m.getOutput("denoised")).get(0);
			System.out.printf("psnr gain: %.2f%n", Metrics.psnr(cleanPlanes.get(0), out, 255) - Metrics.psnr(cleanPlanes
				.get(0), noisyPlanes.get(0), 255));
			// the scripting API on ImgLib2 images, called from outside the engine as a script would
			final AtomicLong tiles = new AtomicLong();
			final AxisImage<FloatType> result = AxisDenoising.denoise(AxisImages.wrap(ImagePlanes.toImagePlus("noisy.tif",
				noisyPlanes, 1, 1, 1)), List.of(model), 1024, false, new PredictionMonitor() {

					@Override
					public void progress(final long done, final long total) {
						tiles.set(done);
					}
				});
			final Plane viaAxes = ImagePlanes.planes(AxisImages.toImagePlus("denoised", result)).get(0);
			System.out.println("axis image api: " + viaAxes.equals(out) + " " + tiles.get() + " tile(s)");
			try {
				AxisDenoising.denoise(AxisImages.wrap(ImagePlanes.toImagePlus("noisy.tif", noisyPlanes, 1, 1, 1)), List.of(
					new File(dir, "missing.aemodel")), 1024, false, PredictionMonitor.NONE);
			}
			catch (final BadInputException e) {
				System.out.println("axis image api bad input: " + e.getMessage());
			}
		}
		finally {
			context.dispose();
		}
		// the other plugins' TensorFlow: the legacy class, from the legacy jar, still answers
		final Class<?> legacy = Class.forName("org.tensorflow.TensorFlow");
		System.out.println("legacy jar: " + new File(legacy.getProtectionDomain().getCodeSource().getLocation().toURI())
			.getName());
		System.out.println("legacy version: " + legacy.getMethod("version").invoke(null));
	}
}
