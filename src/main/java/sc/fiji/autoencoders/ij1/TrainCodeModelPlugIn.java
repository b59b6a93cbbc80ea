package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.CodeModelTrainingSettings;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * What the ImageJ 1 twins of Train Variational Autoencoder and Train Autoencoder for Features share: the dialog (the
 * stack, the model file, then every setting of {@code S}) and the run, with a loss plot whose Stop button keeps the
 * best model.
 *
 * @param <S> the settings class the dialog shows
 */
abstract class TrainCodeModelPlugIn<S extends CodeModelTrainingSettings> extends DialogPlugIn {

	private final String modelFile, lossTitle, lossFormat;

	/**
	 * @param modelFile the model file's default name, in the home folder
	 * @param lossTitle the loss plot's title
	 * @param lossFormat the loss plot's label of the validation loss (a format of one number)
	 */
	TrainCodeModelPlugIn(final String title, final String modelFile, final String lossTitle, final String lossFormat) {
		super(title);
		this.modelFile = modelFile;
		this.lossTitle = lossTitle;
		this.lossFormat = lossFormat;
	}

	/** A new settings object with the defaults, which the dialog shows and fills. */
	abstract S newSettings();


	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Stack of same-size images (every slice is a sample)");
		gd.addFileField(MacroKeys.MODEL_FILE, IJ.getDirectory("home") + modelFile, 30);
		SettingsDialog.add(gd, newSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final S settings = SettingsDialog.read(gd, newSettings());
		final Runnable[] cancel = new Runnable[1];
		final AutoencoderModel m = Autoencoders.trainCodeModel(Collections.singletonList(image), settings, PlugInSupport
			.file(model, "model file"), new LossPlot(lossTitle, lossFormat, () -> cancel[0].run()), c -> cancel[0] = c);
		IJ.log("Saved " + model + ": " + m.summary());
	}
}
