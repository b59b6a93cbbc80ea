package sc.fiji.autoencoders.op.codes;

import java.io.File;

import sc.fiji.autoencoders.op.Setting;

/** Settings of encoding images to a table of codes (a label column when there are classes). */
public final class EncodeSettings extends ImagesToCodeSettings {

	@Setting(label = "Output table", writes = true, commandLineOnly = true, required = true, help = "A CSV file.")
	public File output;
}
