package sc.fiji.autoencoders.io;

import java.util.List;

import com.google.gson.JsonElement;

import sc.fiji.autoencoders.base.BadInputException;
import sc.fiji.autoencoders.io.JsonTable.At;
import sc.fiji.autoencoders.io.JsonTable.Codec;
import sc.fiji.autoencoders.io.JsonTable.Field;
import sc.fiji.autoencoders.noise.ChannelNoiseModels;
import sc.fiji.autoencoders.noise.GaussianMixtureNoiseModel;
import sc.fiji.autoencoders.noise.LikelihoodModel;
import sc.fiji.autoencoders.noise.NoiseCurve;
import sc.fiji.autoencoders.noise.PoissonGaussianNoiseModel;

/**
 * How {@link ChannelNoiseModels} are stored: a list of channels, each with its {@code kind} ({@code gmm} or
 * {@code poisson-gaussian}), the fields of that kind only, and the {@code measured} curve if it was fitted on data. The
 * same tables write a noise model file ({@link NoiseModelFile}) and the {@code noiseModel} of a model file.
 */
final class NoiseModelJson {

	static final String GMM = "gmm", POISSON_GAUSSIAN = "poisson-gaussian";

	/** {@link NoiseCurve}: {@code measured}. */
	private static final JsonTable<NoiseCurve> CURVE;
	static {
		final JsonTable<NoiseCurve> t = new JsonTable<>("noise curves");
		final Field<NoiseCurve, double[]> signal = t.required("signal", JsonTable.NUMBERS, NoiseCurve::signal);
		final Field<NoiseCurve, double[]> std = t.required("std", JsonTable.NUMBERS, NoiseCurve::std);
		final Field<NoiseCurve, double[]> count = t.required("count", JsonTable.NUMBERS, c -> {
			final double[] d = new double[c.size()];
			for (int i = 0; i < d.length; i++)
				d[i] = c.count()[i];
			return d;
		});
		CURVE = t.make(v -> {
			final long[] n = new long[v.get(count).length];
			for (int i = 0; i < n.length; i++) {
				n[i] = (long) v.get(count)[i];
				if (n[i] != v.get(count)[i]) throw v.at.damaged("its noise curve has a count " + v.get(count)[i] +
					" that is not a whole number");
			}
			return JsonTable.valid(v.at, "noise curve", () -> new NoiseCurve(v.get(signal), v.get(std), n));
		});
	}

