package sc.fiji.autoencoders.predict;

import java.util.List;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;

/** Mean negative ELBO (nats per image) and reconstruction error of a VAE over images, evaluated in chunks. */
public final class VaeScores {

	static final int CHUNK = 1000;

	public final double negativeElbo;
	public final double meanAbsoluteError;
	/** Images scored. */
	public final int count;

	private VaeScores(final double nelbo, final double mae, final int count) {
		this.negativeElbo = nelbo;
		this.meanAbsoluteError = mae;
		this.count = count;
	}

	public static VaeScores of(final AutoencoderModel model, final List<Plane> images, final long seed) {
		double nelbo = 0, mae = 0;
		try (Vae vae = new Vae(model)) {
			for (int start = 0; start < images.size(); start += CHUNK) {
				final List<Plane> chunk = images.subList(start, Math.min(images.size(), start + CHUNK));
				for (final float v : vae.negativeElbo(chunk, seed + start))
					nelbo += v;
				final List<Plane> rec = vae.reconstruct(chunk);
				for (int i = 0; i < chunk.size(); i++) {
					final float[] a = chunk.get(i).pixels(), b = rec.get(i).pixels();
					double s = 0;
					for (int k = 0; k < a.length; k++)
						s += Math.abs(a[k] - b[k]);
					mae += s / a.length;
				}
			}
		}
		return new VaeScores(nelbo / images.size(), mae / images.size(), images.size());
	}
}
