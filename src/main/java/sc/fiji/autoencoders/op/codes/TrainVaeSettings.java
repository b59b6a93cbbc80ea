package sc.fiji.autoencoders.op.codes;

import sc.fiji.autoencoders.op.Setting;
import sc.fiji.autoencoders.op.Settings;
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
	@Setting(label = "Latent dimensions", min = "1", max = "1024", help = "Numbers in the code of each image.")
	public int latent = 16;
	/** Weight of the KL term (1: the true ELBO). */
	@Setting(label = "Beta (KL weight)", min = "0", help = "Weight of the KL term (1: the true ELBO; larger: " +
		"smoother latent space, blurrier images).")
	public float beta = 1;
	/** Epochs over which the KL weight rises linearly to beta (0: none). */
	@Setting(label = "KL warm-up", unit = "epochs", min = "0", advanced = true, help = "Epochs over which the KL " +
		"weight rises linearly to beta (0: none).")
	public int klWarmup = 0;
	@Setting(label = "Likelihood", choices = { VaeSpec.BERNOULLI, VaeSpec.GAUSSIAN }, advanced = true, help =
		"bernoulli (intensities in [0, 1], e.g. 8-bit images) or gaussian.")
	public String likelihood = VaeSpec.BERNOULLI;
	/**
	 * Labels make a class-conditional VAE, which generates images of a chosen class: none (default: an unconditional
	 * VAE), auto (the slice labels if every slice has one; a folder of class subfolders labels each image by its
	 * subfolder) or slices (every slice must have one).
	 */
	@Setting(label = "Labels (class-conditional VAE)", choices = { Labels.NONE, Labels.AUTO, Labels.SLICES }, help =
		"none: an unconditional VAE; auto or slices: a class-conditional VAE on the slice labels (a folder of class " +
			"subfolders labels each image by its subfolder), which generates images of a chosen class.")
	public String labels = Labels.NONE;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	@Setting(label = "Labels file", transientValue = true, advanced = true, help = "A CSV file with a 'label' " +
		"column (and optionally 'image', the 1-based image number) instead of the slice labels.")
	public File labelsFile;
}
