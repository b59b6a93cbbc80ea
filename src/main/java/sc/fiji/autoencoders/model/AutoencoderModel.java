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

	public ModelKind kind = ModelKind.DENOISER;
	/** Architecture of a denoiser (null for a VAE). */
	public NetworkSpec network;
	/** Architecture of a VAE (null for a denoiser). */
	public VaeSpec vae;
	public Normalization normalization;
	/** Noise model trained on, as a spec string such as {@code gaussian:25} ({@code none} for Noise2Void and pairs). */
	public String noise = "none";
	/** What a denoiser was trained from (files written before the modes existed: {@link TrainingMode#CLEAN}). */
	public TrainingMode mode = TrainingMode.CLEAN;
	/** The blind-spot masking of a Noise2Void model, or null. */
	public Masking masking;
	/** What the training data were, for people (e.g. "12 noisy planes, 2D"), or null if not recorded. */
	public String data;
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

	public boolean isDenoiser() {
		return kind == ModelKind.DENOISER;
	}

	public boolean isVae() {
		return kind == ModelKind.VAE;
	}

	/**
	 * How a denoiser learned, for people: its mode's description, except for noisy-mode models without masking, which
	 * Neighbor2Neighbor trained.
	 */
	public String trainedFrom() {
		return mode == TrainingMode.NOISY && masking == null ? "Neighbor2Neighbor (noisy images only)" : mode
			.description();
	}

	/** One line for logs and the info command. */
	public String summary() {
		final StringBuilder sb = new StringBuilder();
		sb.append(kind).append(": ").append(isVae() ? vae : network);
		sb.append(", ").append(weights.parameterCount()).append(" parameters");
		if (isDenoiser()) sb.append(mode == TrainingMode.CLEAN ? ", noise " + noise : ", " + trainedFrom());
		sb.append(", trained ").append(history.size()).append(" epochs / ").append(steps).append(" steps");
		return sb.toString();
	}
}
