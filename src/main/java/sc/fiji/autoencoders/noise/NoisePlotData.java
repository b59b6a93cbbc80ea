package sc.fiji.autoencoders.noise;

/**
 * The series of a plot of the noise's standard deviation against the signal, for any front end to draw: the model's
 * curve over the signal range, and the measured standard deviation per signal bin when the model was fitted on data.
 */
public final class NoisePlotData {

	/** Points of the model's curve. */
	public static final int POINTS = 200;

	public final double[] signal, std;
	/** Empty for a model given by a spec. */
	public final double[] measuredSignal, measuredStd;
	public final String title;

	private NoisePlotData(final double[] signal, final double[] std, final double[] measuredSignal,
		final double[] measuredStd, final String title)
	{
		this.signal = signal;
		this.std = std;
		this.measuredSignal = measuredSignal;
		this.measuredStd = measuredStd;
		this.title = title;
	}

	/**
	 * The curve over the fitted range; for a model given by a spec, over {@code [0, fallbackHigh]}.
	 */
	public static NoisePlotData of(final ChannelNoiseModels.Channel channel, final double fallbackHigh) {
		final LikelihoodModel m = channel.model;
		double lo = m.signalLow(), hi = m.signalHigh();
		if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
			lo = channel.measured != null && channel.measured.size() > 0 ? channel.measured.signal()[0] : 0;
			hi = channel.measured != null && channel.measured.size() > 0 ? channel.measured.signal()[channel.measured
				.size() - 1] : fallbackHigh;
		}
		final double[] s = new double[POINTS], sd = new double[POINTS];
		for (int i = 0; i < POINTS; i++) {
			s[i] = lo + (hi - lo) * i / (POINTS - 1);
			sd[i] = m.std(s[i]);
		}
		final boolean measured = channel.measured != null;
		return new NoisePlotData(s, sd, measured ? channel.measured.signal() : new double[0], measured ? channel.measured
			.std() : new double[0], m instanceof GaussianMixtureNoiseModel ? "Gaussian mixture noise model"
				: "Poisson-Gaussian noise model");
	}
}
