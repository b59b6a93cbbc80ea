package sc.fiji.autoencoders.io;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;

import ij.measure.ResultsTable;
import sc.fiji.autoencoders.base.BadInputException;

/** Results tables as CSV files: what the CLI writes is what the Fiji commands show. */
public final class TableFiles {

	private TableFiles() {}

	/**
	 * Writes the table as CSV (a header of the column headings, row labels first if any; numbers with 7 significant
	 * digits, texts such as class labels as they are, quoted if they hold a comma), atomically: a reader never sees half a file.
	 */
	public static void writeCsv(final ResultsTable table, final File out) {
		final File dir = out.getAbsoluteFile().getParentFile();
		final File tmp = new File(dir, "." + out.getName() + ".tmp");
		final String[] headings = table.getHeadings();
		final boolean labels = headings.length > 0 && "Label".equals(headings[0]);
		try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp.toPath(), StandardCharsets.UTF_8))) {
			w.println(String.join(",", headings));
			for (int row = 0; row < table.size(); row++) {
				final StringBuilder sb = new StringBuilder();
				for (int c = 0; c < headings.length; c++) {
					if (c > 0) sb.append(',');
					if (c == 0 && labels) sb.append(quote(table.getLabel(row)));
					else {
						final double v = table.getValue(headings[c], row);
						final String text = Double.isNaN(v) ? table.getStringValue(headings[c], row) : null;
						if (text != null && !text.isEmpty() && !"NaN".equals(text)) sb.append(quote(text)); // a text column
						else sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(
							Locale.ROOT, "%.7g", v));
					}
				}
				w.println(sb);
			}
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write " + out + " (" + e.getMessage() + "): check that the folder " +
				"exists and is writable.", e);
		}
		try {
			AtomicFiles.move(tmp, out);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write " + out + " (" + e.getMessage() + ").", e);
		}
	}

	private static String quote(final String s) {
		if (s == null) return "";
		return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
	}
}
