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
	/** Noise model trained on, as a spec string such as {@code gaussian:25}. */
	public String noise = "none";
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

	/** One line for logs and the info command. */
	public String summary() {
		final StringBuilder sb = new StringBuilder();
		sb.append(kind).append(": ").append(isVae() ? vae : network);
		sb.append(", ").append(weights.parameterCount()).append(" parameters");
		if (isDenoiser()) sb.append(", noise ").append(noise);
		sb.append(", trained ").append(history.size()).append(" epochs / ").append(steps).append(" steps");
		return sb.toString();
	}
}
