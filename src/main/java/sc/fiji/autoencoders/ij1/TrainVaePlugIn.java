package sc.fiji.autoencoders.ij1;

import sc.fiji.autoencoders.op.codes.TrainVaeSettings;

/** Plugins > Autoencoders > Train Variational Autoencoder... (ImageJ 1 twin; recordable). */
public class TrainVaePlugIn extends TrainCodeModelPlugIn<TrainVaeSettings> {

	static final String TITLE = "Train Variational Autoencoder";

	public TrainVaePlugIn() {
		super(TITLE, "vae.aemodel", "VAE", "negative ELBO %.2f nats");
	}

	@Override
	TrainVaeSettings newSettings() {
		return new TrainVaeSettings();
	}
}
