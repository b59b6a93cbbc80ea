package sc.fiji.autoencoders.command;

import java.io.File;
import java.util.Collections;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.TrainDenoiserSettings;
import sc.fiji.autoencoders.engine.Engine;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Plugins > Autoencoders > Train Denoising Autoencoder: trains a denoiser on an image or stack (every slice, frame and
 * channel plane is a training image) and saves it to a model file: clean (noise added), noisy (Noise2Void), or pairs
 * with the target image (same size). The parameters after the images are the fields of {@link TrainDenoiserSettings},
 * with the same defaults.
 */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Denoising Autoencoder...", visible = false)
public class TrainDenoisingAutoencoder extends ContextCommand {

	@Parameter(label = "Training image or stack (clean, noisy, or the pairs' inputs)")
	private ImagePlus image;

	// not persisted, and only read in mode pairs
	@Parameter(label = "Target image or stack (mode pairs only)", required = false, persist = false,
		description = "Clean (CARE) or second noisy (Noise2Noise) image of the same scene, the size of the input")
	private ImagePlus target;

	@Parameter(label = "Model file to write", style = FileWidget.SAVE_STYLE)
	private File model_file;

	// not persisted: a script that leaves it out must train as before, on clean images
	@Parameter(label = "Training mode", choices = { "clean", "noisy", "pairs" }, persist = false, description =
		"clean: clean " +
		"images, the noise model's noise is added; noisy: noisy images only (Noise2Void); pairs: input and target images")
	private String mode = "clean";

	@Parameter(label = "Method for noisy images (noisy mode)", choices = { "noise2void", "neighbor2neighbor",
		"auto" }, description = "noise2void (default): blind-spot masking (N2V2, structN2V), best on real microscope " +
			"noise; neighbor2neighbor: sub-sampled pairs, a loss on every pixel (single-channel planes, pixel-independent " +
			"noise), best on photographs with synthetic noise; auto: noise2void")
	private String noisy_method = "noise2void";

	// not persisted: a channel remembered from another image would silently train on the wrong data in scripts
	@Parameter(label = "Channel (0: all together)", min = "0", persist = false,
		description = "Train on one channel of a multichannel image (1, 2, ...), or 0 for one model for all channels")
	private int channel = 0;

	// not persisted: a script that leaves it out must train as before (pooled)
	@Parameter(label = "All channels (channel 0)", choices = { "pooled", "joint" }, persist = false, description =
		"pooled: one single-channel network for every channel's planes; joint: the channels are the input and " +
			"output channels of one network (for images of exactly these channels)")
	private String channels = "pooled";

	@Parameter(label = "Noise model", description = "gaussian:SIGMA, gaussian:LO-HI, poisson:PEAK, " +
		"poisson-gaussian:PEAK,SIGMA or saltpepper:FRACTION, in the image's intensity units")
	private String noise = "gaussian:25";

	@Parameter(label = "structN2V line (noisy mode)", choices = { "none", "x", "y" }, description = "Also mask a " +
		"line of pixels along x or y, for noise correlated along rows or columns")
	private String structn2v = "none";

	@Parameter(label = "Masked pixels, % (noisy mode)", min = "0.01", max = "25", description = "Pixels replaced in " +
		"the network's input per patch, with their structN2V lines (the original N2V used 0.2)")
	private double mask_percent = 5;

	@Parameter(label = "Masked pixel replacement (noisy mode)", choices = { "neighbour", "mean" }, description =
		"neighbour: a random pixel of its 5x5 window (N2V); mean: the mean of that window without the pixel")
	private String mask_replacement = "neighbour";

	@Parameter(label = "Original N2V instead of N2V2 (noisy mode)")
	private boolean no_n2v2 = false;

	@Parameter(label = "Time budget (minutes, 0 = none)", min = "0")
	private double minutes = 15;

	@Parameter(label = "Largest number of epochs (0: no limit)", min = "0")
	private int epochs = 0;

	@Parameter(label = "Steps per epoch", min = "1")
	private int steps_per_epoch = 100;

	@Parameter(label = "Patch size", min = "8")
	private int patch_size = 64;

	@Parameter(label = "Patch depth (Z planes, 3D networks)", min = "1")
	private int patch_planes = 16;

	@Parameter(label = "Batch size", min = "1")
	private int batch_size = 8;

	@Parameter(label = "Network dimensions (2: slice by slice, 3: Z stacks)", min = "2", max = "3")
	private int dims = 2;

	@Parameter(label = "Z pooling (3D networks)", choices = { "auto", "all", "none" },
		description = "auto: from the voxel depth; all: every level (isotropic voxels); none: never")
	private String z_pooling = "auto";

	@Parameter(label = "Network depth", min = "1", max = "4")
	private int depth = 4;

	@Parameter(label = "Base filters", min = "1", max = "256")
	private int filters = 32;

	@Parameter(label = "Largest number of filters", min = "1")
	private int max_filters = 128;

	@Parameter(label = "Architecture", choices = { "unet", "plain" })
	private String architecture = "unet";

	@Parameter(label = "Upsampling", choices = { "nearest", "bilinear" })
	private String upsampling = "nearest";

	@Parameter(label = "Predict the clean image directly (no residual)")
	private boolean no_residual = false;

	@Parameter(label = "Learning rate", min = "0")
	private float learning_rate = 1e-3f;

	@Parameter(label = "Learning-rate schedule", choices = { "cosine", "plateau" })
	private String schedule = "cosine";

	@Parameter(label = "Warm-up steps", min = "0")
	private int warmup = 100;

	@Parameter(label = "Random seed")
	private long seed = 42;

	@Parameter(label = "TensorFlow threads (0 = all cores)", min = "0")
	private int threads = 0;

	@Parameter(label = "Precision", choices = { "auto", "float32", "bfloat16" })
	private String precision = "auto";

	// not persisted: a script that leaves it out must start a new model, not resume the last one used
	@Parameter(label = "Resume from model (optional)", required = false, persist = false)
	private File resume_from;

	@Parameter(type = ItemIO.OUTPUT)
	private String summary;

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private StatusService status;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			final TrainDenoiserSettings settings = Settings.copy(this, new TrainDenoiserSettings());
			final AutoencoderModel model = Autoencoders.trainDenoiser(Collections.singletonList(image),
				settings.trainingMode() == TrainingMode.PAIRS ? Collections.singletonList(target) : null, settings,
				model_file, new ProgressReporter(log, status), null);
			summary = "Saved " + model_file + ": " + model.summary();
			log.info(summary);
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
