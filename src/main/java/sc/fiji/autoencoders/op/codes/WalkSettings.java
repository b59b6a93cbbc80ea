package sc.fiji.autoencoders.op.codes;

import java.io.File;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.op.Setting;

/** Settings of a latent walk, with the defaults every front end shows. */
public final class WalkSettings {

	@Setting(label = "Model file", required = true, aliases = "model_file", help = "A VAE or feature autoencoder " +
		"(.aemodel).")
	public File model;
	/** Latent dimension along the rows (0-based). */
	@Setting(label = "First dimension (rows)", min = "0", help = "Latent dimension along the rows, 0-based.")
	public int dimI = 0;
	/** Latent dimension along the columns (0-based). */
	@Setting(label = "Second dimension (columns)", min = "0", help = "Latent dimension along the columns, 0-based.")
	public int dimJ = 1;
	/** The sweep goes from -range to range standard deviations. */
	@Setting(label = "Range", min = "0", help = "The sweep goes from -R to R standard deviations.")
	public double range = 3;
	/** Images per side of the grid. */
	@Setting(label = "Grid size", min = "2", help = "Images per side of the grid.")
	public int grid = 8;
	/** A class-conditional VAE: the class (one of its labels) of every image of the grid; empty for other models. */
	@Setting(label = "Class", help = "A class-conditional VAE: the class of every image of the grid (one of the " +
		"labels it was trained with); empty for other models.")
	public String label = "";
	@Setting(label = "Both dimensions", commandLineOnly = true, help = "Both dimensions at once, e.g. 0,1 (overrides " +
		"--dim-i and --dim-j).")
	public String dims = "";
	@Setting(label = "Output file", writes = true, commandLineOnly = true, required = true, help = "A TIFF, or a PNG " +
		"if the name ends in .png.")
	public File output;

	/** {@link #dims}, if given, into {@link #dimI} and {@link #dimJ}; checked. */
	void resolveDims() {
		if (dims == null || dims.trim().isEmpty()) return;
		final String[] ij = dims.split(",");
		if (ij.length != 2 || !ij[0].trim().matches("\\d+") || !ij[1].trim().matches("\\d+")) throw new BadInputException(
			"--dims must be two latent dimensions such as 0,1 (got '" + dims + "').");
		dimI = Integer.parseInt(ij[0].trim());
		dimJ = Integer.parseInt(ij[1].trim());
	}
}
