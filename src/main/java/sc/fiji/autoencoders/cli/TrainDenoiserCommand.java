package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.train.DenoiserTrainer;
import sc.fiji.autoencoders.train.Schedule;
import sc.fiji.autoencoders.noise.NoiseModel;
import sc.fiji.autoencoders.noise.NoiseModels;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingEvent;

/** {@code fiji-ae train-denoiser}: train a denoiser on clean images with noise added on the fly. */
@Command(name = "train-denoiser", mixinStandardHelpOptions = true,
	description = "Train a denoising autoencoder on clean images (noise is added on the fly).")
final class TrainDenoiserCommand implements Callable<Integer> {

	@Option(names = "--clean", required = true, arity = "1..*", paramLabel = "PATH",
		description = "Clean training images: TIFF/PNG files (stacks: every slice) or folders of them.")
	List<File> clean;

	@Option(names = "--noise", required = true, paramLabel = "SPEC",
		description = "Noise model in image units: gaussian:SIGMA, gaussian:LO-HI, poisson:PEAK, " +
			"poisson-gaussian:PEAK,SIGMA, saltpepper:FRACTION.")
	String noise;

	@Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write (.aemodel).")
	File out;

	@Option(names = "--epochs", defaultValue = "100", description = "Largest number of epochs (default ${DEFAULT-VALUE}).")
	int epochs;

	@Option(names = "--steps-per-epoch", defaultValue = "100", description = "Steps per epoch (default ${DEFAULT-VALUE}).")
	int stepsPerEpoch;

	@Option(names = "--minutes", defaultValue = "0", description = "Time budget in minutes, 0 for none.")
	double minutes;

	@Option(names = "--patch", defaultValue = "64", description = "Patch size (default ${DEFAULT-VALUE}).")
	int patch;

	@Option(names = "--batch", defaultValue = "16", description = "Batch size (default ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--depth", defaultValue = "2", description = "Network depth, 1-4 (default ${DEFAULT-VALUE}).")
	int depth;

	@Option(names = "--filters", defaultValue = "32", description = "Base filters (default ${DEFAULT-VALUE}).")
	int filters;

	@Option(names = "--max-filters", defaultValue = "512", description = "Cap on the filters, which double at each " +
		"level down (default ${DEFAULT-VALUE}); e.g. 128 makes a depth-4 network about a fifth cheaper.")
	int maxFilters;

	@Option(names = "--architecture", defaultValue = "unet", description = "unet (skip connections) or plain.")
	String architecture;

	@Option(names = "--upsampling", defaultValue = "nearest", description = "nearest or bilinear.")
	String upsampling;

	@Option(names = "--no-residual", description = "Predict the clean image directly instead of a correction.")
	boolean noResidual;

	@Option(names = "--learning-rate", defaultValue = "0.001", description = "Initial learning rate.")
	float learningRate;

	@Option(names = "--schedule", defaultValue = "cosine", description = "Learning-rate schedule: cosine (decay " +
		"over the epochs or the time budget, default) or plateau (halve when the validation loss stalls).")
	String schedule;

	@Option(names = "--warmup", defaultValue = "0", paramLabel = "STEPS", description = "Raise the learning rate " +
		"linearly over this many first steps (default ${DEFAULT-VALUE}: none).")
	int warmup;

	@Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--threads", defaultValue = "0", description = "TensorFlow threads, 0 for all cores.")
	int threads;

	@Option(names = "--precision", defaultValue = "auto", description = "auto (default: bfloat16 convolutions where " +
		"the CPU has native bfloat16, about 1.6x faster training), float32 or bfloat16.")
	String precision;

	@Option(names = "--channel", defaultValue = "0", description = "Train on this channel of multichannel images " +
		"(1, 2, ...; one model per channel), or 0 for all channels together (default).")
	int channel;

	@Option(names = "--resume", paramLabel = "MODEL", description = "Continue training this denoiser model.")
	File resume;

	@Override
	public Integer call() {
		final NoiseModel noiseModel = NoiseModels.parse(noise);
		final TrainingConfig config = new TrainingConfig();
		config.epochs = epochs;
		config.stepsPerEpoch = stepsPerEpoch;
		config.minutes = minutes;
		config.patchSize = patch;
		config.batchSize = batch;
		config.learningRate = learningRate;
		config.warmupSteps = warmup;
		config.schedule = Schedule.parse(schedule);
		config.seed = seed;
		config.threads = threads;
		config.precision = precision;
		config.validate();
		final NetworkSpec spec = new NetworkSpec(architecture, depth, filters, !noResidual, upsampling, 1, 0.1f, maxFilters)
			.validate();
		Checks.writableModelPath(out);
		final List<Plane> planes = channel == 0 ? Inputs.planes(clean) : Inputs.planesOfChannel(clean, channel);
		System.out.println("Training on " + planes.size() + " planes with noise " + noiseModel.spec() + ", " + spec +
			", " + sc.fiji.autoencoders.model.Precision.parse(precision).resolved() + " arithmetic");
		final DenoiserTrainer trainer = new DenoiserTrainer(planes, noiseModel, spec, config);
		if (resume != null) trainer.resumeFrom(ModelFile.load(resume, AutoencoderModel.DENOISER));
		if (!trainer.checkInput()) throw new sc.fiji.autoencoders.BadInputException(trainer.getErrorMessage());
		trainer.addListener(e -> {
			if (e.type != TrainingEvent.Type.STEP) System.out.println(e.message);
		});
		trainer.setCheckpoint(m -> ModelFile.save(m, out));
		final AutoencoderModel model = Interruptible.run(trainer::process, trainer::cancel, out);
		ModelFile.save(model, out);
		System.out.println("Saved " + out + ": " + model.summary());
		return Main.OK;
	}
}
