package sc.fiji.autoencoders.command;

import java.awt.GraphicsEnvironment;

import ij.measure.ResultsTable;

/** Shows ImageJ tables only where there is a display: SciJava does not display ResultsTable outputs itself. */
final class Tables {

	private Tables() {}

	static void show(final ResultsTable table, final String title) {
		if (!GraphicsEnvironment.isHeadless()) table.show(title);
	}
}
