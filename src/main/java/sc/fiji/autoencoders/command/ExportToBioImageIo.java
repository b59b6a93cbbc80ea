package sc.fiji.autoencoders.command;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.models.ExportSettings;
import sc.fiji.autoencoders.op.Settings;
import sc.fiji.autoencoders.engine.Engine;

/** Plugins > Autoencoders > Export to BioImage Model Zoo: a denoiser as a bioimage.io package (deepImageJ). */
@Plugin(type = Command.class, menuPath = "Plugins>Autoencoders>Export to BioImage Model Zoo...", visible = false)
public class ExportToBioImageIo extends ContextCommand {

	@Parameter(label = "Denoiser model file")
	private File model;

	@Parameter(label = "Package to write (.zip)", style = "save")
	private File output;

	@Parameter(label = "Sample image (empty: synthetic)", required = false)
	private File sample;

	@Parameter(label = "Name (empty: the file's)", required = false)
	private String name = "";

	@Parameter(label = "Description (empty: generated)", required = false)
	private String description = "";

	@Parameter(label = "Authors (comma-separated)", required = false)
	private String authors = "";

	@Parameter(label = "License (SPDX id)")
	private String license = "CC-BY-4.0";

	@Parameter(label = "Extra tags (comma-separated)", required = false)
	private String tags = "";

	@Parameter(type = ItemIO.OUTPUT)
	private File written;

	@Parameter
	private LogService log;

	@Override
	public void run() {
		if (Engine.delegate((Runnable) this, Runnable::run)) return; // TensorFlow isolated from legacy jars
		try {
			written = Autoencoders.export(Settings.copy(this, new ExportSettings()));
			log.info("Wrote " + written + " (bioimage.io model package for deepImageJ; also a model file here)");
		}
		catch (final BadInputException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
	}
}
