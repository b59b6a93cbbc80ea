package sc.fiji.autoencoders.io;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.DoubleStream;

import javax.imageio.ImageIO;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.noise.NoisePlotData;

/**
 * Draws the noise's standard deviation against the signal as a PNG, headless (java.awt only): the model's curve as a
 * line, the measured standard deviation per signal bin as dots. The plot microscopists read to characterise a camera.
 */
public final class NoisePlotPng {

	static final int WIDTH = 640, HEIGHT = 420, LEFT = 70, RIGHT = 20, TOP = 36, BOTTOM = 50;

	private NoisePlotPng() {}

	public static BufferedImage draw(final NoisePlotData d) {
		final BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			double x0 = min(d.signal, d.measuredSignal), x1 = max(d.signal, d.measuredSignal);
			double y1 = max(d.std, d.measuredStd) * 1.05;
			if (!(x1 > x0)) x1 = x0 + 1;
			if (!(y1 > 0)) y1 = 1;
			final double ax0 = x0, ax1 = x1, ay1 = y1;
			final int w = WIDTH - LEFT - RIGHT, h = HEIGHT - TOP - BOTTOM;
			final java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - ax0) / (ax1 - ax0) * w;
			final java.util.function.DoubleUnaryOperator py = v -> TOP + h - v / ay1 * h;
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.setColor(Color.BLACK);
			g.drawRect(LEFT, TOP, w, h);
			for (int i = 0; i <= 5; i++) {
				final double xv = x0 + (x1 - x0) * i / 5, yv = y1 * i / 5;
				final int xp = (int) px.applyAsDouble(xv), yp = (int) py.applyAsDouble(yv);
				g.drawLine(xp, TOP + h, xp, TOP + h + 4);
				g.drawLine(LEFT - 4, yp, LEFT, yp);
				final String xs = label(xv), ys = label(yv);
				g.drawString(xs, xp - g.getFontMetrics().stringWidth(xs) / 2, TOP + h + 18);
				g.drawString(ys, LEFT - 8 - g.getFontMetrics().stringWidth(ys), yp + 4);
			}
			g.drawString("signal (image units)", LEFT + w / 2 - 55, HEIGHT - 12);
			g.drawString("noise standard deviation", 6, TOP - 12);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
			g.drawString(d.title, LEFT + w - g.getFontMetrics().stringWidth(d.title), TOP - 12);
			g.setColor(new Color(200, 60, 40));
			for (int i = 0; i < d.measuredSignal.length; i++)
				g.fillOval((int) px.applyAsDouble(d.measuredSignal[i]) - 3, (int) py.applyAsDouble(d.measuredStd[i]) - 3, 7,
					7);
			g.setColor(new Color(30, 80, 200));
			g.setStroke(new BasicStroke(2f));
			final Path2D.Double line = new Path2D.Double();
			for (int i = 0; i < d.signal.length; i++)
				if (i == 0) line.moveTo(px.applyAsDouble(d.signal[i]), py.applyAsDouble(d.std[i]));
				else line.lineTo(px.applyAsDouble(d.signal[i]), py.applyAsDouble(d.std[i]));
			g.draw(line);
		}
		finally {
			g.dispose();
		}
		return img;
	}

	/** Writes the plot atomically. */
	public static void save(final NoisePlotData d, final File file) {
		File tmp = null;
		try {
			tmp = AtomicFiles.createTemporary(file).toFile();
			if (!ImageIO.write(draw(d), "png", tmp)) throw new IOException("no PNG writer");
			AtomicFiles.move(tmp, file);
		}
		catch (final IOException e) {
			throw new BadInputException("Cannot write the noise plot to " + file + " (" + ModelFile.reason(e) +
				"). Check that the folder is writable, or choose another location.", e);
		}
		finally {
			if (tmp != null) tmp.delete();
		}
	}

	private static String label(final double v) {
		final String s = String.format(Locale.ROOT, "%.4g", v);
		return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
	}

	private static double min(final double[] a, final double[] b) {
		return DoubleStream.concat(Arrays.stream(a), Arrays.stream(b)).min().orElse(0);
	}

	private static double max(final double[] a, final double[] b) {
		return DoubleStream.concat(Arrays.stream(a), Arrays.stream(b)).max().orElse(1);
	}
}
