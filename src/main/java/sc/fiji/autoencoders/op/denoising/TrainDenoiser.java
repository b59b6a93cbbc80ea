package sc.fiji.autoencoders.op.denoising;

import static sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings.ALL;
import static sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings.CLEAN;
import static sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings.NOISY;
import static sc.fiji.autoencoders.op.denoising.TrainDenoiserSettings.PAIRS;

import java.util.ArrayList;
import java.util.List;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;
import sc.fiji.autoencoders.op.Variant;

/**
 * Trains a denoiser from the data the user has: clean images (noise added from a noise model), noisy images only
 * (Noise2Void, Neighbor2Neighbor) or registered pairs (CARE, Noise2Noise). One menu entry per kind of data, each showing
 * only its options; the command line chooses by the images given.
 */
@Plugin(type = Operation.class, name = "train-denoiser", label = "Train Denoising Autoencoder...", priority = 70,
	menuPath = "Plugins>Autoencoders>Denoise>Train Denoising Autoencoder...",
	description = "Train a denoising autoencoder: on clean images (--clean, noise is added on the fly), on noisy " +
		"images only (--noisy: Noise2Void or Neighbor2Neighbor), or on registered pairs (--input DIR --target DIR, " +
		"CARE / Noise2Noise).",
	attrs = { @Attr(name = "command", value = "TrainDenoisingAutoencoder"), @Attr(name = "output", value = "summary"),
		@Attr(name = "variant", value = ALL) })
public final class TrainDenoiser implements Operation<TrainDenoiserSettings, AutoencoderModel> {

	@Override
	public Class<TrainDenoiserSettings> settingsType() {
		return TrainDenoiserSettings.class;
	}

	@Override
	public List<Variant<TrainDenoiserSettings>> variants() {
		return List.of( //
			new Variant<>(NOISY, "Train Denoiser from Noisy Images...", s -> s.mode = NOISY), //
			new Variant<>(PAIRS, "Train Denoiser from Pairs...", s -> s.mode = PAIRS), //
			new Variant<>(CLEAN, "Train Denoiser from Clean Images...", s -> s.mode = CLEAN), //
			// the one dialog of earlier versions, so that their recorded macros (mode=..., image=...) replay
			new Variant<>(ALL, "Train Denoising Autoencoder...", s -> {}));
	}

	/** The mode the images given imply; exactly one kind of images, agreeing with the mode if one was set. */
	@Override
	public void check(final TrainDenoiserSettings s) {
		// the dialog of every mode (and its macros) names the training images "image": they are the mode's
		final String mode = TrainingMode.parse(s.mode).id();
		if (s.clean != null && s.noisy == null && s.input == null && !mode.equals(CLEAN)) {
			if (mode.equals(NOISY)) s.noisy = s.clean;
			else s.input = s.clean;
			s.clean = null;
		}
		final List<String> given = new ArrayList<>();
		if (s.clean != null) given.add(CLEAN);
		if (s.noisy != null) given.add(NOISY);
		if (s.input != null || s.target != null) given.add(PAIRS);
		if (given.isEmpty()) throw new BadInputException("No training images: give clean images (--clean PATH..., " +
			"noise added), noisy images (--noisy PATH..., noisy images only) or pairs (--input DIR --target DIR).");
		if (given.size() > 1) throw new BadInputException("Give one kind of training images, not " + String.join(" and ",
			given) + ": clean images (--clean), noisy images (--noisy) or inputs with targets (--input with --target).");
		final String implied = given.get(0);
		if (!mode.equals(implied) && !mode.equals(CLEAN)) throw new BadInputException("Mode " + s.mode + " does not " +
			"match the images given (" + implied + "): leave the mode out, the images given choose it.");
		s.mode = implied;
	}

	@Override
	public AutoencoderModel run(final TrainDenoiserSettings s, final Task task) {
		final TrainingMode m = s.trainingMode();
		final List<ImagePlus> images = m == TrainingMode.PAIRS ? s.input : m == TrainingMode.NOISY ? s.noisy : s.clean;
		task.log("Training " + s.describe());
		return Autoencoders.trainDenoiser(images, m == TrainingMode.PAIRS ? s.target : null, s, s.model, task
			.training(), task.cancelHook());
	}
}
