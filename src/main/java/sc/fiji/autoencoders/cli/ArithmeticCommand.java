package sc.fiji.autoencoders.cli;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.LatentArithmeticSettings;
import sc.fiji.autoencoders.Settings;
import sc.fiji.autoencoders.io.ImageFiles;

/** {@code fiji-ae arithmetic}: decodes code(A) + strength (mean code(B) - mean code(C)); options are {@link LatentArithmeticSettings}. */
@Command(name = "arithmetic", mixinStandardHelpOptions = true,
	description = "Latent arithmetic with a VAE or autoencoder: decodes code(A) + S (mean code(B) - mean code(C)) for " +
		"every image A, e.g. to add a phenotype (B: with it, C: without it). TIFF stack, or a PNG row if FILE ends in .png.")
final class ArithmeticCommand implements Callable<Integer> {

	@Option(names = "--model", required = true, paramLabel = "MODEL") File model;
	@Option(names = "--image", required = true, paramLabel = "PATH", description = "Images to change (A).") File image;
	@Option(names = "--add", required = true, arity = "1..*", paramLabel = "PATH", description = "Images whose mean code is added (B).") List<File> add;
	@Option(names = "--subtract", required = true, arity = "1..*", paramLabel = "PATH", description = "Images whose mean code is subtracted (C).") List<File> subtract;
	@Option(names = "--strength", defaultValue = "1", description = "S (default ${DEFAULT-VALUE}; 0 reconstructs A).") double strength;
	@Option(names = "--output", required = true, paramLabel = "FILE") File output;

	@Override
	public Integer call() {
		final var result = Autoencoders.arithmetic(ImageFiles.openAll(List.of(image)).get(0), ImageFiles.openAll(add),
			ImageFiles.openAll(subtract), model, Settings.copy(this, new LatentArithmeticSettings()));
		VaeOutputs.write(result, output, Math.max(1, result.getStackSize()));
		System.out.println("Wrote " + result.getStackSize() + " images to " + output);
		return Main.OK;
	}
}
