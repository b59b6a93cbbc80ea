package sc.fiji.autoencoders.model;

import java.util.Locale;


/** Multi-line, human-readable description of a model, for the info command and the Fiji dialog. */
public final class ModelDescription {

	private ModelDescription() {}

	public static String describe(final AutoencoderModel m) {
		final StringBuilder sb = new StringBuilder();
		line(sb, "kind", String.valueOf(m.kind));
		line(sb, "architecture", String.valueOf(m.hasCodes() ? m.vae : m.network));
		line(sb, "parameters", String.valueOf(m.weights.parameterCount()));
		if (m.isDenoiser()) {
			final DenoiserMethod method = m.trainingMethod();
			line(sb, "method", method.displayName() + " (" + method.id() + ")");
			line(sb, "mode", m.mode.id() + ": " + m.trainedFrom());
			if (m.mode == TrainingMode.CLEAN) line(sb, "noise model", m.noise);
			if (m.masking != null) line(sb, "masking", masking(m));
			if (m.data != null) line(sb, "data", m.data);
			line(sb, "patch size", String.valueOf(m.patchSize));
			m.network.describe(m, (key, value) -> line(sb, key, value));
		}
		if (m.hasCodes()) line(sb, "code fit", m.codes == null ? "none (trained by an earlier version: sampling " +
			"'fit' needs a retrained model)" : "Gaussian with full covariance over the " + m.codes.dimension() +
				" code dimensions of the training images");
		if (m.noiseModel != null) line(sb, "camera noise", m.noiseModel.describe().trim().replace("\n", "; "));
		if (m.isDenoiser() && m.network.channels() > 1) {
			line(sb, "channels", m.network.channels() + ", trained jointly: denoises images of exactly " + m.network
				.channels() + " channels, in the order trained on, each output channel seeing every input channel");
			for (int c = 0; c < m.network.channels(); c++)
				line(sb, c == 0 ? "normalization" : "", String.format(Locale.ROOT, "channel %d: %.4g to %.4g (image units)",
					c + 1, m.normalization(c).low(), m.normalization(c).high()));
		}
		else line(sb, "normalization", String.format(Locale.ROOT, "%.4g to %.4g (image units)", m.normalization.low(),
			m.normalization.high()));
		line(sb, "training", m.history.size() + " epochs, " + m.steps + " steps, seed " + m.seed + ", learning rate now " +
			m.learningRate + (m.optimizerState != null ? ", optimizer state stored (resumable)" : ""));
		final TrainingHistory.Epoch best = m.history.best();
		if (best != null) {
			if (m.isDenoiser() && m.trainingMethod().metricLabel() == null) line(sb, "best epoch", String.format(Locale
				.ROOT, "%d: %s %.5g (no clean image: no PSNR)", best.epoch, m.trainingMethod().validationLabel(),
				best.validationLoss));
			else line(sb, "best epoch", String.format(Locale.ROOT, "%d: validation loss %.5g, %s %.3f", best.epoch,
				best.validationLoss, m.isVae() ? "negative ELBO (nats)" : m.isAutoencoder()
					? "squared error per image ([0, 1] units)" : m.mode == TrainingMode.PAIRS
					? "validation PSNR against the targets (dB)" : "validation PSNR (dB)", best.validationMetric));
		}
		if (m.created != null) line(sb, "trained", m.created);
		return sb.toString();
	}

	/** The masking; in 3D its window is a cube of voxels and a structN2V line lies in the masked voxel's plane. */
	private static String masking(final AutoencoderModel m) {
		final String text = m.masking.toString();
		if (m.network.dims() != 3) return text;
		final int w = m.masking.window();
		return text.replace("of pixels", "of voxels").replace(w + "x" + w + " window", w + "x" + w + "x" + w +
			" window").replace("random pixel", "random voxel") + (m.masking.struct() != StructMask.NONE ? " in its plane"
				: "");
	}

	private static void line(final StringBuilder sb, final String key, final String value) {
		sb.append(String.format(Locale.ROOT, "  %-14s %s%n", key.isEmpty() ? "" : key + ":", value));
	}
}
