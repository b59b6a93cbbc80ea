package sc.fiji.autoencoders.op.codes;

import sc.fiji.autoencoders.op.Autoencoders;
import sc.fiji.autoencoders.base.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.measure.ResultsTable;

/**
 * What {@link Autoencoders#latentScatter} finds: one point per image in a plane of the latent space, and the class of
 * each point when labels were given. The front ends draw it (an ImageJ Plot, a PNG from the command line).
 */
public final class LatentScatter {

	private static final String LABEL = "label";

	private final double[] x, y;
	private final String xLabel, yLabel;
	/** One per point, or null. */
	private final List<String> labels;

	public LatentScatter(final double[] x, final double[] y, final String xLabel, final String yLabel,
		final List<String> labels)
	{
		this.x = x;
		this.y = y;
		this.xLabel = xLabel;
		this.yLabel = yLabel;
		this.labels = labels == null ? null : Collections.unmodifiableList(new ArrayList<>(labels));
	}

	public double[] x() {
		return x.clone();
	}

	public double[] y() {
		return y.clone();
	}

	/** e.g. "PC 1" or "code 3". */
	public String xLabel() {
		return xLabel;
	}

	public String yLabel() {
		return yLabel;
	}

	/** The class of each point, or null if there are no labels. */
	public List<String> labels() {
		return labels;
	}

	/**
	 * The points as a table, one row per point: the two coordinates in columns named by {@link #xLabel} and
	 * {@link #yLabel}, and the class in column {@code label} if there are labels (scripts get this; {@link #of} reads
	 * it back).
	 */
	public ResultsTable table() {
		final ResultsTable t = new ResultsTable();
		for (int i = 0; i < x.length; i++) {
			t.incrementCounter();
			t.addValue(xLabel, x[i]);
			t.addValue(yLabel, y[i]);
			if (labels != null) t.addValue(LABEL, labels.get(i));
		}
		return t;
	}

	/** The scatter of a table written by {@link #table}. */
	public static LatentScatter of(final ResultsTable table) {
		final String[] headings = table.getHeadings();
		final List<String> columns = new ArrayList<>();
		for (final String h : headings)
			if (!LABEL.equals(h) && !"Label".equals(h)) columns.add(h);
		if (columns.size() != 2) throw new BadInputException("A latent-space table has two coordinate columns (and " +
			"optionally 'label'), not " + columns + ".");
		final double[] x = table.getColumn(columns.get(0)), y = table.getColumn(columns.get(1));
		List<String> labels = null;
		if (table.columnExists(LABEL)) {
			labels = new ArrayList<>();
			for (int i = 0; i < table.size(); i++)
				labels.add(table.getStringValue(LABEL, i));
		}
		return new LatentScatter(x, y, columns.get(0), columns.get(1), labels);
	}

	/** The points of each class in order of first appearance ("" for all points when there are no labels). */
	public Map<String, List<Integer>> classes() {
		final Map<String, List<Integer>> out = new LinkedHashMap<>();
		for (int i = 0; i < x.length; i++)
			out.computeIfAbsent(labels == null ? "" : labels.get(i), k -> new ArrayList<>()).add(i);
		return out;
	}
}
