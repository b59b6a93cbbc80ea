package sc.fiji.autoencoders.op;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import ij.gui.Plot;
import sc.fiji.autoencoders.noise.NoisePlotData;
import sc.fiji.autoencoders.op.codes.LatentScatter;

/**
 * Results drawn as ImageJ {@link Plot}s, the same picture in every front end (a window in ImageJ, an output image of
 * the SciJava command, a PNG on the command line). {@code ij.gui.Plot} draws without a display, which is why it is the
 * one class of {@code ij.gui} the core uses.
 */
public final class Plots {

	/** Distinguishable colours (Tableau 10), reused in order when there are more classes. */
	private static final Color[] PALETTE = { new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
		new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127,
			127, 127), new Color(188, 189, 34), new Color(23, 190, 207) };

	private Plots() {}

	/** The points of a latent space, one colour per class, with a legend. */
	public static Plot latent(final LatentScatter s, final String title) {
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

	/**
	 * A camera's noise: its standard deviation against the signal, the model's curve as a blue line and the measured
	 * standard deviation per signal bin as red circles (the plot microscopists read to characterise a camera).
	 */
	public static Plot noise(final NoisePlotData d) {
		final Plot plot = new Plot(d.title, "signal (image units)", "noise standard deviation");
		plot.setColor(new Color(30, 80, 200));
		plot.setLineWidth(2);
		plot.addPoints(d.signal, d.std, Plot.LINE);
		if (d.measuredSignal.length > 0) {
			plot.setColor(new Color(200, 60, 40));
			plot.setLineWidth(1);
			plot.addPoints(d.measuredSignal, d.measuredStd, Plot.CIRCLE);
		}
		plot.setLimitsToFit(false);
		return plot;
	}
}
