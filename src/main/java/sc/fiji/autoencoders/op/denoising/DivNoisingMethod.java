package sc.fiji.autoencoders.op.denoising;

import java.util.List;

import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.NoiseModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.Citation;
import sc.fiji.autoencoders.model.DenoiserMethods;
import sc.fiji.autoencoders.model.DivNoisingSpec;
import sc.fiji.autoencoders.model.NetworkSpec;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.train.AbstractTrainer;
import sc.fiji.autoencoders.train.DivNoisingTraining;
import sc.fiji.autoencoders.train.TrainingConfig;
import sc.fiji.autoencoders.train.TrainingImages;
import sc.fiji.autoencoders.train.TrainingMethod;

/**
 * DivNoising ({@link DivNoisingTraining}): a variational autoencoder trained on noisy images alone whose posterior
 * samples are plausible clean images; their mean is the denoised image, their spread a per-pixel uncertainty. It lives
 * here, not in {@code train/}, because its noise model may be a file ({@code noiseModel}), which only {@code io/} reads.
 * Single-channel 2D networks.
 */
@Plugin(type = TrainingMethod.class, priority = 150)
public final class DivNoisingMethod implements TrainingMethod {

	static final Citation DIVNOISING = Citation.doi("Prakash, M., Krull, A. and Jug, F. (2021). Fully unsupervised " +
		"diversity denoising with convolutional variational autoencoders. ICLR 2021.", "10.48550/arXiv.2006.06072");

	/**
	 * Share of the run over which the KL weight rises to 1: DivNoisingTraining's 0.2 unless the system property
	 * {@code fijiae.divnoising.klwarmup} says otherwise (a benchmark knob, issue 27).
	 */
	static final double KL_WARMUP = Double.parseDouble(System.getProperty("fijiae.divnoising.klwarmup", "0.2"));

	/** The learning rate every method starts from unless told otherwise (the settings' and TrainingConfig's default). */
	static final float GENERIC_LEARNING_RATE = new TrainingConfig().learningRate;
	/**
	 * DivNoising's learning rate when the settings leave the generic default (0.001), unless the system property
	 * {@code fijiae.divnoising.lr} says otherwise: the small VAE learns much faster with a larger rate. W2S fields
	 * 041-042, bootstrapped noise model, MMSE of 16 on centre crops, 2,000 steps (issue 27, docs/BENCHMARKS.md): 0.001
	 * 24.51 dB, 0.003 26.26 dB, 0.01 27.65 dB (5,000 steps at 0.001: 26.51 dB). The bootstrap's Noise2Void keeps the
	 * settings' rate.
	 */
	public static final float LEARNING_RATE = Float.parseFloat(System.getProperty("fijiae.divnoising.lr", "0.01"));

	@Override
	public String id() {
		return DivNoisingSpec.METHOD;
	}

	@Override
	public String displayName() {
		return "DivNoising";
	}

	@Override
	public TrainingMode mode() {
		return TrainingMode.NOISY;
	}

	@Override
	public String description() {
		return "DivNoising (noisy images only; samples, MMSE and per-pixel spread)";
	}

	@Override
	public String advice() {
		return "a variational autoencoder with the camera's noise model, whose samples give the denoised image and a " +
			"per-pixel uncertainty (single-channel planes)";
	}

	@Override
	public String validationLabel() {
		return "validation -ELBO";
	}

	@Override
	public String metricLabel() {
		return null;
	}

	@Override
	public String readme(final AutoencoderModel m) {
		return "noisy images only (DivNoising: a variational autoencoder whose reconstruction term is the camera's " +
			"noise model; its posterior samples are plausible clean images, their mean the denoised image)";
	}

	@Override
	public String loss() {
		return "negative evidence lower bound: -ln p(noisy | signal) under the camera's noise model plus the latent's " +
			"KL divergence (weight rising from 0 to 1 over the first fifth of training)";
	}

	@Override
	public List<Citation> citations(final AutoencoderModel m) {
		return List.of(DIVNOISING);
	}

	@Override
	public void check(final Options options) {
		final boolean threeD = options.number("dims") == 3, joint = "joint".equals(options.text("channels"));
		if (threeD || joint) throw new BadInputException("DivNoising trains 2D networks of one channel: for " + (threeD
			? "a 3D network" : "channels trained jointly") + " choose noisy method " + DenoiserMethods.NOISE2VOID +
			", or train DivNoising with dims 2 on one channel.");
	}

	/** DivNoising trains its own network, not the U-Net the settings describe (only their filters). */
	@Override
	public NetworkSpec network(final NetworkSpec spec, final Options options) {
		return spec;
	}

	@Override
	public AbstractTrainer<?> trainer(final TrainingImages inputs, final TrainingImages targets, final NetworkSpec spec,
		final TrainingConfig config, final Options options)
	{
		final String nm = options.text("noiseModel").trim();
		final ChannelNoiseModels noise = nm.isEmpty() || "null".equals(nm) ? null : NoiseModelFile.resolve(nm);
		final TrainingConfig c = config.copy();
		if (c.learningRate == GENERIC_LEARNING_RATE) c.learningRate = LEARNING_RATE;
		return new DivNoisingTraining(inputs, noise, new DivNoisingSpec((int) options.number("filters"),
			DivNoisingSpec.NEW_LATENT, DivNoisingSpec.NEW_CONVS, 1, 1).validate(), c).klWarmup(KL_WARMUP)
			.bootstrapLearningRate(config.learningRate);
	}
}
