package sc.fiji.autoencoders.noise;

import sc.fiji.autoencoders.base.BadInputException;

/** Whether a noise model fits the images it is used on: their channels and their intensity range. */
public final class NoiseModelChecks {

	/**
	 * How far beyond the fitted signal range, as a fraction of it, the data may reach before the model is refused: the
	 * noisy data of a signal at the edge spread beyond it.
	 */
	public static final double TOLERANCE = 0.1;

	private NoiseModelChecks() {}

	/** @throws BadInputException if the noise models are not one per channel of the images */
	public static void requireChannels(final ChannelNoiseModels models, final int imageChannels) {
		if (models.size() != imageChannels) throw new BadInputException("The noise model has " + models.size() +
			" channel" + (models.size() == 1 ? "" : "s") + " but the images have " + imageChannels + ": fit a noise " +
			"model on images of the same channels (one model per channel).");
	}

	/**
	 * Null if the model covers the data's intensities {@code [dataLow, dataHigh]}, else a message naming both ranges: a
	 * warning for data slightly beyond the range.
	 */
	public static String coverage(final LikelihoodModel model, final double dataLow, final double dataHigh) {
		final double lo = model.signalLow(), hi = model.signalHigh();
		if (dataLow >= lo && dataHigh <= hi) return null;
		return "The noise model was fitted on signals " + NoiseModels.compact(lo) + " to " + NoiseModels.compact(hi) +
			" but the images range from " + NoiseModels.compact(dataLow) + " to " + NoiseModels.compact(dataHigh);
	}

	/**
	 * @throws BadInputException if the data reach further than {@link #TOLERANCE} of the fitted range beyond it, naming
	 *           both ranges and the fix
	 */
	public static void requireCovers(final LikelihoodModel model, final double dataLow, final double dataHigh) {
		final double lo = model.signalLow(), hi = model.signalHigh();
		final double slack = Double.isFinite(hi - lo) ? TOLERANCE * (hi - lo) : 0;
		if (dataLow >= lo - slack && dataHigh <= hi + slack) return;
		throw new BadInputException(coverage(model, dataLow, dataHigh) + ": fit the noise model on calibration data " +
			"that reach as dark and as bright as these images (same camera and settings).");
	}
}
