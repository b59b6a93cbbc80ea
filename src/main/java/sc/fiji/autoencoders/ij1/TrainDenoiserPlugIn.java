package sc.fiji.autoencoders.ij1;

import java.util.Collections;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.TrainDenoiserSettings;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.model.TrainingMode;
import sc.fiji.autoencoders.train.TrainingMethod;

/**
 * Plugins > Autoencoders > Train Denoising Autoencoder... (ImageJ 1 twin of the SciJava command; recordable). The
 * image is clean (mode clean: noise is added), noisy (mode noisy: Noise2Void) or the input of a pair whose target is
 * the image chosen as {@code target} (mode pairs). A recorded line reads, e.g.,
 * {@code run("Train Denoising Autoencoder...", "image=raw.tif target=none model_file=[/m.aemodel] mode=noisy ...")}.
 */
public class TrainDenoiserPlugIn extends DialogPlugIn {

	static final String TITLE = "Train Denoising Autoencoder";
	/** The target choice that means "no target" (modes clean and noisy). */
	static final String NO_TARGET = "none";

	public TrainDenoiserPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Training image or stack (every plane is a training image)");
		final String[] titles = WindowManager.getImageTitles();
		final String[] targets = new String[titles.length + 1];
		targets[0] = NO_TARGET;
		System.arraycopy(titles, 0, targets, 1, titles.length);
		gd.addChoice(MacroKeys.TARGET, targets, NO_TARGET);
		gd.addFileField(MacroKeys.MODEL_FILE, IJ.getDirectory("home") + "denoiser.aemodel", 30);
		SettingsDialog.add(gd, new TrainDenoiserSettings());
		gd.addMessage("mode: clean = clean images, the noise below is added; noisy = noisy images only (Noise2Void,\n" +
			"N2V2; structn2v for noise correlated along x or y); pairs = image is the input, target its clean or\n" +
			"second noisy acquisition (same size). Noise: gaussian:SIGMA, gaussian:LO-HI, poisson:PEAK,\n" +
			"poisson-gaussian:PEAK,SIGMA, saltpepper:FRACTION (image intensity units). channels (with channel 0):\n" +
			"pooled = one single-channel network for every channel; joint = the channels are one network's inputs.\n" +
			"dims 3: a 3D network on Z stacks, in every mode. Esc stops, keeping the best model.");
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String targetTitle = gd.getNextChoice();
		final String model = gd.getNextString();
		final TrainDenoiserSettings settings = SettingsDialog.read(gd, new TrainDenoiserSettings());
		final TrainingMode mode = settings.trainingMode();
		List<ImagePlus> targets = null;
		if (mode == TrainingMode.PAIRS) {
			if (NO_TARGET.equals(targetTitle)) throw new BadInputException("Mode pairs needs a target image: open the " +
				"clean (or second noisy) image of the same scene and choose it as target.");
			final ImagePlus target = WindowManager.getImage(targetTitle);
			if (target == null) throw new BadInputException("No open image is titled '" + targetTitle + "': open the " +
				"target image first.");
			targets = Collections.singletonList(target);
		}
		final Runnable[] cancel = new Runnable[1];
		// the method's names: a Neighbor2Neighbor run plotted as "masked validation" misnamed its loss
		final TrainingMethod method = settings.method();
		final String validation = method.validationLabel();
		final AutoencoderModel m = Autoencoders.trainDenoiser(Collections.singletonList(image), targets, settings,
			PlugInSupport.file(model, "model file"), new LossPlot("Denoiser", method.metricLabel() != null ? method
				.metricLabel() : validation + " %.5g", validation.replaceAll(" loss$", ""), () -> cancel[0].run()),
			c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
