package sc.fiji.autoencoders.op.noise;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.NoiseModelFile;
import sc.fiji.autoencoders.io.ImageOutputs;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.LikelihoodModels;
import sc.fiji.autoencoders.noise.NoiseFitOptions;
import sc.fiji.autoencoders.noise.NoisePlotData;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Plots;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings;

/**
 * A camera's noise p(x | s) as a model file: fitted from calibration data (noisy images and their clean images, or
 * stacks of repeated frames), bootstrapped from noisy images alone (a Noise2Void prediction as the signal), or given
 * by a spec. Returns the model; the noise curve is drawn into {@code plot} on request.
 */
@Plugin(type = Operation.class, name = "noise-model", label = "Fit Camera Noise Model...", priority = 5,
	menuPath = "Plugins>Autoencoders>Models>Fit Camera Noise Model...",
	description = "Characterise a camera's noise p(x | s) from calibration images (noisy and clean, or repeated " +
		"frames) or from noisy images alone, and write it as a noise model file (.aenoise) with its description.")
public final class NoiseModel implements Operation<NoiseModelSettings, ChannelNoiseModels> {

	@Override
	public Class<NoiseModelSettings> settingsType() {
		return NoiseModelSettings.class;
	}

	@Override
	public void check(final NoiseModelSettings s) {
		if (s.spec.trim().isEmpty() && (s.input == null || s.input.isEmpty())) throw new BadInputException("No noisy " +
			"images: give the calibration images (--input), or a spec (gaussian:S or poisson-gaussian:A,B).");
		if (s.frames && s.target != null) throw new BadInputException("Give clean images or frames, not both: with " +
			"frames, the average of each stack is its clean image.");
	}

	@Override
	public ChannelNoiseModels run(final NoiseModelSettings s, final Task task) {
		final NoiseFitOptions options = new NoiseFitOptions();
		options.kind = NoiseFitOptions.Kind.of(s.kind);
		final ChannelNoiseModels models;
		if (!s.spec.trim().isEmpty()) models = ChannelNoiseModels.of(LikelihoodModels.parse(s.spec));
		else if (s.target != null) models = NoiseModelCalibration.fromCalibration(s.input, s.target, options.validate());
		else if (s.frames) models = NoiseModelCalibration.fromFrames(s.input, options.validate());
		else {
			final TrainDenoiserSettings n2v = new TrainDenoiserSettings();
			n2v.mode = TrainDenoiserSettings.NOISY;
			n2v.minutes = s.minutes;
			task.log("No clean images: bootstrapping from a Noise2Void prediction (" + s.minutes + " min)");
			models = NoiseModelCalibration.bootstrap(s.input, n2v, null, task.training(), options.validate());
		}
		NoiseModelFile.save(models, s.model);
		if (s.plot != null) ImageOutputs.writePng(Plots.noise(NoisePlotData.of(models.channel(0), 255)).getImagePlus(),
			s.plot);
		return models;
	}
}
