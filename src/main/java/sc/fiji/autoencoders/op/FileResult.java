package sc.fiji.autoencoders.op;

import java.io.File;

/** A result that knows how to write itself where the command line's {@code --output} says (a file or a folder). */
public interface FileResult {

	/** Writes the result to {@code output} and returns the line that says what was written. */
	String writeTo(File output);
}
