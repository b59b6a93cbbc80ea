package sc.fiji.autoencoders;

import java.io.File;

import sc.fiji.autoencoders.io.Labels;
import sc.fiji.autoencoders.model.VaeSpec;

/**
 * Settings of a VAE training run, with the defaults every front end shows (names: {@link Settings}). Batch 64 at
 * learning rate 3e-3 (the defaults of {@link CodeModelTrainingSettings}) reached a Fashion-MNIST test negative ELBO
 * of 243.9 nats in 10 epochs, against 250.1 for batch 128 at 1e-3 (docs/BENCHMARKS.md).
 */
public final class TrainVaeSettings extends CodeModelTrainingSettings {

	/** Latent dimensions. */
	public int latent = 16;
	/** Weight of the KL term (1: the true ELBO). */
	public float beta = 1;
	/** Epochs over which the KL weight rises linearly to beta (0: none). */
	public int klWarmup = 0;
	@Choices({ VaeSpec.BERNOULLI, VaeSpec.GAUSSIAN })
	public String likelihood = VaeSpec.BERNOULLI;
	/**
	 * Labels make a class-conditional VAE, which generates images of a chosen class: none (default: an unconditional
	 * VAE), auto (the slice labels if every slice has one; a folder of class subfolders labels each image by its
	 * subfolder) or slices (every slice must have one).
	 */
	@Choices({ Labels.NONE, Labels.AUTO, Labels.SLICES })
	public String labels = Labels.NONE;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	public File labelsFile;
}
