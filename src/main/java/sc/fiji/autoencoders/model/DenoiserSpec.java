package sc.fiji.autoencoders.model;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The network of a denoiser, of one family: {@link NetworkSpec} (the U-Net and the plain autoencoder) or
 * {@link DivNoisingSpec} (DivNoising's VAE). The generic code (the model file's reader, {@code info}, the tiles'
 * margins, the end of training, the operations' checks) asks a denoiser's network only this, so that a new family of
 * networks is its own classes and these readers are not edited for it.
 * <p>
 * A family also has a part in each layer above, which cannot be named here: a spec.json codec ({@code io}'s
 * {@code DenoiserSpecJson}) and a predictor ({@code predict.DenoiserPredictor}), each a SciJava plug-in found by the
 * class of the spec it handles.
 * <p>
 * Contract: immutable; every text is for people and depends only on the spec and the model given.
 */
public interface DenoiserSpec {

	/** The weights the network needs, by name in its order: the model file's reader refuses any others unread. */
	Map<String, long[]> parameterShapes();

	/** 2 for a network of planes, 3 for one of Z stacks: the blocks it takes and what can score it. */
	default int dims() {
		return 2;
	}

	/** Input (and output) channels, more than 1 for channels trained jointly, which keep one normalization each. */
	default int channels() {
		return 1;
	}

	/**
	 * An upper bound of the XY radius of the pixels one output pixel depends on: the prediction tiles' margin when none
	 * is measured, and the cap of a measured one (a damaged file cannot make tiles huge).
	 */
	int receptiveRadius();

	/** As {@link #receptiveRadius()}, along Z (meaningful for a 3D network only). */
	default int receptiveRadiusZ() {
		return 0;
	}

	/**
	 * Whether training ends by measuring the network's effective receptive field, which then sets the tiles' margins;
	 * false where that measurement does not apply (a sampling network's output is not a fixed function of its input),
	 * so the bound stays the margin (and the family's codec refuses a file recording one). The measurement
	 * ({@code predict.ReceptiveFields}) reads a {@link NetworkSpec}'s size multiples and memory budget, so only that
	 * family may answer true today.
	 */
	boolean measuresReceptiveField();

	/** The family's own lines of {@code info} (key, value), after the patch size: e.g. what sets the tiles' margins. */
	void describe(AutoencoderModel m, BiConsumer<String, String> line);

	/**
	 * Why the bioimage.io export cannot hold this network faithfully, naming what to do instead; null when it can. The
	 * export refuses such a model before writing anything.
	 */
	String exportRefusal();

	/**
	 * What to do with such a denoiser, for the refusal of a command that needs a model with codes (a VAE's), e.g. "use
	 * it with Denoise with Autoencoder".
	 */
	String use();
}
