package sc.fiji.autoencoders.noise;

import java.util.Random;

/**
 * A synthetic corruption applied to clean training images, so that a denoiser learns to undo it. Noise is applied in the
 * image's own intensity units (e.g. 0-255 for 8-bit images), before normalization, so that a spec such as
 * {@code gaussian:25} means the same thing as in the literature. Instances are obtained from {@link NoiseModels#parse}.
 * Implementations are immutable and thread-safe; all randomness comes from the {@link Random} passed in.
 */
public interface NoiseModel {

	/**
	 * Adds noise in place to the values of one patch or image.
	 *
	 * @param values the pixel values in image units; modified in place
	 * @param brightest the intensity the Poisson and salt-and-pepper models treat as the top level (the trainer passes the
	 *          high normalization percentile of the training data)
	 * @param rng source of randomness
	 */
	void apply(float[] values, double brightest, Random rng);

	/** The canonical spec string, which {@link NoiseModels#parse} turns back into an equal model. */
	String spec();
}
