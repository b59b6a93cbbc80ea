package sc.fiji.autoencoders;

import java.io.File;

import sc.fiji.autoencoders.io.Labels;

/** Settings of encoding images to a table (names in each front end: {@link Settings}). */
public final class EncodeSettings {

	/**
	 * Where the label column comes from: auto (the slice labels if every slice has one; a folder of class subfolders
	 * labels each image by its subfolder), slices (every slice must have one), or none.
	 */
	@Choices({ Labels.AUTO, Labels.SLICES, Labels.NONE })
	public String labels = Labels.AUTO;
	/** A CSV file with a 'label' column (and optionally 'image', the 1-based image number) instead; empty for none. */
	public File labelsFile;
}
