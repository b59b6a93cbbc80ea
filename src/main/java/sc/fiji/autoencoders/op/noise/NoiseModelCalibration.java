package sc.fiji.autoencoders.op.noise;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.io.ImagePlanes;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.NoiseFitOptions;
import sc.fiji.autoencoders.noise.NoiseModelFitting;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.denoising.DenoiseSettings;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;
import sc.fiji.autoencoders.predict.PredictionMonitor;
import sc.fiji.autoencoders.train.TrainingListener;

/**
 * Fits a camera's noise model, channel by channel, from ImageJ images: calibration data (noisy images and their clean
 * counterparts, or stacks of repeated frames whose average is the signal), or noisy images alone, bootstrapped with a
 * Noise2Void prediction as the pseudo-signal (PN2V). The front ends' {@code noise-model} command calls these.
 */
public final class NoiseModelCalibration {

	private NoiseModelCalibration() {}

	/**
	 * Noisy images and the clean images they observe: {@code clean.get(i)} for {@code noisy.get(i)}, or the one clean
	 * image for all. Within an image pair, each noisy plane of a channel observes the clean plane at the same position,
	 * or the clean image's only plane of that channel (a stack of frames and their average).
	 *
	 * @throws BadInputException if the images do not pair up in channels, planes or size
	 */
	public static ChannelNoiseModels fromCalibration(final List<ImagePlus> noisy, final List<ImagePlus> clean,
		final NoiseFitOptions options)
	{
		if (noisy == null || noisy.isEmpty()) throw new BadInputException("No noisy images: give the noisy " +
			"calibration images (or a stack of repeated frames).");
		if (clean == null || clean.isEmpty()) throw new BadInputException("No clean images: give the clean image of " +
			"each noisy image (or their average), or fit from the noisy images alone (bootstrap).");
		if (clean.size() != 1 && clean.size() != noisy.size()) throw new BadInputException("There are " + noisy.size() +
			" noisy images but " + clean.size() + " clean ones: give one clean image per noisy image, or one for all.");
		final int channels = channels(noisy, clean);
		final List<ChannelNoiseModels.Channel> fitted = new ArrayList<>();
		for (int c = 1; c <= channels; c++) {
			final List<float[]> x = new ArrayList<>(), s = new ArrayList<>();
			for (int i = 0; i < noisy.size(); i++) {
				final ImagePlus n = noisy.get(i), t = clean.get(clean.size() == 1 ? 0 : i);
				final List<Plane> np = ImagePlanes.planesOfChannel(n, c), tp = ImagePlanes.planesOfChannel(t, c);
				if (tp.size() != 1 && tp.size() != np.size()) throw new BadInputException("Clean image '" + t.getTitle() +
					"' has " + tp.size() + " planes per channel but noisy image '" + n.getTitle() + "' has " + np.size() +
					": give one clean plane per noisy plane, or one clean plane (their average).");
				for (int p = 0; p < np.size(); p++) {
					x.add(np.get(p).pixels());
					s.add(tp.get(tp.size() == 1 ? 0 : p).pixels());
				}
			}
			fitted.add(NoiseModelFitting.fit(x, s, options));
		}
		return new ChannelNoiseModels(fitted);
	}

	/**
	 * Stacks of repeated frames of a still scene (per channel, every plane the same scene): the average of each stack's
	 * planes is the signal its frames observe. With N frames, x minus the average has (1 - 1/N) of the noise's variance.
	 */
	public static ChannelNoiseModels fromFrames(final List<ImagePlus> stacks, final NoiseFitOptions options) {
		final List<ImagePlus> averages = new ArrayList<>();
		for (final ImagePlus imp : stacks) {
			if (imp.getStackSize() / imp.getNChannels() < 2) throw new BadInputException("Image '" + imp.getTitle() +
				"' has one frame per channel: give a stack of repeated frames of a still scene, or the clean images.");
			final List<Plane> averaged = new ArrayList<>();
			for (int c = 1; c <= imp.getNChannels(); c++)
				averaged.add(average(ImagePlanes.planesOfChannel(imp, c)));
			averages.add(ImagePlanes.toImagePlus(imp.getTitle() + " (average)", averaged, imp.getNChannels(), 1, 1));
		}
		return fromCalibration(stacks, averages, options);
	}

	/**
	 * PN2V's bootstrap from noisy images alone: trains a Noise2Void denoiser on them (the settings' mode must be
	 * {@code noisy}), denoises them with it, and fits the noise model with the prediction as the signal. The prediction
	 * is smoother than the truth, so the fitted noise is a little wider than calibration data would give.
	 *
	 * @param model where to keep the Noise2Void model, or null for a temporary file deleted afterwards
	 * @param listener training progress, or null
	 */
	public static ChannelNoiseModels bootstrap(final List<ImagePlus> noisy, final TrainDenoiserSettings noise2Void,
		final File model, final TrainingListener listener, final NoiseFitOptions options)
	{
		if (!"noisy".equals(noise2Void.mode)) throw new BadInputException("Bootstrapping a noise model trains on the " +
			"noisy images alone: use mode noisy, not '" + noise2Void.mode + "'.");
		File out = model, tmpDir = null;
		try {
			if (out == null) {
				tmpDir = Files.createTempDirectory("noise-model-").toFile();
				out = new File(tmpDir, "noise2void.aemodel");
			}
			Autoencoders.trainDenoiser(noisy, noise2Void, out, listener, null);
			final List<ImagePlus> signal = new ArrayList<>();
			for (final ImagePlus imp : noisy)
				signal.add(Autoencoders.denoise(imp, out, new DenoiseSettings(), PredictionMonitor.NONE));
			return fromCalibration(noisy, signal, options);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot create a temporary file for the Noise2Void model (" + e.getMessage() +
				"): give a file to keep it in.", e);
		}
		finally {
			if (tmpDir != null) {
				out.delete();
				tmpDir.delete();
			}
		}
	}

	private static int channels(final List<ImagePlus> noisy, final List<ImagePlus> clean) {
		final int channels = noisy.get(0).getNChannels();
		for (final List<ImagePlus> list : List.of(noisy, clean))
			for (final ImagePlus imp : list)
				if (imp.getNChannels() != channels) throw new BadInputException("Image '" + imp.getTitle() + "' has " + imp
					.getNChannels() + " channel" + (imp.getNChannels() == 1 ? "" : "s") + " but '" + noisy.get(0)
						.getTitle() + "' has " + channels + ": a noise model is fitted per channel on images of the same " +
					"channels.");
		return channels;
	}

	private static Plane average(final List<Plane> planes) {
		final Plane first = planes.get(0);
		final float[] sum = new float[first.pixels().length];
		for (final Plane p : planes) {
			final float[] v = p.pixels();
			for (int i = 0; i < sum.length; i++)
				sum[i] += v[i] / planes.size();
		}
		return new Plane(first.width(), first.height(), sum);
	}
}
