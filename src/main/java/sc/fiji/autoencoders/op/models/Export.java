package sc.fiji.autoencoders.op.models;

import java.io.File;

import org.scijava.plugin.Attr;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.op.Operation;
import sc.fiji.autoencoders.op.Task;

/** A denoiser as a bioimage.io model package, for deepImageJ and the BioImage Model Zoo. */
@Plugin(type = Operation.class, name = "export", label = "Export to BioImage Model Zoo...", priority = 0,
	menuPath = "Plugins>Autoencoders>Models>Export to BioImage Model Zoo...",
	description = "Export a denoiser as a bioimage.io model package (format 0.5, TensorFlow SavedModel weights) for " +
		"deepImageJ and the BioImage Model Zoo; the zip also works as a model file for denoise.",
	attrs = { @Attr(name = "command", value = "ExportToBioImageIo"), @Attr(name = "output", value = "written") })
public final class Export implements Operation<ExportSettings, File> {

	@Override
	public Class<ExportSettings> settingsType() {
		return ExportSettings.class;
	}

	@Override
	public File run(final ExportSettings settings, final Task task) {
		final File zip = Autoencoders.export(settings);
		task.log("Wrote " + zip + " (bioimage.io model, format 0.5; use it in deepImageJ, or as the model of denoise)");
		return zip;
	}
}
