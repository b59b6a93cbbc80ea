package sc.fiji.autoencoders.ij1;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import ij.gui.Plot;
import sc.fiji.autoencoders.op.codes.LatentScatter;

/**
 * Draws a {@link LatentScatter} as an ImageJ {@link Plot}: one colour per class, with a legend. Used by every front
 * end (the ImageJ 1 and SciJava commands show it, the command line saves its image as a PNG).
 */
public final class LatentPlot {

	/** Distinguishable colours (Tableau 10), reused in order when there are more classes. */
	private static final Color[] PALETTE = { new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
		new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127,
			127, 127), new Color(188, 189, 34), new Color(23, 190, 207) };

	private LatentPlot() {}

	public static Plot of(final LatentScatter s, final String title) {
		final Plot plot = new Plot(title, s.xLabel(), s.yLabel());
		final double[] x = s.x(), y = s.y();
		final StringBuilder legend = new StringBuilder();
		int c = 0;
		for (final Map.Entry<String, List<Integer>> e : s.classes().entrySet()) {
			final double[] px = new double[e.getValue().size()], py = new double[px.length];
			for (int i = 0; i < px.length; i++) {
				px[i] = x[e.getValue().get(i)];
				py[i] = y[e.getValue().get(i)];
			}
			plot.setColor(PALETTE[c++ % PALETTE.length]);
			plot.add("circle", px, py);
			legend.append(e.getKey().isEmpty() ? "images" : e.getKey()).append('\n');
		}
		plot.setLegend(legend.toString(), Plot.AUTO_POSITION);
		plot.setLimitsToFit(false);
		return plot;
	}
}
