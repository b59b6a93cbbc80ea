package sc.fiji.autoencoders.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * Latent codes as a table, one row per image: columns {@code image, mu_0..mu_{L-1}, logvar_0..logvar_{L-1}} for a VAE,
 * {@code image, code_0..code_{L-1}} for a feature autoencoder.
 */
public final class LatentTable {

	private LatentTable() {}

	/** The columns of a VAE's ({@code vae}) or a feature autoencoder's table. */
	public static List<String> headings(final int latent, final boolean vae) {
		if (vae) return headings(latent);
		final List<String> h = new ArrayList<>();
		h.add("image");
		for (int i = 0; i < latent; i++)
			h.add("code_" + i);
		return h;
	}

	/** The columns of a VAE's table. */
	public static List<String> headings(final int latent) {
		final List<String> h = new ArrayList<>();
		h.add("image");
		for (int i = 0; i < latent; i++)
			h.add("mu_" + i);
		for (int i = 0; i < latent; i++)
			h.add("logvar_" + i);
		return h;
	}

	public static void writeCsv(final PrintWriter w, final float[] mu, final float[] logvar, final int latent) {
		w.println(String.join(",", headings(latent)));
		final int n = mu.length / latent;
		for (int i = 0; i < n; i++) {
			final StringBuilder sb = new StringBuilder().append(i + 1);
			for (int j = 0; j < latent; j++)
				sb.append(',').append(String.format(Locale.ROOT, "%.7g", mu[i * latent + j]));
			for (int j = 0; j < latent; j++)
				sb.append(',').append(String.format(Locale.ROOT, "%.7g", logvar[i * latent + j]));
			w.println(sb);
		}
	}

	/** Reads a table written by {@link #writeCsv}: {mu, logvar}. */
	public static float[][] readCsv(final BufferedReader r, final int latent) throws IOException {
		final String header = r.readLine();
		if (header == null || !header.equals(String.join(",", headings(latent)))) throw new BadInputException(
			"Not a latent table with " + latent + " dimensions.");
		final List<float[]> rows = new ArrayList<>();
		String line;
		while ((line = r.readLine()) != null) {
			if (line.isEmpty()) continue;
			final String[] f = line.split(",");
			final float[] row = new float[2 * latent];
			for (int j = 0; j < 2 * latent; j++)
				row[j] = Float.parseFloat(f[j + 1]);
			rows.add(row);
		}
		final float[] mu = new float[rows.size() * latent], lv = new float[rows.size() * latent];
		for (int i = 0; i < rows.size(); i++) {
			System.arraycopy(rows.get(i), 0, mu, i * latent, latent);
			System.arraycopy(rows.get(i), latent, lv, i * latent, latent);
		}
		return new float[][] { mu, lv };
	}
}
