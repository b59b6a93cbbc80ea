package sc.fiji.autoencoders.model;

import sc.fiji.autoencoders.noise.LikelihoodModel;

/**
 * A trained DivNoising VAE: its size, weights, the normalisation of its input (x - mean) / std, in which units its
 * decoder also outputs the signal, and the noise model it was trained with.
 */
public final class DivNoisingModel {

	public final int filters, latent;
	public final Weights weights;
	public final double mean, std;
	public final LikelihoodModel noiseModel;

	public DivNoisingModel(final int filters, final int latent, final Weights weights, final double mean,
		final double std, final LikelihoodModel noiseModel)
	{
		this.filters = filters;
		this.latent = latent;
		this.weights = weights;
		this.mean = mean;
		this.std = std;
		this.noiseModel = noiseModel;
	}
}
