package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.codes.TrainVaeSettings;

/** Plugins > Autoencoders > Train Variational Autoencoder: a convolutional VAE on a stack (every slice a sample). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Train Variational Autoencoder...", visible = false)
public class TrainVariationalAutoencoder extends TrainCodeModel<TrainVaeSettings> {

	@Parameter(label = "Latent dimensions", min = "1", max = "1024")
	private int latent = 16;

	@Parameter(label = "Beta (KL weight)", min = "0")
	private float beta = 1;

	@Parameter(label = "KL warm-up (epochs)", min = "0")
	private int kl_warmup = 0;

	@Parameter(label = "Likelihood", choices = { "bernoulli", "gaussian" })
	private String likelihood = "bernoulli";

	@Parameter(label = "Labels (class-conditional VAE)", choices = { "none", "auto", "slices" })
	private String labels = "none";

	// not persisted: a script that leaves it out must not use the labels of an earlier run
	@Parameter(label = "Labels file (CSV, optional)", required = false, persist = false)
	private File labels_file;

	@Override
	TrainVaeSettings newSettings() {
		return new TrainVaeSettings();
	}
}
