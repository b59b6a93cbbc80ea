package sc.fiji.autoencoders.train;

import java.util.List;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Citation;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.noise.NoiseModels;

/**
 * Clean images, corrupted on the fly by the noise model of option {@code noise} ({@link TrainingData.CleanWithNoise}).
 */
@Plugin(type = TrainingMethod.class, priority = 400)
public final class CleanMethod implements TrainingMethod {

	static final Citation DNCNN = Citation.doi("Zhang, K., Zuo, W., Chen, Y., Meng, D. and Zhang, L. (2017). Beyond " +
		"a Gaussian denoiser: residual learning of deep CNN for image denoising. IEEE Transactions on Image Processing " +
		"26(7), 3142-3155.", "10.1109/TIP.2017.2662206");

	@Override
	public String id() {
		return DenoiserMethods.CLEAN;
	}

	@Override
	public String displayName() {
		return "Clean images with a noise model";
	}

	@Override
	public TrainingMode mode() {
		return TrainingMode.CLEAN;
	}

	@Override
	public String description() {
		return TrainingMode.CLEAN.description();
	}

	@Override
	public String validationLabel() {
		return "validation loss";
	}

	@Override
	public String metricLabel() {
		return "validation PSNR %.2f dB";
	}

	@Override
	public String readme(final AutoencoderModel m) {
		return "clean images with " + m.noise + " noise added on the fly";
	}

	@Override
	public String loss() {
		return "mean squared error";
	}

	/** DnCNN's residual learning, the one idea of the method beyond the U-Net, when the network used it. */
	@Override
	public List<Citation> citations(final AutoencoderModel m) {
		return m.networkSpec().residual() ? List.of(DNCNN) : List.of();
	}

	@Override
	public AbstractTrainer<?> trainer(final TrainingImages inputs, final TrainingImages targets, final NetworkSpec spec,
		final TrainingConfig config, final Options options)
	{
		return DenoiserTrainer.clean(inputs, NoiseModels.parse(options.text("noise")), spec, config);
	}
}
