package sc.fiji.autoencoders.ij1;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.LatentArithmeticSettings;

/** Plugins > Autoencoders > Latent Arithmetic... (ImageJ 1 twin; recordable): decodes code(A) + mean(B) - mean(C). */
public class LatentArithmeticPlugIn extends DialogPlugIn {

	static final String TITLE = "Latent Arithmetic";

	public LatentArithmeticPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Images to change (every slice)");
		final ImagePlus active = WindowManager.getCurrentImage();
		gd.addImageChoice("add", active != null ? active.getTitle() : null);
		gd.addImageChoice("subtract", active != null ? active.getTitle() : null);
		gd.setInsets(0, 20, 5);
		gd.addMessage("Adds strength x (mean code of 'add' - mean code of 'subtract') to each image's code");
		gd.addFileField(MacroKeys.MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new LatentArithmeticSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage(), add = gd.getNextImage(), subtract = gd.getNextImage();
		final String model = gd.getNextString();
		PlugInSupport.show(Autoencoders.arithmetic(image, add, subtract, PlugInSupport.file(model, "model file"),
			SettingsDialog.read(gd, new LatentArithmeticSettings())));
	}
}
