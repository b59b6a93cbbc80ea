package sc.fiji.autoencoders.op.denoising;

import sc.fiji.autoencoders.op.codes.CodeModels;
import java.util.Locale;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.ModelFile;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.predict.Evaluation;
import sc.fiji.autoencoders.predict.VaeScores;

/** How well a denoiser restores clean images it sees corrupted (or how well a VAE explains images). */
@Plugin(type = Operation.class, name = "evaluate", label = "Evaluate Denoiser...", priority = 50,
	menuPath = "Plugins>Autoencoders>Denoise>Evaluate Denoiser...",
	description = "Add noise to clean images, denoise them, and report PSNR and SSIM of the noisy and denoised images " +
		"(on the 8-bit 0-255 or 16-bit 0-65535 range, results clipped to it); for a VAE, the negative ELBO of images.",
	attrs = { @Attr(name = "command", value = "EvaluateDenoiser"), @Attr(name = "output", value = "results") })
public final class Evaluate implements Operation<EvaluateSettings, Object> {

	@Override
	public Class<EvaluateSettings> settingsType() {
		return EvaluateSettings.class;
	}

	@Override
	public Object run(final EvaluateSettings s, final Task task) {
		if (ModelFile.load(s.model).isVae()) {
			if (s.images == null) throw new BadInputException("Give the images to evaluate the VAE on (--images PATH).");
			final VaeScores v = CodeModels.scoreVae(s.images, s.model, s.seed);
			return String.format(Locale.ROOT, "%d images: negative ELBO: %.2f nats, reconstruction mean absolute error " +
				"%.4g (image units)", v.count, v.negativeElbo, v.meanAbsoluteError);
		}
		if (s.clean == null) throw new BadInputException("Give the clean images to evaluate the denoiser on (--clean " +
			"PATH on the command line).");
		task.log("Evaluating " + s.model.getName());
		final Evaluation ev = Autoencoders.evaluate(s.clean, s.model, s, score -> task.log("  " + score));
		return ev;
	}

	@Override
	public String resultName() {
		return "Denoiser evaluation";
	}
}
