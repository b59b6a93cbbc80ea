package sc.fiji.autoencoders.ij1;

import java.util.Collections;

import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.codes.LatentPlotSettings;

/** Plugins > Autoencoders > Latent Space Plot... (ImageJ 1 twin; recordable): a scatter of the codes. */
public class LatentPlotPlugIn extends DialogPlugIn {

	static final String TITLE = "Latent Space Plot";

	public LatentPlotPlugIn() {
		super(TITLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		PlugInSupport.addImage(gd, "Images to encode (every slice is a point)");
		gd.addFileField(MacroKeys.MODEL_FILE, "", 30);
		SettingsDialog.add(gd, new LatentPlotSettings());
	}

	@Override
	protected void apply(final GenericDialog gd) {
		final ImagePlus image = gd.getNextImage();
		final String model = gd.getNextString();
		final Plot plot = LatentPlot.of(Autoencoders.latentScatter(Collections.singletonList(image), PlugInSupport.file(
			model, "model file"), SettingsDialog.read(gd, new LatentPlotSettings())), "Latent space of " + image.getTitle());
		PlugInSupport.show(plot.getImagePlus());
	}
}
