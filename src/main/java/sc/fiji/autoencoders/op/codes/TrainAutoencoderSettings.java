package sc.fiji.autoencoders.op.codes;

import sc.fiji.autoencoders.op.Setting;

import sc.fiji.autoencoders.op.Settings;

/**
 * Settings of a feature autoencoder's training run (names in each front end: {@link Settings}): a convolutional
 * autoencoder with a code of {@link #code} numbers and a regularizer; the network and training loop settings are
 * the VAE's ({@link CodeModelTrainingSettings}).
 */
public final class TrainAutoencoderSettings extends CodeModelTrainingSettings {

	/** Numbers in the code of each image. */
	@Setting(label = "Code size", min = "1", max = "1024", help = "Numbers in the code of each image.")
	public int code = 16;
	/**
	 * none, sparse (L1 on a soft-threshold code, each unit weighed by its decoder weights' norm), contractive (encoder
	 * Jacobian norm) or linear (no non-linearity: PCA).
	 */
	@Setting(label = "Regularizer", choices = { "none", "sparse", "contractive", "linear" }, help = "none; sparse " +
		"(L1 on a soft-threshold code, each unit weighed by its decoder weights' norm); contractive (the encoder's " +
		"Jacobian norm); linear (one dense layer each way without activation: the PCA baseline).")
	public String regularizer = "none";
	/** Weight of the sparse or contractive penalty against the squared error per image (ignored otherwise). */
	@Setting(label = "Penalty weight", min = "0", help = "Weight of the sparse or contractive penalty against the " +
		"squared error per image (ignored otherwise).")
	public float weight = 0.01f;
	/**
	 * What the encoder sees while training, the loss being against the clean image: none, mask:F (a fraction F of
	 * patches hidden: a masked autoencoder), pixels:F (a fraction F of pixels hidden) or noise:S (Gaussian noise of
	 * standard deviation S in [0, 1] units added: a denoising autoencoder).
	 */
	@Setting(label = "Corruption while training", advanced = true, help = "What the encoder sees while training, " +
		"the loss being against the clean image: none, mask:F (a fraction F of square patches hidden: a masked " +
		"autoencoder), pixels:F (a fraction F of pixels hidden) or noise:S (Gaussian noise of standard deviation S in " +
		"[0, 1] units: a denoising autoencoder).")
	public String corruption = "none";
}