	/** {@link ChannelNoiseModels.Channel}: one element of {@code channels}. */
	private static final JsonTable<ChannelNoiseModels.Channel> CHANNEL;
	static {
		final JsonTable<ChannelNoiseModels.Channel> t = new JsonTable<>("noise models");
		final Field<ChannelNoiseModels.Channel, String> kind = t.required("kind", JsonTable.TEXT, c -> c
			.model instanceof GaussianMixtureNoiseModel ? GMM : POISSON_GAUSSIAN);
		// a model given by a spec holds everywhere: its range is not written
		final Field<ChannelNoiseModels.Channel, Double> low = t.optional("low", JsonTable.FINITE_DOUBLE, c -> finite(c
			.model.signalLow()), Double.NEGATIVE_INFINITY);
		final Field<ChannelNoiseModels.Channel, Double> high = t.optional("high", JsonTable.FINITE_DOUBLE, c -> finite(c
			.model.signalHigh()), Double.POSITIVE_INFINITY);
		final Field<ChannelNoiseModels.Channel, Double> a = t.optional("a", JsonTable.FINITE_DOUBLE, c -> pg(c) == null
			? null : pg(c).gain(), null);
		final Field<ChannelNoiseModels.Channel, Double> b = t.optional("b", JsonTable.FINITE_DOUBLE, c -> pg(c) == null
			? null : pg(c).offset(), null);
		final Field<ChannelNoiseModels.Channel, Integer> gaussians = t.optional("gaussians", JsonTable.integer(1, 16),
			c -> gmm(c) == null ? null : gmm(c).gaussians(), null);
		final Field<ChannelNoiseModels.Channel, Integer> coefficients = t.optional("coefficients", JsonTable.integer(1,
			8), c -> gmm(c) == null ? null : gmm(c).coefficients(), null);
		final Field<ChannelNoiseModels.Channel, Double> minSigma = t.optional("minSigma", JsonTable.FINITE_DOUBLE,
			c -> gmm(c) == null ? null : gmm(c).minSigma(), null);
		final Field<ChannelNoiseModels.Channel, double[]> weights = t.optional("weights", JsonTable.NUMBERS, c -> gmm(
			c) == null ? null : gmm(c).weights(), null);
		final Field<ChannelNoiseModels.Channel, double[]> offsets = t.optional("offsets", JsonTable.NUMBERS, c -> gmm(
			c) == null ? null : gmm(c).offsets(), null);
		final Field<ChannelNoiseModels.Channel, double[]> variances = t.optional("logVarianceCoefficients",
			JsonTable.NUMBERS, c -> gmm(c) == null ? null : gmm(c).logVarianceCoefficients(), null);
		final Field<ChannelNoiseModels.Channel, NoiseCurve> measured = t.optional("measured", CURVE.object(),
			c -> c.measured, null);
		CHANNEL = t.make(v -> {
			final String k = v.get(kind);
			final LikelihoodModel model;
			if (GMM.equals(k)) {
				if (v.get(a) != null || v.get(b) != null) throw v.at.damaged("its Gaussian mixture noise model has the " +
					"Poisson-Gaussian fields 'a' or 'b'");
				for (final Field<ChannelNoiseModels.Channel, ?> f : List.of(gaussians, coefficients, minSigma, weights,
					offsets, variances))
					if (v.get(f) == null) throw v.at.damaged("its Gaussian mixture noise model has no '" + f.name + "'");
				model = JsonTable.valid(v.at, "Gaussian mixture noise model", () -> new GaussianMixtureNoiseModel(v.get(gaussians), v
					.get(coefficients), v.get(weights), v.get(offsets), v.get(variances), v.get(low), v.get(high), v.get(
						minSigma)));
			}
			else if (POISSON_GAUSSIAN.equals(k)) {
				for (final Field<ChannelNoiseModels.Channel, ?> f : List.of(gaussians, coefficients, minSigma, weights,
					offsets, variances))
					if (v.get(f) != null) throw v.at.damaged("its Poisson-Gaussian noise model has the Gaussian mixture " +
						"field '" + f.name + "'");
				if (v.get(a) == null || v.get(b) == null) throw v.at.damaged("its Poisson-Gaussian noise model needs " +
					"'a' and 'b'");
				model = JsonTable.valid(v.at, "Poisson-Gaussian noise model", () -> new PoissonGaussianNoiseModel(v.get(a), v.get(b),
					v.get(low), v.get(high)));
			}
			else throw v.at.damaged("its noise model kind '" + ModelFile.sanitize(k) + "' is not known (" + GMM + " or " +
				POISSON_GAUSSIAN + " expected)");
			return new ChannelNoiseModels.Channel(model, v.get(measured));
		});
	}

	/** {@link ChannelNoiseModels}: a list of one to {@link ChannelNoiseModels#MAX_CHANNELS} channels. */
	static final Codec<ChannelNoiseModels> MODELS = new Codec<ChannelNoiseModels>() {

		private final Codec<List<ChannelNoiseModels.Channel>> list = CHANNEL.list();

		@Override
		public JsonElement write(final ChannelNoiseModels value) {
			return list.write(value.channels());
		}

		@Override
		public ChannelNoiseModels read(final JsonElement e, final At at) {
			if (e.isJsonArray() && e.getAsJsonArray().size() > ChannelNoiseModels.MAX_CHANNELS) throw at.notA(
				"a list of at most " + ChannelNoiseModels.MAX_CHANNELS + " noise models");
			final List<ChannelNoiseModels.Channel> channels = list.read(e, at);
			return JsonTable.valid(at, "noise model", () -> new ChannelNoiseModels(channels));
		}
	};

	private NoiseModelJson() {}

	private static Double finite(final double v) {
		return Double.isFinite(v) ? v : null;
	}

	private static PoissonGaussianNoiseModel pg(final ChannelNoiseModels.Channel c) {
		return c.model instanceof PoissonGaussianNoiseModel ? (PoissonGaussianNoiseModel) c.model : null;
	}

	private static GaussianMixtureNoiseModel gmm(final ChannelNoiseModels.Channel c) {
		return c.model instanceof GaussianMixtureNoiseModel ? (GaussianMixtureNoiseModel) c.model : null;
	}
}
