package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.ModelDescription;

/** {@code fiji-ae info}: what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a model file.")
final class InfoCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file (.aemodel).")
	File model;

	@Override
	public Integer call() {
		final AutoencoderModel m = ModelFile.load(model);
		System.out.println(model + ":");
		System.out.print(ModelDescription.describe(m));
		return Main.OK;
	}
}
