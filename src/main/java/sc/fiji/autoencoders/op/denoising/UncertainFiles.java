package sc.fiji.autoencoders.op.denoising;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ImageFiles;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Task;

/**
 * {@code denoise --samples K}: denoising files with uncertainty by a DivNoising model, each input into NAME.tif (the
 * MMSE), NAME-spread.tif (the calibrated spread) and, kept, NAME-samples.tif, each written atomically.
 */
final class UncertainFiles {

	private UncertainFiles() {}

	/** Refuses settings that cannot sample, naming the fix (cheap: the model is not read). */
	static void check(final DenoiseFilesSettings s) {
		if (s.samples == 0 && !s.keepSamples) return;
		if (s.keepSamples && s.samples == 0) throw new BadInputException("Keep-samples needs samples: give e.g. " +
			"--samples 100 with --keep-samples.");
		UncertainImages.checkSamples(s.samples);
		if (s.selfSupervised) throw new BadInputException("Samples come from a DivNoising model, not from " +
			"--self-supervised (Noise2Void): train one with train-denoiser --noisy-method divnoising, then give it as " +
			"--model.");
		if (s.output.getName().endsWith(".zarr")) throw new BadInputException("Samples are written as TIFFs: give a " +
			"folder as output, not an OME-Zarr image.");
		if (s.stack || s.ensemble) throw new BadInputException("With --samples, give image files or folders of them: " +
			(s.stack ? "--stack (a folder as one stack) is" : "--ensemble (flips and turns averaged) is") + " not " +
			"supported for samples.");
		if (s.channelModels != null && !s.channelModels.isEmpty()) throw new BadInputException("A DivNoising model " +
			"samples one channel: give no other channels' models with --samples.");
	}

	static String denoise(final DenoiseFilesSettings s, final File modelFile, final Task task) {
		final AutoencoderModel model = ModelFile.load(modelFile, AutoencoderModel.DENOISER);
		if (model.divNoising() == null) throw new BadInputException("Samples and a spread come from a DivNoising model " +
			"only; " + modelFile.getName() + " was trained with " + model.trainingMethod().displayName() + ": train " +
			"one with --noisy-method divnoising, or denoise without --samples.");
		final List<File> sources = ImageFiles.expand(s.input);
		final File folder = ImageOutputs.outputFolder(s.output);
		final List<String> done = new ArrayList<>();
		final long t0 = System.nanoTime();
		for (int i = 0; i < sources.size(); i++) {
			final File f = sources.get(i);
			final String name = ImageFiles.baseName(f);
			final File mmse = new File(folder, name + ".tif");
			if (mmse.exists() && mmse.getAbsoluteFile().equals(f.getAbsoluteFile())) throw new BadInputException(
				"Denoising " + f + " into " + folder + " would overwrite it: choose another output folder.");
			final long t = System.nanoTime();
			final ImagePlus image = ImageFiles.open(f);
			final UncertainImages.Result r = UncertainImages.sample(image, model, s.samples, s.keepSamples, s.seed,
				s.tileSize, s.threads, task);
			ImageOutputs.writeTiff(r.mmse, mmse);
			ImageOutputs.writeTiff(r.spread, new File(folder, name + "-spread.tif"));
			if (r.samples != null) ImageOutputs.writeTiff(r.samples, new File(folder, name + "-samples.tif"));
			task.log(String.format(Locale.ROOT, "[%d/%d] %s -> %s, %s-spread.tif%s (%d samples, %.1f s)", i + 1, sources
				.size(), f.getName(), mmse, name, r.samples != null ? ", " + name + "-samples.tif" : "", s.samples, (System
					.nanoTime() - t) / 1e9));
			done.add(name);
		}
		return String.format(Locale.ROOT, "Denoised %d file(s) with %d samples each (MMSE, spread%s) in %.1f s into %s",
			done.size(), s.samples, s.keepSamples ? ", samples" : "", (System.nanoTime() - t0) / 1e9, folder);
	}
}
