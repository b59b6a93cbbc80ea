package sc.fiji.autoencoders.op.demo;

import java.io.File;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ij.ImagePlus;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.AxisImages;
import sc.fiji.autoencoders.io.IdxFiles;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.VaeSpec;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.predict.Vae;
import sc.fiji.autoencoders.train.AbstractTrainer;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingEvent;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.VaeTrainer;

/**
 * The VAE half of the {@link Demo}: a VAE trained on all 60,000 Fashion-MNIST training images for a time budget
 * (under a minute gives recognisable clothes; the 2,000 images of test-images/ give blobs), then 64 samples and an
 * interpolation between two held-out images, as PNGs enlarged so that 28x28 images can be seen.
 */
final class VaeDemo {

	/** Where the full data set is looked for, after --fashion-mnist: beside the project, then the Debian package's. */
	static final String SHARED = "../shared/data/fashion-mnist", DEBIAN = "/usr/share/datasets/fashion-mnist";
	static final String TRAIN = "train-images-idx3-ubyte", SUBSET = "fashion-mnist-2000.tif";
	/** Nearest-neighbour enlargement of the PNGs: 28x28 tiles become 112x112. */
	static final int SCALE = 4;
	/**
	 * KL weight. With beta 1, three epochs (45 s on two busy cores) give samples that are half blobs; beta 3 pulls the
	 * codes towards the prior the samples are drawn from, and most samples are recognisable clothes (blurrier, at a
	 * negative ELBO about 6 nats higher).
	 */
	static final float BETA = 3;
	static final int LATENT = 16;

	private VaeDemo() {}

	/**
	 * The file to train on, found before the demo's long work starts: Fashion-MNIST's training images (from
	 * {@code data}, a folder given by the user, or else the usual places), or else the small stack in test-images/.
	 */
	static File trainingData(final File data, final File images) {
		final File full = fullDataSet(data);
		if (full != null) return full;
		final File subset = new File(images, SUBSET);
		if (!subset.isFile()) throw new BadInputException("Demo images not found: " + subset + ". Run the demo from " +
			"the project folder, or give --no-vae (no_vae in Fiji).");
		return subset;
	}

	/**
	 * @param train from {@link #trainingData}
	 * @param images the demo's test-images/ folder, with the held-out images to interpolate between
	 */
	static void run(final File train, final File images, final DemoSettings s, final Task task) {
		final File out = s.output;
		final double minutes = s.vaeMinutes;
		final int epochs = s.vaeEpochs;
		final long seed = s.seed;
		final List<Plane> idx = train.getName().startsWith(TRAIN) ? IdxFiles.readIdx(train) : null;
		if (idx == null) {
			task.log("Note: Fashion-MNIST not found in " + new File(home(), SHARED).getAbsoluteFile().toPath()
				.normalize() + " nor " + DEBIAN + ", so the VAE trains on the 2,000 images of " + train + ", and its " +
				"samples are blurry blobs. For recognisable clothes give --fashion-mnist DIR, or install the Debian " +
				"package dataset-fashion-mnist.");
		}
		final ImagePlus stack = idx == null ? ImageFiles.open(train) : null;
		// a stack is trained on in place; the IDX reader's planes are adapted
		final TrainingImages planes = idx != null ? TrainingImages.planes(idx) : TrainingImages.of(2, List.of(AxisImages
			.planes(stack)));
		final TrainingConfig config = TrainingConfig.vae();
		config.epochs = epochs;
		config.minutes = minutes;
		config.earlyStopPatience = 0;
		config.validationFraction = Math.min(0.1, 1000.0 / planes.count()); // 1,000 of 60,000: validation stays cheap
		config.seed = seed;
		task.log(String.format(Locale.ROOT, "Demo: training a VAE (latent %d, beta %.0f) for at most %s min " +
			"or %d epochs on %d Fashion-MNIST images of %s", LATENT, BETA, new DecimalFormat("0.##", DecimalFormatSymbols
				.getInstance(Locale.ROOT)).format(minutes), epochs, planes.count(), train));
		final VaeTrainer trainer = new VaeTrainer(planes, VaeTrainer.spec(planes.image(0, 0), LATENT, 2, 32,
			VaeSpec.BERNOULLI, BETA), config, 0);
		final AutoencoderModel model = train(trainer, task);
		final File modelFile = new File(out, "vae.aemodel");
		ModelFile.save(model, modelFile);
		if (task.isCancelled()) return;

		final List<Plane> ends = interpolationEnds(images, () -> idx != null ? idx : ImagePlanes.planes(stack));
		final File samples = new File(out, "vae-samples.png"), strip = new File(out, "vae-interpolation.png");
		try (Vae vae = new Vae(model)) {
			ImageOutputs.writeGrid(vae.generate(64, seed, 1), samples, 8, SCALE, "VAE samples");
			ImageOutputs.writeGrid(vae.interpolate(ends.get(0), ends.get(1), 10), strip, 10, SCALE, "VAE interpolation");
		}
		task.log(String.format(Locale.ROOT, "VAE validation negative ELBO: %.1f nats", model.history.best()
			.validationMetric));
		task.log("Outputs: " + modelFile + ", " + samples + " (64 samples, shown " + SCALE + "x), " + strip +
			" (interpolation between two held-out images)");
	}

	/** Trains, logging each epoch as an indented line, until the time budget ends or the task is cancelled. */
	static AutoencoderModel train(final AbstractTrainer<?> trainer, final Task task) {
		trainer.addListener(e -> {
			if (e.type != TrainingEvent.Type.STEP) task.log("  " + e.message);
		});
		if (task.cancelHook() != null) task.cancelHook().accept(trainer::cancel);
		return trainer.process();
	}

	/** The training images file of the full data set, or null when none of the usual places has it. */
	private static File fullDataSet(final File data) {
		if (data != null) {
			final File f = idx(data);
			if (f == null) throw new BadInputException("No " + TRAIN + " or " + TRAIN + ".gz in " + data + ": give " +
				"--fashion-mnist the folder holding Fashion-MNIST's IDX files (fashion_mnist in Fiji).");
			return f;
		}
		for (final File dir : List.of(new File(home(), SHARED), new File(DEBIAN))) {
			final File f = idx(dir);
			if (f != null) return f;
		}
		return null;
	}

	private static File idx(final File dir) {
		for (final String name : List.of(TRAIN + ".gz", TRAIN)) {
			final File f = new File(dir, name);
			if (f.isFile()) return f;
		}
		return null;
	}

	/** The installation's folder (bin/fiji-ae sets it), else the working folder. */
	static File home() {
		return new File(System.getProperty("fiji.ae.home", "."));
	}

	/** Two held-out images, an ankle boot and a pullover, from test-images/; else the first two training images. */
	private static List<Plane> interpolationEnds(final File images, final Supplier<List<Plane>> train) {
		final File test = new File(images, "fashion-mnist-test-500.tif");
		final List<Plane> source = test.isFile() ? ImagePlanes.planes(ImageFiles.open(test)) : train.get();
		return new ArrayList<>(source.subList(0, 2));
	}
}
