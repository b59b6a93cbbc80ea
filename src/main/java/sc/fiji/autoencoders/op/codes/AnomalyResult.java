package sc.fiji.autoencoders.op.codes;

import sc.fiji.autoencoders.op.Autoencoders;
import ij.ImagePlus;
import ij.measure.ResultsTable;

/** What {@link Autoencoders#anomaly} finds: per-plane scores and per-pixel error maps. */
public final class AnomalyResult {

	private final ResultsTable scores;
	private final ImagePlus errorMap;

	public AnomalyResult(final ResultsTable scores, final ImagePlus errorMap) {
		this.scores = scores;
		this.errorMap = errorMap;
	}

	/**
	 * One row per plane: {@code image} (1-based plane number), {@code mean_absolute_error} (image units) and
	 * {@code negative_elbo_nats} (NaN for a denoiser).
	 */
	public ResultsTable scores() {
		return scores;
	}

	/** The absolute reconstruction error of every pixel, shaped and calibrated like the input. */
	public ImagePlus errorMap() {
		return errorMap;
	}
}
