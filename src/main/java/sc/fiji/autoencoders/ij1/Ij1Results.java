package sc.fiji.autoencoders.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import sc.fiji.autoencoders.model.AutoencoderModel;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.op.codes.AnomalyMaps;
import sc.fiji.autoencoders.op.codes.AnomalyResult;
import sc.fiji.autoencoders.op.codes.LatentScatter;
import sc.fiji.autoencoders.predict.Evaluation;

/** What ImageJ shows of an operation's result: images and plots in windows, tables, lines in the Log. */
final class Ij1Results {

	private Ij1Results() {}

	static void show(final Object result, final Object settings, final String title) {
		if (result == null) return;
		if (result instanceof java.io.File) return; // the operation logged what it wrote
		if (result instanceof ImagePlus) PlugInSupport.show((ImagePlus) result);
		else if (result instanceof ResultsTable) ((ResultsTable) result).show(title);
		else if (result instanceof AutoencoderModel) IJ.log("Saved " + Settings.writtenFile(settings) + ": " +
			((AutoencoderModel) result).summary());
		else if (result instanceof LatentScatter) {
			final ImagePlus images = PlugInSupport.firstImage(settings);
			PlugInSupport.show(LatentPlot.of((LatentScatter) result, "Latent space" + (images == null ? "" : " of " +
				images.getTitle())).getImagePlus());
		}
		else if (result instanceof AnomalyMaps) {
			final AnomalyMaps maps = (AnomalyMaps) result;
			maps.scores().show("Anomaly scores");
			for (final AnomalyResult r : maps.results())
				PlugInSupport.show(r.errorMap());
		}
		else if (result instanceof Evaluation) {
			((Evaluation) result).table().show("Denoiser evaluation");
			IJ.log(((Evaluation) result).summary());
		}
		else IJ.log(result.toString());
	}
}
