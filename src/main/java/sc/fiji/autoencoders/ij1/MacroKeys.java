package sc.fiji.autoencoders.ij1;

/**
 * The option keys of the ImageJ 1 commands, as they appear in recorded macros, e.g.
 * {@code run("Denoise with Autoencoder...", "image=noisy.tif model_file=[/data/m.aemodel] tile_size=1024");}. The SciJava
 * commands use the same names for their parameters.
 */
public final class MacroKeys {

	/** Title of an open image; default: the active image. */
	public static final String IMAGE = "image";
	/** Path of a model file to read or write. */
	public static final String MODEL_FILE = "model_file";
	/** Title of the open target image of a training pair, or {@code none}. */
	public static final String TARGET = "target";
	/** Comma-separated model files for channels 2, 3, ... (denoising). */
	public static final String CHANNEL_MODELS = "channel_models";
	public static final String TILE_SIZE = "tile_size";
	/** Channel to train on (1, 2, ...), 0 for all channels together. */
	public static final String CHANNEL = "channel";
	/** Noise spec such as gaussian:25. */
	public static final String NOISE = "noise";
	public static final String MINUTES = "minutes";
	public static final String EPOCHS = "epochs";
	public static final String PATCH_SIZE = "patch_size";
	public static final String BATCH_SIZE = "batch_size";
	public static final String DEPTH = "depth";
	public static final String FILTERS = "filters";
	public static final String ARCHITECTURE = "architecture";
	public static final String SEED = "seed";
	/** Model file to continue training from (empty: a new model). */
	public static final String RESUME_FROM = "resume_from";
	public static final String LATENT = "latent";
	public static final String BETA = "beta";
	public static final String KL_WARMUP = "kl_warmup";
	public static final String LIKELIHOOD = "likelihood";
	public static final String COUNT = "count";
	public static final String TEMPERATURE = "temperature";
	public static final String FROM_SLICE = "from_slice";
	public static final String TO_SLICE = "to_slice";
	public static final String STEPS = "steps";
	public static final String DIM_I = "dim_i";
	public static final String DIM_J = "dim_j";
	public static final String RANGE = "range";
	public static final String GRID = "grid";

	private MacroKeys() {}
}
