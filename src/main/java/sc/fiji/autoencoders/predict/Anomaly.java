package sc.fiji.autoencoders.predict;

import java.util.ArrayList;
import java.util.List;

import sc.fiji.autoencoders.image.Plane;
import sc.fiji.autoencoders.model.AutoencoderModel;

/**
 * How badly a model reconstructs each image: the mean absolute error, the negative ELBO for VAEs, and a per-pixel
 * absolute error map in image units. For a denoiser the "reconstruction" is its output, so structures it has not seen
 * (or artefacts) stand out in the map.
 */
public final class Anomaly {

	/** Scores and error map of one image. */
	public static final class Result {

		public final double meanAbsoluteError;
		/** Negative ELBO in nats (VAE), NaN for denoisers and feature autoencoders. */
		public final double negativeElbo;
		public final Plane errorMap;

		Result(final double mae, final double nelbo, final Plane errorMap) {
			this.meanAbsoluteError = mae;
			this.negativeElbo = nelbo;
			this.errorMap = errorMap;
		}
	}

	private Anomaly() {}

	public static List<Result> score(final AutoencoderModel model, final List<Plane> images) {
		return score(model, images, null);
	}

	/** As above; a class-conditional VAE scores image i given its class {@code labels.get(i)}. */
	public static List<Result> score(final AutoencoderModel model, final List<Plane> images, final List<String> labels) {
		final List<Plane> recon = new ArrayList<>();
		float[] nelbo = null;
		if (model.hasCodes()) {
			try (Vae vae = new Vae(model)) {
				recon.addAll(vae.reconstruct(images, labels));
				if (vae.isVae()) nelbo = vae.negativeElbo(images, labels, 0);
			}
		}
		else {
			try (Denoiser d = new Denoiser(model)) {
				for (final Plane p : images)
					recon.add(d.denoise(p, PredictionMonitor.NONE));
			}
		}
		final List<Result> out = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) {
			final float[] a = images.get(i).pixels(), b = recon.get(i).pixels();
			final float[] err = new float[a.length];
			double sum = 0;
			for (int k = 0; k < a.length; k++) {
				err[k] = Math.abs(a[k] - b[k]);
				sum += err[k];
			}
			out.add(new Result(sum / a.length, nelbo != null ? nelbo[i] : Double.NaN, new Plane(images.get(i).width(), images
				.get(i).height(), err)));
		}
		return out;
	}

}
