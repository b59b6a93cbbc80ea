package sc.fiji.autoencoders.train;

import java.util.List;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Citation;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.TrainingMode;

/**
 * Registered input/target pairs ({@link TrainingData.Pairs}): CARE with clean targets, Noise2Noise with a second noisy
 * acquisition; the training is the same, and the model file cannot tell which the targets were.
 */
@Plugin(type = TrainingMethod.class, priority = 100)
public final class PairsMethod implements TrainingMethod {

	static final Citation CARE = Citation.doi("Weigert, M. et al. (2018). Content-aware image restoration: pushing " +
		"the limits of fluorescence microscopy. Nature Methods 15, 1090-1097.", "10.1038/s41592-018-0216-7");
	static final Citation NOISE2NOISE = Citation.url("Lehtinen, J. et al. (2018). Noise2Noise: learning image " +
		"restoration without clean data. ICML 2018, PMLR 80, pp. 2965-2974.",
		"https://proceedings.mlr.press/v80/lehtinen18a.html");

	@Override
	public String id() {
		return DenoiserMethods.PAIRS;
	}

	@Override
	public String displayName() {
		return "CARE / Noise2Noise";
	}

	@Override
	public TrainingMode mode() {
		return TrainingMode.PAIRS;
	}

	@Override
	public String description() {
		return TrainingMode.PAIRS.description();
	}

	@Override
	public String validationLabel() {
		return "validation loss";
	}

	@Override
	public String metricLabel() {
		return "validation PSNR %.2f dB (against the targets)";
	}

	@Override
	public String readme(final AutoencoderModel m) {
		return "registered input/target pairs (CARE with clean targets, Noise2Noise with noisy ones)";
	}

	@Override
	public String loss() {
		return "mean squared error";
	}

	@Override
	public List<Citation> citations(final AutoencoderModel m) {
		return List.of(CARE, NOISE2NOISE);
	}

	@Override
	public AbstractTrainer<?> trainer(final TrainingImages inputs, final TrainingImages targets, final NetworkSpec spec,
		final TrainingConfig config, final Options options)
	{
		return DenoiserTrainer.pairs(inputs, targets, spec, config);
	}
}
