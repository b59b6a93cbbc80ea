package sc.fiji.autoencoders.op.codes;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** Where images fall in latent space: two coordinates per image, with its class. */
@Plugin(type = Operation.class, name = "latent-plot", label = "Latent Space Plot...", priority = 10,
	menuPath = "Plugins>Autoencoders>Generate and Codes>Latent Space Plot...",
	description = "Scatter plot of the codes of images (first two principal components, or two code dimensions), " +
		"coloured by class.",
	attrs = { @Attr(name = "command", value = "LatentSpacePlot"), @Attr(name = "output", value = "plot") })
public final class LatentPlot implements Operation<LatentPlotSettings, LatentScatter> {

	@Override
	public Class<LatentPlotSettings> settingsType() {
		return LatentPlotSettings.class;
	}

	@Override
	public LatentScatter run(final LatentPlotSettings settings, final Task task) {
		return CodeModels.latentScatter(settings.input, settings.model, settings);
	}
}
