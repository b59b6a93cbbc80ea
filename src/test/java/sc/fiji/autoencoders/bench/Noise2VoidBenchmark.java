package sc.fiji.autoencoders.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ij.ImagePlus;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.noise.NoiseModels;

/**
 * Noise2Void (or Neighbor2Neighbor, {@code noisy_method=neighbor2neighbor}) on noisy copies of a folder of clean images (issue 13): the clean images are corrupted here with
 * Gaussian noise of sigma 25 (seed 0) and only the noisy copies reach the trainer, through the same call as the menu
 * command. Score the model with {@code fiji-ae evaluate --model OUT --clean Set12 --noise gaussian:25 --seed 1}.
 * Arguments: CLEAN_DIR OUT MINUTES [key=value settings, e.g. mask_percent=0.2 no_n2v2=true structn2v=x].
 */
public final class Noise2VoidBenchmark {

	public static void main(final String[] args) {
		final List<ImagePlus> noisy = new ArrayList<>();
		final Random rng = new Random(0);
		for (final ImagePlus clean : ImageFiles.openAll(List.of(new File(args[0])))) {
			final List<Plane> planes = ImagePlanes.planes(clean);
			for (final Plane p : planes)
				NoiseModels.parse("gaussian:25").apply(p.pixels(), 255, rng);
			noisy.add(ImagePlanes.toImagePlus(clean.getTitle(), planes, 1, planes.size(), 1));
		}
		final TrainDenoiserSettings s = new TrainDenoiserSettings();
		s.mode = "noisy";
		s.minutes = Double.parseDouble(args[2]);
		final java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
		for (int i = 3; i < args.length; i++)
			extra.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
		sc.fiji.autoencoders.op.Settings.apply(extra, s);
		System.out.println(s.method().displayName() + " on " + noisy.size() +
			" noisy images, " + s.minutes + " min, " + (s.noise2Void() ? "masking " + s.masking() + ", " : "") + s
				.network() + ", batch " + s.batchSize + ", patch " + s.patchSize + ", learning rate " + s.learningRate);
		System.out.println(Autoencoders.trainDenoiser(noisy, s, new File(args[1]), e -> {
			if (e.type != sc.fiji.autoencoders.train.TrainingEvent.Type.STEP) System.out.println(e.message);
		}, null).summary());
	}
}
