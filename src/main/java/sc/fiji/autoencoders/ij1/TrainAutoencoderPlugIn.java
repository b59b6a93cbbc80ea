package sc.fiji.autoencoders.ij1;

import sc.fiji.autoencoders.op.codes.TrainAutoencoderSettings;

/** Plugins > Autoencoders > Train Autoencoder for Features... (ImageJ 1 twin; recordable). */
public class TrainAutoencoderPlugIn extends TrainCodeModelPlugIn<TrainAutoencoderSettings> {

	static final String TITLE = "Train Autoencoder for Features";

	public TrainAutoencoderPlugIn() {
		super(TITLE, "autoencoder.aemodel", "Autoencoder", "squared error %.3f per image");
	}

	@Override
	TrainAutoencoderSettings newSettings() {
		return new TrainAutoencoderSettings();
	}
}
