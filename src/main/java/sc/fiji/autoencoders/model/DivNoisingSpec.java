package sc.fiji.autoencoders.model;

import java.util.Collections;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import sc.fiji.autoencoders.base.BadInputException;

/**
 * The DivNoising network of a denoiser trained by the method {@code divnoising} ({@link DivNoisingNetwork}: filters of
 * its first level, channels of its spatial latent at 1/4 resolution), and the scale that calibrates its samples' spread:
 * the model file's {@code divNoising}. A model with it has no U-Net (spec.json's {@code network}).
 * <p>
 * A network of 2D planes of one channel (the defaults of {@link DenoiserSpec}): its noise model is per channel, and each
 * channel is denoised on its own.
 */
public final class DivNoisingSpec implements DenoiserSpec {

	/** The id of the training method that makes these models ({@code method} in spec.json). */
	public static final String METHOD = "divnoising";
	/** Latent channels of a model file that names none, and of the constructors without them. */
	public static final int DEFAULT_LATENT = 16;
	/**
	 * Latent channels of a new model trained by the method: {@link #DEFAULT_LATENT} unless the system property
	 * {@code fijiae.divnoising.latent} says otherwise (a benchmark knob, issue 27; DivNoising's own code uses 64).
	 */
	public static final int NEW_LATENT = Integer.getInteger("fijiae.divnoising.latent", DEFAULT_LATENT);
	/**
	 * Convolutions per scale of a new model: 1, the first version's network (and that of every file that names none),
	 * unless the system property {@code fijiae.divnoising.convs} says otherwise (a benchmark knob, issue 27). Each
	 * further one is a 3x3 convolution (and activation) after each of the encoder's and decoder's convolutions, as
	 * DivNoising's own network has two per scale. W2S fields 041-042, lr 0.01, MMSE of 16 on centre crops
	 * (docs/BENCHMARKS.md): 2,000 steps of 2 per scale (3x the time per step) 29.21 dB, 5,000 steps of 1 per scale
	 * 28.43 dB; not yet the default: measured once, on a shared machine, and DivNoisingCliTest's calibration check
	 * needs another test model first.
	 */
	public static final int NEW_CONVS = Integer.getInteger("fijiae.divnoising.convs", 1);
	/** Samples whose mean is the denoised image when none are asked for (a plain {@code denoise}). */
	public static final int DEFAULT_SAMPLES = 32;

	/** What tiles' sides must be a multiple of (two stride-2 levels). */
	public static final int SIZE_MULTIPLE = 4;
	/**
	 * An upper bound of the radius of the pixels one output pixel depends on: the encoder's three 3x3 convolutions at
	 * scales 1, 1 and 2 (the second and third stride 2), the decoder's at scales 4, 2 and 1, and the upsampling windows.
	 */
	public static final int RECEPTIVE_RADIUS = 1 + 1 + 2 + 4 + 2 + 4 + 2 + 1;
	/** What each further convolution per scale adds to the radius: 3x3 at scales 1, 2, 4 (encoder) and 4, 2, 1. */
	static final int RADIUS_PER_CONV = 1 + 2 + 4 + 4 + 2 + 1;

	private final int filters, latent, convs;
	private final double spreadScale, spreadPower;

	/**
	 * @param spreadScale the factor that turns the samples' standard deviation into the calibrated spread (1: none fitted)
	 */
	public DivNoisingSpec(final int filters, final int latent, final double spreadScale) {
		this(filters, latent, spreadScale, 1);
	}

	/**
	 * @param spreadScale the factor {@code a} and
	 * @param spreadPower the power {@code b} of the calibrated spread {@code a * sd^b} of the samples' standard deviation
	 *          {@code sd} in image units ({@link #spread}); {@code b} is 1 unless fitted against a ground truth
	 */
	public DivNoisingSpec(final int filters, final int latent, final double spreadScale, final double spreadPower) {
		this(filters, latent, 1, spreadScale, spreadPower);
	}

	/** @param convs convolutions per scale (1: the first version's network) */
	public DivNoisingSpec(final int filters, final int latent, final int convs, final double spreadScale,
		final double spreadPower)
	{
		this.filters = filters;
		this.convs = convs;
		this.latent = latent;
		this.spreadScale = spreadScale;
		this.spreadPower = spreadPower;
	}

	public int filters() {
		return filters;
	}

	public int latent() {
		return latent;
	}

	/** Convolutions per scale of the encoder and the decoder (1: the first version's network). */
	public int convs() {
		return convs;
	}

	public double spreadScale() {
		return spreadScale;
	}

	public double spreadPower() {
		return spreadPower;
	}

	/** The calibrated spread of samples whose standard deviation is {@code sd} (image units): a * sd^b. */
	public double spread(final double sd) {
		return spreadScale * Math.pow(sd, spreadPower);
	}

	/** This network with the spread scale {@code s} (fitted without a ground truth: the power stays). */
	public DivNoisingSpec withSpreadScale(final double s) {
		return new DivNoisingSpec(filters, latent, convs, s, spreadPower);
	}

