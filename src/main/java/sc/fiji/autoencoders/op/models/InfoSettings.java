package sc.fiji.autoencoders.op.models;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;

/** Which model file to describe. */
public final class InfoSettings {

	@Setting(label = "Model file", required = true, aliases = "model_file", help = "Any model file of this plugin " +
		"(.aemodel), or a package written by export.")
	public File model;
}
