package sc.fiji.autoencoders.predict;

import java.util.List;

import org.scijava.plugin.SciJavaPlugin;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.DenoiserSpec;
import sc.fiji.autoencoders.model.PluginInstances;

/**
 * How a denoiser of one network family predicts: a SciJava plug-in ({@code @Plugin(type = DenoiserPredictor.class)}),
 * found by the class of the model's {@link DenoiserSpec} ({@link #of}), so that {@link Denoiser} and everything that
 * denoises through it (files, stacks, OME-Zarr blocks, evaluation) serve a new family without being edited.
 * <p>
 * Contract: {@link #type()} is the spec class of exactly one installed predictor; {@link #open} gives the pixels the
 * model files of that family have always given (same seed, same pixels).
 */
public interface DenoiserPredictor extends SciJavaPlugin {

	/** The class of the specs this predicts with (matched by {@code isInstance}). */
	Class<? extends DenoiserSpec> type();

	/**
	 * The model's network on tiles of cores of at most {@code tileSize} a side.
	 *
	 * @param threads TensorFlow threads per operation (0: all cores)
	 */
	TileNetwork open(AutoencoderModel model, int tileSize, int threads);

	/**
	 * New images from the network's prior (the {@code generate} operation), in image units; null when the family has
	 * no prior to sample, and {@code generate} then refuses the denoiser as it refuses any.
	 */
	default List<Plane> generate(final AutoencoderModel model, final int count, final int width, final int height,
		final long seed, final double temperature)
	{
		return null;
	}

	/**
	 * The installed predictor of the denoiser's network.
	 *
	 * @throws IllegalStateException when none is installed for it (a packaging error: a family lacks its predictor)
	 */
	static DenoiserPredictor of(final AutoencoderModel model) {
		for (final DenoiserPredictor p : Installed.ALL)
			if (p.type().isInstance(model.network)) return p;
		throw new IllegalStateException("No predictor is installed for networks of type " + model.network.getClass()
			.getName());
	}

	/** The installed predictors, found once. */
	final class Installed {

		static final List<DenoiserPredictor> ALL = PluginInstances.of(DenoiserPredictor.class, DenoiserPredictor::type);

		private Installed() {}
	}
}
