package sc.fiji.autoencoders.ij1;

import java.awt.Color;

import ij.gui.Plot;
import sc.fiji.autoencoders.noise.NoisePlotData;

/**
 * The noise's standard deviation against the signal as an ImageJ {@link Plot}: the model's curve as a line, the
 * measured standard deviation per signal bin as circles. The same series as {@code io.NoisePlotPng}'s headless PNG.
 */
public final class NoiseModelPlot {

	private NoiseModelPlot() {}

	public static Plot plot(final NoisePlotData d) {
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
