package sc.fiji.autoencoders.model;


/**
 * A trained model in memory: what the {@code .aemodel} file holds. The network is described by a spec and its
 * weights; the graph is rebuilt from them in Java.
 */
public final class AutoencoderModel {

	/** {@link ModelKind#DENOISER}'s id, a compile-time constant for front ends. */
	public static final String DENOISER = "denoiser";
	/** {@link ModelKind#VAE}'s id. */
	public static final String VAE = "vae";
	/** {@link ModelKind#AUTOENCODER}'s id. */
	public static final String AUTOENCODER = "autoencoder";

	public ModelKind kind = ModelKind.DENOISER;
	/**
	 * The network of a denoiser, of any family ({@link NetworkSpec}: U-Net or plain; {@link DivNoisingSpec}: DivNoising's
	 * VAE); null for a VAE or feature autoencoder.
	 */
	public DenoiserSpec network;
	/** Architecture of a VAE, or of a feature autoencoder (a spec with a regularizer); null for a denoiser. */
	public VaeSpec vae;
	/** Gaussian fitted to the training images' codes at the end of training (VAE, autoencoder), or null. */
	public CodeDistribution codes;
	/** The camera's noise model p(x|s) the model was trained with (DivNoising), or null. */
	public sc.fiji.autoencoders.noise.ChannelNoiseModels noiseModel;
	/** The normalization of the network's input (of its first channel when it has several). */
	public Normalization normalization;
	/**
	 * One normalization per channel of a network of several channels (channels trained jointly), in channel order; null
	 * for a single-channel network (files written before joint channels existed).
	 */
	public java.util.List<Normalization> channelNormalizations;
	/** Noise model trained on, as a spec string such as {@code gaussian:25} ({@code none} for Noise2Void and pairs). */
	public String noise = "none";
	/** What a denoiser was trained from (files written before the modes existed: {@link TrainingMode#CLEAN}). */
	public TrainingMode mode = TrainingMode.CLEAN;
	/**
	 * The id of the {@link DenoiserMethod} that trained a denoiser (null for the other kinds); files written before it
	 * was recorded derive it ({@link DenoiserMethods#derived}).
	 */
	public String method;
	/** The blind-spot masking of a Noise2Void model, or null. */
	public Masking masking;
	/** What the training data were, for people (e.g. "12 noisy planes, 2D"), or null if not recorded. */
	public String data;
	/**
	 * The measured effective receptive field of a denoiser (its prediction tiles' margins), or null: files written
	 * before it was measured, whose tiles keep margins of the worst-case receptive radius.
	 */
	public ReceptiveField receptiveField;
	public int patchSize;
	public TrainingHistory history = new TrainingHistory();
	public Weights weights = new Weights();
	/** Adam moment estimates for resuming, or null. */
	public Weights optimizerState;
	public long steps;
	public float learningRate;
	public long seed;
	/** Training settings as given, for the record (JSON text), or null. */
	public String trainingSettings;
	/** ISO-8601 time the model was last trained. */
	public String created;

	/** The normalization of input channel {@code c} (0-based). */
	public Normalization normalization(final int c) {
		return channelNormalizations == null ? normalization : channelNormalizations.get(c);
	}

	public boolean isDenoiser() {
		return kind == ModelKind.DENOISER;
	}

	/** The denoiser's network if it is a U-Net or plain autoencoder (what their trainers and the export build), or null. */
	public NetworkSpec networkSpec() {
		return network instanceof NetworkSpec ? (NetworkSpec) network : null;
	}

	/** The denoiser's network if it is DivNoising's (what its sampler, trainer and calibration use), or null. */
	public DivNoisingSpec divNoising() {
		return network instanceof DivNoisingSpec ? (DivNoisingSpec) network : null;
	}

	public boolean isVae() {
		return kind == ModelKind.VAE;
	}

	public boolean isAutoencoder() {
		return kind == ModelKind.AUTOENCODER;
	}

	/** True for the kinds that encode images to codes and decode codes (VAE, feature autoencoder). */
	public boolean hasCodes() {
		return kind != ModelKind.DENOISER;
	}

	/** The method that trained this denoiser: the recorded one, or for a model made in memory, the derived one. */
	public DenoiserMethod trainingMethod() {
		return DenoiserMethods.of(method != null ? method : DenoiserMethods.derived(mode, masking));
	}

	/** How a denoiser learned, for people: its method's description, e.g. "Noise2Void (noisy images only)". */
	public String trainedFrom() {
		return trainingMethod().description();
	}

	/** One line for logs and the info command. */
	public String summary() {
		final StringBuilder sb = new StringBuilder();
		sb.append(kind).append(": ").append(hasCodes() ? vae : network);
		sb.append(", ").append(weights.parameterCount()).append(" parameters");
		if (isDenoiser()) sb.append(mode == TrainingMode.CLEAN ? ", noise " + noise : ", " + trainedFrom());
		sb.append(", trained ").append(history.size()).append(" epochs / ").append(steps).append(" steps");
		return sb.toString();
	}
}