	/** This network with the calibration a * sd^b (fitted against a ground truth). */
	public DivNoisingSpec withCalibration(final double scale, final double power) {
		return new DivNoisingSpec(filters, latent, convs, scale, power);
	}

	/** @throws BadInputException naming the valid ranges */
	public DivNoisingSpec validate() {
		if (filters < 1 || filters > 512) throw new BadInputException("DivNoising's filters must be 1 to 512, not " +
			filters + ".");
		if (latent < 1 || latent > 512) throw new BadInputException("DivNoising's latent channels must be 1 to 512, not " +
			latent + ".");
		if (convs < 1 || convs > 8) throw new BadInputException("DivNoising's convolutions per scale must be 1 to 8, " +
			"not " + convs + ".");
		if (!(spreadScale > 0) || Double.isInfinite(spreadScale)) throw new BadInputException("DivNoising's spread " +
			"scale must be positive and finite, not " + spreadScale + ".");
		if (!(spreadPower > 0 && spreadPower <= 4)) throw new BadInputException("DivNoising's spread power must be " +
			"more than 0 and at most 4, not " + spreadPower + ".");
		return this;
	}

	/** The parameters {@link DivNoisingNetwork} asks for, in its order (the model file reader checks the weights). */
	@Override
	public Map<String, long[]> parameterShapes() {
		final Map<String, long[]> m = new LinkedHashMap<>();
		final long f = filters, z = latent;
		conv(m, "dn_enc0", 3, 1, f);
		extra(m, "dn_enc0", f);
		conv(m, "dn_enc1", 3, f, 2 * f);
		extra(m, "dn_enc1", 2 * f);
		conv(m, "dn_enc2", 3, 2 * f, 2 * f);
		extra(m, "dn_enc2", 2 * f);
		conv(m, "dn_mu", 1, 2 * f, z);
		conv(m, "dn_logvar", 1, 2 * f, z);
		conv(m, "dn_dec0", 3, z, 2 * f);
		extra(m, "dn_dec0", 2 * f);
		conv(m, "dn_dec1", 3, 2 * f, f);
		extra(m, "dn_dec1", f);
		conv(m, "dn_dec2", 3, f, f);
		extra(m, "dn_dec2", f);
		conv(m, "dn_out", 1, f, 1);
		return Collections.unmodifiableMap(m);
	}

	/** The further convolutions after {@code name} ({@link #extraName}), each {@code c} to {@code c}. */
	private void extra(final Map<String, long[]> m, final String name, final long c) {
		for (int i = 2; i <= convs; i++)
			conv(m, extraName(name, i), 3, c, c);
	}

	/** The name of the {@code i}-th convolution (2, 3, ...) of the scale whose first is {@code name}. */
	public static String extraName(final String name, final int i) {
		return name + "_" + i;
	}

	@Override
	public int receptiveRadius() {
		return RECEPTIVE_RADIUS + (convs - 1) * RADIUS_PER_CONV;
	}

	/** The bound: the MMSE of random samples is no fixed function of the input to measure. */
	@Override
	public boolean measuresReceptiveField() {
		return false;
	}

	@Override
	public void describe(final AutoencoderModel m, final BiConsumer<String, String> line) {
		line.accept("DivNoising", "latent " + latent + " channels at 1/4 resolution" + (convs == 1 ? "" : ", " + convs +
			" convolutions per scale") + "; " + (spreadPower == 1 ?
			"spread scale " + String.format(Locale.ROOT, "%.4g", spreadScale) + " (fitted on the validation patches" :
			String.format(Locale.ROOT, "spread calibrated against a ground truth: %.4g * sd^%.4g of the samples' sd " +
				"(calibrate-uncertainty", spreadScale, spreadPower)) + ": the spread is a standard deviation of the clean " +
			"signal, in image units)");
	}

	@Override
	public String exportRefusal() {
		return "Exporting a DivNoising model to bioimage.io is not supported: its denoised image is the mean of random " +
			"posterior samples and its noise model and spread are part of the model, which the format's single " +
			"deterministic network cannot hold faithfully. Use it here (denoise, Denoise with Uncertainty), or export a " +
			"Noise2Void model.";
	}

	@Override
	public String use() {
		return "it is a DivNoising denoiser, whose latent is a spatial map, not a code: use Generate for new images " +
			"from its prior, Denoise with Uncertainty for samples of a noisy image";
	}

	private static void conv(final Map<String, long[]> m, final String name, final long k, final long in,
		final long out)
	{
		m.put(name + ".kernel", new long[] { k, k, in, out });
		m.put(name + ".bias", new long[] { out });
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof DivNoisingSpec)) return false;
		final DivNoisingSpec s = (DivNoisingSpec) o;
		return filters == s.filters && latent == s.latent && convs == s.convs && spreadScale == s.spreadScale &&
			spreadPower == s.spreadPower;
	}

	@Override
	public int hashCode() {
		return Objects.hash(filters, latent, convs, spreadScale, spreadPower);
	}

	@Override
	public String toString() {
		return "DivNoising VAE, " + filters + " filters" + (convs == 1 ? "" : ", " + convs + " convolutions per scale") +
			", latent " + latent + " channels at 1/4 resolution";
	}
}
